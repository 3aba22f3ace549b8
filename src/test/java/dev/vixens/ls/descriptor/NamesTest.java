package dev.vixens.ls.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    private static final String ONLY = "; paths may use only letters, digits, '.', '_', '-', '/' and space";

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"/data/app.db", "/opt/hydrus/db/client.mappings.db", "/data/My Files/app_1.sqlite3",
        "/a", "/data/.hidden.db", "/data/..db", "/data/a..b"})
    void acceptsSafeAbsolutePaths(String path) {
        assertThat(Names.absolutePathProblem(path)).isNull();
    }

    static Stream<Arguments> badAbsolutePaths() {
        return Stream.of(
                Arguments.of("data/app.db", "must be an absolute path (start with /)"),
                Arguments.of("", "must be an absolute path (start with /)"),
                Arguments.of("/", "must name a file or directory below /"),
                Arguments.of("/data/../etc/app.db", "contains a '..' segment; paths may not climb out of their"
                        + " directory"),
                Arguments.of("/data/..", "contains a '..' segment; paths may not climb out of their directory"),
                Arguments.of("/data/./app.db", "contains a '.' segment; write the path without it"),
                Arguments.of("/data//app.db", "has an empty segment ('//' or a trailing '/')"),
                Arguments.of("/data/", "has an empty segment ('//' or a trailing '/')"),
                Arguments.of("/data/ app.db", "has a segment that starts or ends with a space"),
                Arguments.of("/data/$(reboot).db", "contains '$'" + ONLY),
                Arguments.of("/data/`id`.db", "contains '`'" + ONLY),
                Arguments.of("/data/a;b.db", "contains ';'" + ONLY),
                Arguments.of("/data/a|b.db", "contains '|'" + ONLY),
                Arguments.of("/data/a&b.db", "contains '&'" + ONLY),
                Arguments.of("/data/it's.db", "contains a quote (')" + ONLY),
                Arguments.of("/data/\"x\".db", "contains '\"'" + ONLY),
                Arguments.of("/data/*.db", "contains '*'" + ONLY),
                Arguments.of("/data/a?.db", "contains '?'" + ONLY),
                Arguments.of("/data/~/a.db", "contains '~'" + ONLY),
                Arguments.of("/data/a\\b.db", "contains '\\'" + ONLY),
                Arguments.of("/data/a\nb.db", "contains a newline" + ONLY),
                Arguments.of("/data/a\tb.db", "contains a tab" + ONLY),
                Arguments.of("/data/a\u0000b.db", "contains the invisible character U+0000" + ONLY),
                Arguments.of("/data/a\u200bb.db", "contains the invisible character U+200B" + ONLY),
                Arguments.of("/data/café.db", "contains 'é'" + ONLY));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badAbsolutePaths")
    void refusesUnsafeAbsolutePaths(String path, String problem) {
        assertThat(Names.absolutePathProblem(path)).isEqualTo(problem);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
        "bad-app/app.db         | OK",
        "apps                   | OK",
        "apps/_shared/litestream| OK",
        "/bad-app/app.db        | must be relative (no leading '/')",
        "../other/app.db        | contains a '..' segment; paths may not climb out of their directory",
        "apps/../..             | contains a '..' segment; paths may not climb out of their directory",
    })
    void checksRelativePaths(String path, String problem) {
        assertThat(Names.relativePathProblem(path)).isEqualTo(problem);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        "hydrus-client, true",
        "a,             true",
        "0abc,          true",
        "Bad-App,       false",
        "bad_app,       false",
        "-app,          false",
        "app-,          false",
        "app.name,      false",
        "'',            false",
        "a23456789012345678901234567890123456789012345678901234567890123, true",
        "a234567890123456789012345678901234567890123456789012345678901234, false",
    })
    void recognisesDnsLabels(String name, boolean valid) {
        assertThat(Names.isDnsLabel(name)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        "LITESTREAM_BUCKET, true",
        "_X,                true",
        "A1,                true",
        "litestream-bucket, false",
        "litestream_bucket, false",
        "1BUCKET,           false",
        "'BUCKET NAME',     false",
    })
    void recognisesEnvironmentVariableNames(String name, boolean valid) {
        assertThat(Names.isEnvName(name)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
        "busybox:1.37.0                  | OK",
        "keinos/sqlite3:3.46.1           | OK",
        "registry.example:5000/team/img:v1 | OK",
        "busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | OK",
        "busybox                         | has no tag; pin a version (repo:tag or repo@sha256:...), an unpinned image changes under you",
        "registry.example:5000/img       | has no tag; pin a version (repo:tag or repo@sha256:...), an unpinned image changes under you",
        "busybox:latest                  | is not pinned; 'latest' changes under you, use a version tag or @sha256:...",
        "busybox@sha256:abc              | has an invalid digest; expected @sha256:<64 hex digits>",
        "busybox:-1                      | has an invalid tag '-1'",
        "Busybox:1.0                     | is not an image reference such as busybox:1.37.0",
        "busy box:1.0                    | is not an image reference such as busybox:1.37.0",
    })
    void requiresPinnedImages(String image, String problem) {
        assertThat(Names.pinnedImageProblem(image)).isEqualTo(problem);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        "100m,  true",
        "128Mi, true",
        "1,     true",
        "0.5,   true",
        "2Gi,   true",
        "128MB, false",
        "1.5.0, false",
        "-1,    false",
        "10 m,  false",
        "'',    false",
    })
    void recognisesQuantities(String quantity, boolean valid) {
        assertThat(Names.isQuantity(quantity)).isEqualTo(valid);
    }
}
