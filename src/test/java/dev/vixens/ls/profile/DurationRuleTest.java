package dev.vixens.ls.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationRuleTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "SYNC_INTERVAL,     100ms",
        "SYNC_INTERVAL,     1s",
        "SYNC_INTERVAL,     1h",
        "SNAPSHOT_INTERVAL, 1m",
        "SNAPSHOT_INTERVAL, 720h",
        "RETENTION,         1h",
        "RETENTION,         60m",
        "RETENTION,         8760h",
    })
    void acceptsTheLimitsThemselves(DurationRule rule, String text) {
        assertThat(rule.parse(text).text()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "SYNC_INTERVAL     | 0s         | '0s' is zero (syncInterval must be between 100ms and 1h)",
        "SYNC_INTERVAL     | 10ms       | '10ms' is shorter than the minimum of 100ms (syncInterval must be between 100ms and 1h)",
        "SYNC_INTERVAL     | 99ms       | '99ms' is shorter than the minimum of 100ms (syncInterval must be between 100ms and 1h)",
        "SYNC_INTERVAL     | 61m        | '61m' is longer than the maximum of 1h (syncInterval must be between 100ms and 1h)",
        "SNAPSHOT_INTERVAL | 59s        | '59s' is shorter than the minimum of 1m (snapshotInterval must be between 1m and 720h)",
        "SNAPSHOT_INTERVAL | 721h       | '721h' is longer than the maximum of 720h (snapshotInterval must be between 1m and 720h)",
        "RETENTION         | 59m        | '59m' is shorter than the minimum of 1h (retention must be between 1h and 8760h)",
        "RETENTION         | 8761h      | '8761h' is longer than the maximum of 8760h (retention must be between 1h and 8760h)",
        "RETENTION         | 99999999h  | '99999999h' is longer than the maximum of 8760h (retention must be between 1h and 8760h)",
        "RETENTION         | 9999999999999h | '9999999999999h' is longer than the maximum of 8760h (retention must be between 1h and 8760h)",
        "RETENTION         | 30d        | '30d' is in days, which Litestream does not understand; write hours: 720h",
    })
    void refusesValuesOutsideTheSensibleRange(DurationRule rule, String text, String message) {
        assertThatThrownBy(() -> rule.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
