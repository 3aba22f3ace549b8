package dev.vixens.ls.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.TreeSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input/}): every case is one bad file dropped into a copy
 * of this project's example repository. {@code generate --all}, {@code generate APP} and {@code check} must
 * each print exactly the case's {@code expected.txt} line ({@code file:line:col: message}) on stderr, nothing
 * on stdout, exit 2, and leave every file and directory of the repository exactly as it was.
 *
 * <p>A case directory holds {@code expected.txt} and one of: {@code vixens-backup.yaml} (becomes the descriptor
 * of a new app {@code apps/99-bad/bad-app/}), {@code profiles/NAME.yaml} (added to, or replacing a file in,
 * the repository's profiles) or {@code .vixens-ls.yaml} (replaces the repository configuration). Most
 * descriptors are {@link #TEMPLATE} with one defect.
 */
class BadInputCorpusTest {

    /** Raise it when adding cases; the corpus must not shrink without someone deciding so. */
    private static final int MIN_CASES = 191;

    private static final Path CORPUS = ProjectFiles.root().resolve("src/test/resources/bad-input");
    private static final String BAD_APP = "bad-app";
    private static final String BAD_APP_DIR = "apps/99-bad/" + BAD_APP;
    private static final String DESCRIPTOR = DescriptorLoader.FILE_NAME;
    private static final String CONFIG = ".vixens-ls.yaml";
    private static final String EXPECTED = "expected.txt";
    /** {@code -Dbad-input.record=true} writes the missing {@code expected.txt} files (read them before committing). */
    private static final String RECORD = "bad-input.record";

    /** The valid descriptor most cases start from; {@link #theTemplateIsValid} proves the placement works. */
    static final String TEMPLATE = """
            app: bad-app
            namespace: bad
            workload:
              kind: Deployment
              name: bad-app
              container: bad-app
            volume:
              name: data
              mountPath: /data
            databases:
              - path: /data/app.db
                profile: standard
            """;

    static Stream<String> cases() {
        return caseNames().stream();
    }

    private static List<String> caseNames() {
        // directories only: README.md and .gitattributes sit beside the cases
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithOneLineAndNothingWritten(String name, @TempDir Path repo) throws IOException {
        Path caseDir = CORPUS.resolve(name);
        ProjectFiles.copyExampleRepository(repo);
        String app = place(caseDir, repo);
        if (Boolean.getBoolean(RECORD) && !Files.exists(caseDir.resolve(EXPECTED))) {
            Map<String, String> untouched = snapshot(repo);
            Files.writeString(caseDir.resolve(EXPECTED), CliRun.inRepo(repo, "generate", "--all").err());
            assertThat(snapshot(repo)).isEqualTo(untouched);
        }
        String expected = Files.readString(caseDir.resolve(EXPECTED), StandardCharsets.UTF_8);
        assertThat(expected).as("%s/%s is one line ending in a newline", name, EXPECTED)
                .endsWith("\n").doesNotContain("\r").hasLineCount(1);
        assertThat(expected).as("the message names the bad file as the tool displays it")
                .matches("(" + BAD_APP_DIR + "/" + DESCRIPTOR + "|profiles/[^:/]+\\.yaml|\\" + CONFIG
                        + "):[1-9][0-9]*:[1-9][0-9]*: \\S.*\n");
        Map<String, String> before = snapshot(repo);

        for (String[] command : List.of(
                new String[] {"generate", "--all"},
                new String[] {"generate", app},
                new String[] {"check"})) {
            CliRun run = CliRun.inRepo(repo, command[0], Arrays.copyOfRange(command, 1, command.length));
            String what = name + ": vixens-ls " + String.join(" ", command);

            assertThat(run.err()).as(what).isEqualTo(expected);
            assertThat(run.exitCode()).as(what).isEqualTo(2);
            assertThat(run.out()).as(what).isEmpty();
            assertThat(run.err()).as(what).doesNotContain("Exception", "at dev.", "at java.", "\tat ");
            assertThat(snapshot(repo)).as(what + ": nothing written, changed or deleted").isEqualTo(before);
        }
    }

    @Test
    void theTemplateIsValid(@TempDir Path repo) throws IOException {
        ProjectFiles.copyExampleRepository(repo);
        Files.createDirectories(repo.resolve(BAD_APP_DIR));
        Files.writeString(repo.resolve(BAD_APP_DIR).resolve(DESCRIPTOR), TEMPLATE);

        CliRun run = CliRun.inRepo(repo, "generate", BAD_APP);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("wrote     " + BAD_APP_DIR + "/litestream/litestream.yml");
    }

    @Test
    void theCorpusDoesNotShrink() {
        assertThat(caseNames()).hasSizeGreaterThanOrEqualTo(MIN_CASES);
    }

    @Test
    void binaryCasesAreKeptAsBytes() throws IOException {
        // .gitattributes marks these binary; if a checkout ever rewrote them the cases would test nothing
        assertThat(Files.readAllBytes(CORPUS.resolve("not-utf8").resolve(DESCRIPTOR))).contains((byte) 0xE9);
        assertThat(Files.readAllBytes(CORPUS.resolve("nul-byte").resolve(DESCRIPTOR))).contains((byte) 0);
    }

    /** Copies the case's bad file into the repository; returns the app to name on the command line. */
    private static String place(Path caseDir, Path repo) throws IOException {
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(caseDir)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals(EXPECTED))
                    .forEach(inputs::add);
        }
        assertThat(inputs).as("%s holds exactly one bad file besides %s", caseDir.getFileName(), EXPECTED)
                .hasSize(1);
        Path input = inputs.get(0);
        String relative = caseDir.relativize(input).toString().replace('\\', '/');
        Path target;
        String app = "hydrus-client";
        if (relative.equals(DESCRIPTOR)) {
            target = repo.resolve(BAD_APP_DIR).resolve(DESCRIPTOR);
            app = BAD_APP;
        } else if (relative.equals(CONFIG) || relative.matches("profiles/[^/]+\\.yaml")) {
            target = repo.resolve(relative);
        } else {
            throw new AssertionError(caseDir.getFileName() + ": don't know where " + relative + " goes");
        }
        Files.createDirectories(target.getParent());
        Files.write(target, Files.readAllBytes(input));
        return app;
    }

    private static Map<String, String> snapshot(Path root) {
        return TreeSnapshot.of(root);
    }
}
