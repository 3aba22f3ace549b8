package dev.vixens.ls.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.Processes;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.TreeSnapshot;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 6: concurrent runs collided on fixed temporary names (exit 3; one run deleted the other's
 * temporary file as stale output), and check during generate exited 3 with a Java exception name. Real
 * processes of the built tool ({@code java -cp <the build> dev.vixens.ls.cli.Main}), on a repository of 200
 * apps, sharing one lock directory as two runs of one user do.
 */
class ConcurrentRunsTest {

    private static final int APPS = 200;

    @TempDir
    Path repo;
    @TempDir
    Path cache;

    @BeforeEach
    void aRepositoryWhoseOutputIsNotWrittenYet() {
        // the apps have no overlays: what is under test is the generated files, not the built overlays
        ProjectFiles.write(repo.resolve(".vixens-ls.yaml"), "apps: [apps]\nverify: {enabled: false}\n");
        for (int i = 0; i < APPS; i++) {
            String app = String.format("app-%03d", i);
            ProjectFiles.write(repo.resolve("apps/layer-" + (i % 10) + "/" + app + "/vixens-backup.yaml"), """
                    app: %s
                    namespace: ns
                    workload: {kind: Deployment, name: %s, container: %s}
                    volume: {name: data, mountPath: /data}
                    databases:
                      - {path: /data/main.db, profile: critical}
                      - {path: /data/other.db, profile: standard}
                      - {path: /data/cache.db, profile: ephemeral}
                    """.formatted(app, app, app));
        }
        System.setProperty("vixens.cache", cache.toString());
    }

    @AfterEach
    void clearCache() {
        System.clearProperty("vixens.cache");
    }

    @Test
    void twoGeneratesAtOnceBothSucceedAndLeaveExactlyOneRunsOutput() throws Exception {
        for (int round = 0; round < 2; round++) {
            Process first = start("generate", "--all");
            Process second = start("generate", "--all");

            Result a = finish(first);
            Result b = finish(second);

            assertThat(a.exitCode()).as(a.output()).isZero();
            assertThat(b.exitCode()).as(b.output()).isZero();
            assertThat(a.output() + b.output()).doesNotContain("Exception", "internal error", "\tat ");
            assertThat(temporaryFiles()).as("no temporary file left behind").isEmpty();
        }
        Result check = finish(start("check", "--all"));
        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @Test
    void checkDuringGenerateWaitsAndJudgesTheFinishedTree() throws Exception {
        Process generate = start("generate", "--all");
        Path lock = RepositoryLock.file(repo);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(lock) && Files.readString(lock).startsWith("generate")) && generate.isAlive()
                && System.nanoTime() < deadline) {
            Processes.sleep(5);
        }
        Process check = start("check", "--all");

        Result checked = finish(check);
        Result generated = finish(generate);

        assertThat(generated.exitCode()).as(generated.output()).isZero();
        assertThat(checked.exitCode()).as("check never sees a half-written tree: " + checked.output()).isZero();
        assertThat(checked.output()).contains("check: " + (APPS * 4 + 16) + " generated files are current")
                .doesNotContain("Exception", "internal error");
    }

    /** With the lock held (here by this JVM), a run waits for it, and gives up after its timeout with exit 3. */
    @Test
    void aRunWaitsForTheLockAndGivesUpCleanlyAfterTheTimeout() throws Exception {
        Map<String, String> before = TreeSnapshot.of(repo);
        Process waiting;
        try (RepositoryLock held = RepositoryLock.exclusive(repo, "generate", message -> { })) {
            Process timingOut = start(Map.of("VIXENS_LS_LOCK_TIMEOUT", "1"), "generate", "--all");
            Result gaveUp = finish(timingOut);
            assertThat(gaveUp.exitCode()).isEqualTo(3);
            assertThat(gaveUp.output()).startsWith("vixens-ls: waiting for another vixens-ls run on this repository"
                    + " (generate (process " + ProcessHandle.current().pid() + ")), at most 1 s\n"
                    + "vixens-ls: another vixens-ls run (generate (process " + ProcessHandle.current().pid() + "))"
                    + " has held this repository for 1 s, so generate did nothing; try again when it has finished")
                    .doesNotContain("Exception");
            assertThat(TreeSnapshot.of(repo)).isEqualTo(before);

            waiting = start("generate", "--all");
            assertThat(waiting.waitFor(3, TimeUnit.SECONDS)).as("blocked while the lock is held").isFalse();
        }
        Result done = finish(waiting);
        assertThat(done.exitCode()).as(done.output()).isZero();
        assertThat(Files.exists(repo.resolve("apps/layer-0/app-000/litestream/litestream.yml"))).isTrue();
        assertThat(RepositoryLock.file(repo)).as("the lock lives in the cache, not in the repository").exists()
                .hasParent(cache);
        assertThat(repoFilesNamed("lock")).isEmpty();
    }

    /** A read-only cache directory (CI with a read-only home) moves the lock to a directory of the user's own. */
    @Test
    void aCacheDirectoryThatCannotHoldTheLockFallsBackToTheTemporaryDirectory() throws Exception {
        Path notADirectory = Files.writeString(cache.resolve("not-a-directory"), "x");
        Result run = finish(start(Map.of("VIXENS_LS_CACHE", notADirectory.toString()), "generate", "--all"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Path.of(System.getProperty("java.io.tmpdir"), "vixens-ls-" + System.getProperty("user.name")))
                .isDirectory();
    }

    /** The lock file's name is predictable: a link planted there is never followed (the note would clobber). */
    @Test
    void aLinkPlantedAtTheLockFileIsNeverWrittenThrough() throws Exception {
        Path victim = Files.writeString(cache.resolve("victim"), "precious\n");
        Files.createSymbolicLink(RepositoryLock.file(repo), victim);

        Result run = finish(start("generate", "--all"));

        assertThat(Files.readString(victim)).isEqualTo("precious\n");
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    private record Result(int exitCode, String output) {
    }

    private Process start(String... args) throws IOException {
        return start(Map.of(), args);
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.vixens.ls.cli.Main"));
        command.addAll(List.of(args));
        command.add("--repo");
        command.add(repo.toString());
        // output into a file, not a pipe: a pipe nobody reads yet would block the run that holds the lock
        Path log = Files.createTempFile(cache, "run-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("VIXENS_LS_CACHE", cache.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        logs.put(process, log);
        return process;
    }

    private final Map<Process, Path> logs = new java.util.HashMap<>();

    private Result finish(Process process) throws Exception {
        if (!process.waitFor(Duration.ofMinutes(2).toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish");
        }
        return new Result(process.exitValue(), Files.readString(logs.get(process), StandardCharsets.UTF_8));
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(repo)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".vixens-ls-tmp")).toList();
        }
    }

    private List<Path> repoFilesNamed(String part) throws IOException {
        try (Stream<Path> walk = Files.walk(repo)) {
            return walk.filter(p -> p.getFileName().toString().contains(part)).toList();
        }
    }
}
