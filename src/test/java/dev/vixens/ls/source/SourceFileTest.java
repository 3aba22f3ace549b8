package dev.vixens.ls.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceFileTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // bytes as hex                    | the one line reported
        "61 3a 20 e9 0a                    | t.yaml:1:4: not valid UTF-8 (byte 0xe9 here); save the file as UTF-8",
        "61 0a 62 3a 20 63 61 66 e9 0a     | t.yaml:2:7: not valid UTF-8 (byte 0xe9 here); save the file as UTF-8",
        "61 3a 20 c3 a9 ff 0a              | t.yaml:1:5: not valid UTF-8 (byte 0xff here); save the file as UTF-8",
        "61 3a 20 c0 af 0a                 | t.yaml:1:4: not valid UTF-8 (byte 0xc0 here); save the file as UTF-8",
        "61 3a 20 e2 82                    | t.yaml:1:4: not valid UTF-8 (byte 0xe2 here); save the file as UTF-8",
        "ff fe 61 00 3a 00                 | t.yaml:1:1: not valid UTF-8 (byte 0xff here); save the file as UTF-8",
        "61 3a 20 62 00 63 0a              | t.yaml:1:5: a NUL byte; this is not a text file (save it as UTF-8 text)",
    })
    void refusesBytesThatAreNotUtf8TextAtTheirLineAndColumn(String hex, String line) {
        InputException e = catchThrowableOfType(InputException.class,
                () -> SourceFile.fromBytes("t.yaml", bytes(hex)));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.problem().format()).isEqualTo(line);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "61 3a 20 62 0a          | a: b\\n",
        "ef bb bf 61 3a 20 62 0a | a: b\\n",
        "61 3a 20 c3 a9 0a       | a: é\\n",
    })
    void decodesUtf8WithOrWithoutByteOrderMark(String hex, String text) {
        assertThat(SourceFile.fromBytes("t.yaml", bytes(hex)).text()).isEqualTo(text.replace("\\n", "\n"));
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}
