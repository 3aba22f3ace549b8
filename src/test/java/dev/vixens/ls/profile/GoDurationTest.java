package dev.vixens.ls.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({
        "1ms,        1",
        "100ms,      100",
        "1s,         1000",
        "90m,        5400000",
        "1h,         3600000",
        "1h30m,      5400000",
        "336h,       1209600000",
        "1h1m1s1ms,  3661001",
        "0s,         0",
    })
    void parsesWholeNumbersOfMsSMAndH(String text, long millis) {
        GoDuration duration = GoDuration.parse(text);

        assertThat(duration.millis()).isEqualTo(millis);
        assertThat(duration.text()).as("kept as written").isEqualTo(text);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "14d      | '14d' is in days, which Litestream does not understand; write hours: 336h",
        "2w       | '2w' is in weeks, which Litestream does not understand; write hours: 336h",
        "1.5h     | '1.5h' is not a whole number; write it in a smaller unit: 90m",
        "0.5s     | '0.5s' is not a whole number; write it in a smaller unit: 500ms",
        ".25m     | '.25m' is not a whole number; write it in a smaller unit: 15s",
        "0.0001ms | '0.0001ms' is not a duration; write whole numbers with ms, s, m or h, e.g. 1s, 90m or 24h",
        "-24h     | '-24h' is negative; a duration here must be positive",
        "1        | '1' is not a duration; write whole numbers with ms, s, m or h, e.g. 1s, 90m or 24h",
        "1H       | '1H' is not a duration; write whole numbers with ms, s, m or h, e.g. 1s, 90m or 24h",
        "1 h      | '1 h' is not a duration; write whole numbers with ms, s, m or h, e.g. 1s, 90m or 24h",
        "10us     | '10us' is not a duration; write whole numbers with ms, s, m or h, e.g. 1s, 90m or 24h",
        "1y       | '1y' is not a duration; write whole numbers with ms, s, m or h, e.g. 1s, 90m or 24h",
        "h        | 'h' is not a duration; write whole numbers with ms, s, m or h, e.g. 1s, 90m or 24h",
        "' '      | empty duration; write it like 1s, 90m or 24h",
        "9999999999999h | '9999999999999h' is longer than 100 years",
        "876001h  | '876001h' is longer than 100 years",
        "99999999999999999999.5h | '99999999999999999999.5h' is longer than 100 years",
        "0.99999999999999999999999999999999999999999999999999999999999999999999999999h | '0.99999999999999999999999999999999999999999999999999999999999999999999999999h' is not a whole number; write it in a smaller unit: 1h",
        "2562047h47m16.854775808s | '2562047h47m16.854775808s' is longer than 100 years",
    })
    void refusesWhatLitestreamWouldReadDifferentlyOrNotAtAll(String text, String message) {
        assertThatThrownBy(() -> GoDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    /** Go's own results ({@code time.ParseDuration}), including the edges of its 64-bit range. */
    @ParameterizedTest(name = "{0} = {1} ns")
    @CsvSource({
        "0,                          0",
        "+0,                         0",
        "-0,                         0",
        "1.5h,                       5400000000000",
        "300us,                      300000",
        "300\u00b5s,                300000",
        ".5s,                        500000000",
        "1.s,                        1000000000",
        "-1.5m,                      -90000000000",
        "1h1m1.5s,                   3661500000000",
        "9223372036854775807ns,      9223372036854775807",
        "2562047h47m16.854775807s,   9223372036854775807",
        "-2562047h47m16.854775808s,  -9223372036854775808",
        "1.000000000000000000000000000001s, 1000000000",
    })
    void readsEveryDurationGoReads(String text, long nanos) {
        assertThat(GoDuration.goNanos(text.replace("\\u00b5", "\u00b5"))).isEqualTo(nanos);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "9223372036854775808ns    | '9223372036854775808ns' is longer than the longest duration Go (and so Litestream) can hold, about 292 years",
        "2562047h47m16.854775808s | '2562047h47m16.854775808s' is longer than the longest duration Go (and so Litestream) can hold, about 292 years",
        "99999999999999999999.5h  | '99999999999999999999.5h' is longer than the longest duration Go (and so Litestream) can hold, about 292 years",
        "3000000h                 | '3000000h' is longer than the longest duration Go (and so Litestream) can hold, about 292 years",
        "1                        | '1' has a number without a unit (ns, us, ms, s, m or h)",
        "14d                      | '14d' has the unit 'd', which Go does not know (ns, us, ms, s, m or h)",
        ".                        | '.' is not a duration",
        "-                        | '-' is not a duration",
        "1..5s                    | '1..5s' has a number without a unit (ns, us, ms, s, m or h)",
    })
    void refusesWhatGoRefuses(String text, String message) {
        assertThatThrownBy(() -> GoDuration.goNanos(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
