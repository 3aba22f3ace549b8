package dev.vixens.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded fuzz test of the descriptor loader (with profiles and the repository config) and of lint: a few
 * hundred mutations of the project's real files per run, from a fixed seed so that a failure is reproducible.
 * Whatever the input, the tool answers: exit 0, 1 or 2, never 3 (a bug), never a Java trace or class name in
 * what it prints, and never after more than a few seconds. A failure names the case and shows its input.
 */
class FuzzedInputTest {

    private static final long SEED = 20261202L;
    private static final int CASES = 200;
    private static final Duration PER_CASE = Duration.ofSeconds(10);
    /** Fragments that have broken YAML tools before: syntax, YAML 1.1 scalars, huge numbers, odd characters. */
    private static final List<String> FRAGMENTS = List.of(":", ": ", "- ", "-", " ", "  ", "\t", "\n", "\r", "\r\n",
            "[", "]", "{", "}", ",", "&a ", "*a", "!!binary ", "!x ", "|", ">", "'", "\"", "#", "%", "@", "`", "~",
            "? ", "---\n", "...\n", "<<: ", "010", "0x3e8", "1_000", "0o17", "yes", "no", "on", "off", "y", ".inf",
            "-.inf", ".nan", "99999999999999999999", "99999999999999999999.5h", "1.5h", "-1s", "0", "1e3",
            "2024-01-31", "1:30", "null", "true", "\u0000", "\u0085", "\u2028", "\ufeff", "\u00e9", "\ud83d\ude00",
            "$(reboot)", "../", "/etc", "/etc/litestream", "\\", "\\n", "[[[[[[[[[[[[[[[[[[[[[[[[[",
            "a".repeat(300), "9".repeat(40));

    @TempDir
    Path dir;

    @Test
    void theDescriptorLoaderAnswersEveryMutationOfTheRealFiles() throws IOException {
        List<Path> descriptors = files(ProjectFiles.root().resolve("apps"), "vixens-backup.yaml");
        Path shipped = ProjectFiles.root().resolve("src/main/resources/profiles");
        List<Path> others = List.of(ProjectFiles.root().resolve(".vixens-ls.yaml"),
                shipped.resolve("critical.yaml"), shipped.resolve("relaxed.yaml"));
        Random random = new Random(SEED);
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve("profiles"));
        for (int i = 0; i < CASES; i++) {
            // one repository, reset for each case: the real profiles (as repository files replacing the built-in
            // ones) and config, one app
            ProjectFiles.write(repo.resolve(".vixens-ls.yaml"), "apps: [apps]\n");
            for (Path other : others.subList(1, others.size())) {
                Files.copy(other, repo.resolve("profiles/" + other.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            deleteTree(repo.resolve("apps"));
            Path source = descriptors.get(random.nextInt(descriptors.size()));
            String app = source.getParent().getFileName().toString();
            String descriptor = Files.readString(source);
            Path target = repo.resolve("apps/10/" + app + "/vixens-backup.yaml");
            String input;
            if (random.nextInt(10) == 0) {
                // now and then the repository config or a profile instead, with a valid descriptor
                Path other = others.get(random.nextInt(others.size()));
                ProjectFiles.write(target, descriptor);
                target = other.startsWith(shipped) ? repo.resolve("profiles/" + other.getFileName())
                        : repo.resolve(ProjectFiles.root().relativize(other).toString());
                input = mutate(Files.readString(other), random);
            } else {
                input = mutate(descriptor, random);
            }
            Files.createDirectories(target.getParent());
            Files.write(target, input.getBytes(StandardCharsets.UTF_8));
            String[] args = {"check", "--repo", repo.toString(), app};
            assertAnswered("descriptor case " + i + " (" + ProjectFiles.root().relativize(source) + ")", input, args);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void lintAnswersEveryMutationOfTheGeneratedConfigsAndManifests() throws IOException {
        List<Path> sources = new ArrayList<>(files(ProjectFiles.root().resolve("apps"), "litestream.yml"));
        sources.addAll(files(ProjectFiles.root().resolve("apps"), "workload-patch.yaml"));
        sources.addAll(files(ProjectFiles.root().resolve("src/test/resources/import"), "litestream-config.yaml"));
        Random random = new Random(SEED + 1);
        for (int i = 0; i < CASES; i++) {
            Path source = sources.get(random.nextInt(sources.size()));
            String input = mutate(Files.readString(source), random);
            Path file = dir.resolve("lint-" + i + "/" + source.getFileName());
            Files.createDirectories(file.getParent());
            Files.write(file, input.getBytes(StandardCharsets.UTF_8));
            String[] args = random.nextBoolean() ? new String[] {"lint", "--litestream-version", "0.3.13", file.toString()}
                    : new String[] {"lint", file.getParent().toString()};
            assertAnswered("lint case " + i + " (" + ProjectFiles.root().relativize(source) + ")", input, args);
        }
    }

    private static void assertAnswered(String name, String input, String[] args) {
        CliRun run = assertTimeoutPreemptively(PER_CASE, () -> CliRun.run(args), () -> name + " did not finish in "
                + PER_CASE + "; input:\n" + shown(input));
        String printed = run.out() + run.err();
        assertThat(run.exitCode()).as("%s exits 0, 1 or 2; it printed:%n%s%ninput:%n%s", name, printed, shown(input))
                .isBetween(0, 2);
        assertThat(printed).as("%s prints no Java names or trace; input:%n%s", name, shown(input))
                .doesNotContain("Exception", "java.", "\tat ", "internal error");
    }

    /** One to four edits: delete, duplicate or move a span, insert a fragment, or swap two lines. */
    static String mutate(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> {
                    int end = Math.min(out.length(), at + 1 + random.nextInt(20));
                    out.delete(at, end);
                }
                case 1 -> {
                    int end = Math.min(out.length(), at + 1 + random.nextInt(60));
                    out.insert(Math.min(out.length(), at), out.substring(at, end));
                }
                case 2, 3 -> out.insert(at, FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
                default -> {
                    String[] lines = out.toString().split("\n", -1);
                    if (lines.length > 2) {
                        int a = random.nextInt(lines.length);
                        int b = random.nextInt(lines.length);
                        String line = lines[a];
                        lines[a] = lines[b];
                        lines[b] = line;
                        out = new StringBuilder(String.join("\n", lines));
                    }
                }
            }
        }
        return out.toString();
    }

    private static String shown(String input) {
        String escaped = input.replace("\t", "\\t").replace("\r", "\\r");
        return escaped.length() > 3000 ? escaped.substring(0, 3000) + "..." : escaped;
    }

    private static List<Path> files(Path dir, String name) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().equals(name)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
