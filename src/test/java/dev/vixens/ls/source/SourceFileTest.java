package dev.vixens.ls.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void neverReadsThroughASymbolicLinkSoTheTargetIsNeverEchoed(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("credentials"), "TOKEN=supersecret\n");
        Path link = Files.createSymbolicLink(dir.resolve("leak.yaml"), secret);

        assertThat(problem(link, "profiles/leak.yaml")).isEqualTo("profiles/leak.yaml:1:1: is a symbolic link;"
                + " vixens-ls reads no file through a link (replace the link with the file itself)")
                .doesNotContain("supersecret", "TOKEN");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void refusesAFifoBeforeOpeningItSoReadingNeverBlocks(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        assertThat(problem(fifo, "pipe.yaml")).isEqualTo("pipe.yaml:1:1: is not a regular file (a FIFO, a device or"
                + " a socket); vixens-ls reads only regular files");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void refusesADeviceThatWouldNeverEnd() {
        assertThat(problem(Path.of("/dev/zero"), "/dev/zero")).isEqualTo("/dev/zero:1:1: is not a regular file (a"
                + " FIFO, a device or a socket); vixens-ls reads only regular files");
    }

    @Test
    void refusesADirectoryAndAFileTooLarge(@TempDir Path dir) throws IOException {
        assertThat(problem(dir, "d")).isEqualTo("d:1:1: is a directory, expected a YAML file");
        Path big = Files.write(dir.resolve("big.yaml"), new byte[SourceFile.MAX_BYTES + 1]);
        assertThat(problem(big, "big.yaml")).isEqualTo("big.yaml:1:1: file is 1048577 bytes; input files are"
                + " limited to 1048576 bytes");
    }

    @Test
    void saysWhyAFileCannotBeRead(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "a: b\n");

        assertThat(problem(file.resolve("x.yaml"), "file/x.yaml")).isEqualTo("file/x.yaml:1:1: cannot read file:"
                + " Not a directory");
        assertThat(IoReasons.of(new java.nio.file.AccessDeniedException("/repo/a.yaml"))).isEqualTo("Permission"
                + " denied");
    }

    @Test
    void splitsLinesWhereYamlDoesAndLocatesBytesOnThem() {
        assertThat(SourceFile.lines("a\rb\r\nc\nd")).isEqualTo(List.of("a", "b", "c", "d"));
        InputException e = catchThrowableOfType(InputException.class,
                () -> SourceFile.fromBytes("t.yaml", bytes("61 0d 62 0d 0a 63 3a 20 e9")));
        assertThat(e.problem().format()).isEqualTo("t.yaml:3:4: not valid UTF-8 (byte 0xe9 here); save the file as"
                + " UTF-8");
    }

    private static String problem(Path path, String name) {
        InputException e = catchThrowableOfType(InputException.class, () -> SourceFile.read(path, name));
        assertThat(e).as("refused").isNotNull();
        return e.problem().format();
    }
}
