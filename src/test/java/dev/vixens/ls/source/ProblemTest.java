package dev.vixens.ls.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProblemTest {

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("a\nb", "'a\\nb'"),
                Arguments.of("a\r\nb", "'a\\r\\nb'"),
                Arguments.of("a\tb", "'a\\tb'"),
                Arguments.of("a\u0000b", "'a\\u0000b'"),
                Arguments.of("a\u001bb", "'a\\u001bb'"),
                Arguments.of("a\u2028b", "'a\\u2028b'"),
                Arguments.of("/data/it's", "'/data/it's'"),
                Arguments.of("café 😀", "'café 😀'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("values")
    void quotesValuesOnOneLine(String value, String quoted) {
        assertThat(Problem.quote(value)).isEqualTo(quoted);
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("unknown profile 'a\nb'", "f.yaml:3:7: unknown profile 'a\\nb'"),
                Arguments.of("two\nlines\n", "f.yaml:3:7: two\\nlines\\n"),
                Arguments.of("plain message", "f.yaml:3:7: plain message"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("messages")
    void formatsEveryProblemAsExactlyOneLine(String message, String line) {
        Problem problem = new Problem(new Location("f.yaml", 3, 7), message);

        assertThat(problem.format()).isEqualTo(line).doesNotContain("\n", "\r");
    }
}
