package dev.vixens.ls.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.Processes;
import dev.vixens.ls.testing.ProjectFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast check may only ever say "current" when the full check would: every kind of change to inputs,
 * outputs or the tool must send it back to the full pipeline.
 */
class CheckCacheTest {

    @TempDir
    Path repo;

    @TempDir
    Path cache;

    @BeforeEach
    void enableCache() {
        System.setProperty("vixens.cache", cache.toString());
        System.setProperty("vixens.buildId", "test-build-1");
        ProjectFiles.copyExampleRepository(repo, "hydrus-client", "vaultwarden");
    }

    @AfterEach
    void disableCache() {
        System.clearProperty("vixens.cache");
        System.clearProperty("vixens.buildId");
    }

    private int proven() {
        return CheckCache.filesProvenCurrent(repo, CheckCache.selectionKey(true, java.util.List.of(), true));
    }

    private CliRun fullCheck() {
        return CliRun.inRepo(repo, "check", "--all");
    }

    @Test
    void aChangedVersionPinSendsTheCheckToTheFullPathWhichRefusesIt() throws Exception {
        assertThat(fullCheck().exitCode()).isZero();
        assertThat(proven()).isPositive();

        Files.writeString(repo.resolve(".vixens-ls.yaml"), "requires: \">=99\"\n"
                + Files.readString(repo.resolve(".vixens-ls.yaml")));

        assertThat(proven()).isEqualTo(-1);
        assertThat(fullCheck().exitCode()).isEqualTo(2);
    }

    @Test
    void aFullCheckThatFindsEverythingCurrentLetsTheNextCheckProveItAlone() {
        assertThat(proven()).isEqualTo(-1);
        CliRun full = fullCheck();
        assertThat(full.exitCode()).isZero();

        assertThat(proven()).isPositive();
        assertThat(full.out()).isEqualTo("check: " + proven() + " generated files are current, 2 overlays verified"
                + " with kubectl kustomize\n");
    }

    @Test
    void theFastAnswerOfTheJarEntryPointIsTheLineOfTheFullCheck() throws Exception {
        CliRun full = fullCheck();
        StringWriter out = new StringWriter();
        Class<?> fastPath = Class.forName("dev.vixens.ls.cli.FastPath");
        var method = fastPath.getDeclaredMethod("tryAnswer", String[].class, PrintWriter.class);
        method.setAccessible(true);

        boolean answered = (boolean) method.invoke(null, new String[] {"check", "--repo", repo.toString()},
                new PrintWriter(out, true));

        assertThat(answered).isTrue();
        assertThat(out.toString()).isEqualTo(full.out());
        StringWriter before = new StringWriter();
        assertThat((boolean) method.invoke(null, new String[] {"-C", repo.toString(), "check"},
                new PrintWriter(before, true))).as("-C before the command").isTrue();
        assertThat(before.toString()).isEqualTo(full.out());
    }

    @Test
    void generateAllRecordsForACheckOfTheGeneratedFilesOnlyNotForOneThatVerifiesTheOverlays() {
        CliRun.inRepo(repo, "generate", "--all");

        assertThat(CheckCache.filesProvenCurrent(repo, CheckCache.selectionKey(true, java.util.List.of(), false)))
                .isPositive();
        assertThat(proven()).isEqualTo(-1);
    }

    @Test
    void anEditedGeneratedFileIsNotProven() throws Exception {
        assertChangeFallsBack(r -> append(r.resolve("apps/20-media/hydrus-client/litestream/litestream.yml"), "#"));
    }

    @Test
    void aDeletedGeneratedFileIsNotProven() throws Exception {
        assertChangeFallsBack(r -> delete(r.resolve("apps/60-services/vaultwarden/litestream/workload-patch.yaml")));
    }

    @Test
    void aStaleMarkedFileInAManagedDirectoryIsNotProven() throws Exception {
        assertChangeFallsBack(r -> write(r.resolve("apps/_shared/litestream/old/x.yaml"),
                Marker.header("x", "y") + "a: 1\n"));
    }

    @Test
    void anEditedDescriptorEvenOnlyAComment() throws Exception {
        assertChangeFallsBack(r -> append(r.resolve("apps/20-media/hydrus-client/vixens-backup.yaml"), "# note\n"));
    }

    @Test
    void anEditedBaseManifestThatAnOverlayBuildsFromIsNotProven() throws Exception {
        assertChangeFallsBack(r -> append(r.resolve("apps/20-media/hydrus-client/base/deployment.yaml"),
                "# a comment changes nothing kustomize builds, but the fast check cannot know that\n"));
    }

    @Test
    void anEditedOverlayANewOverlayOrASecondKustomizationFileIsNotProven() throws Exception {
        assertChangeFallsBack(r -> append(r.resolve("apps/60-services/vaultwarden/overlays/prod/kustomization.yaml"),
                "\n"));
        assertChangeFallsBack(r -> write(r.resolve("apps/60-services/vaultwarden/overlays/dev/kustomization.yaml"),
                "resources: [../../base]\n"));
        assertChangeFallsBack(r -> write(r.resolve("apps/60-services/vaultwarden/base/kustomization.yml"),
                "resources: []\n"));
    }

    @Test
    void aFileAGeneratorOfTheOverlayReadsIsCovered() throws Exception {
        Path overlay = repo.resolve("apps/60-services/vaultwarden/overlays/prod");
        write(overlay.resolve("settings.env"), "A=1\n");
        append(overlay.resolve("kustomization.yaml"), "configMapGenerator:\n  - name: settings\n    envs:"
                + " [settings.env]\n");

        assertChangeFallsBack(r -> write(overlay.resolve("settings.env"), "A=2\n"));
    }

    @Test
    void aCheckThatFindsAProblemInAnOverlayIsNotRecorded() throws Exception {
        Path overlay = repo.resolve("apps/60-services/vaultwarden/overlays/prod/kustomization.yaml");
        write(overlay, Files.readString(overlay).replace("components:\n  - ../../litestream\n", ""));

        CliRun check = fullCheck();

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(proven()).isEqualTo(-1);
    }

    @Test
    void aNewDescriptorIsNotProven() throws Exception {
        assertChangeFallsBack(r -> write(r.resolve("apps/20-media/new-app/vixens-backup.yaml"), "app: new-app\n"));
    }

    @Test
    void aNewOrEditedProfileOrRepositoryConfigIsNotProven() throws Exception {
        repositoryProfile();
        assertChangeFallsBack(r -> write(r.resolve("profiles/audit.yaml"), "backup: false\n"));
        assertChangeFallsBack(r -> append(r.resolve("profiles/critical.yaml"), "\n"));
        assertChangeFallsBack(r -> append(r.resolve(".vixens-ls.yaml"), "\n"));
    }

    @Test
    void anotherBuildOfTheToolOrAnotherSelectionIsNotProven() {
        fullCheck();
        System.setProperty("vixens.buildId", "test-build-2");
        assertThat(proven()).isEqualTo(-1);
        System.setProperty("vixens.buildId", "test-build-1");
        assertThat(CheckCache.filesProvenCurrent(repo, CheckCache.selectionKey(false,
                java.util.List.of("hydrus-client"), true))).isEqualTo(-1);
        assertThat(CheckCache.filesProvenCurrent(repo, CheckCache.selectionKey(true, java.util.List.of(), false)))
                .as("a check of the generated files only is another selection").isEqualTo(-1);
        assertThat(proven()).isPositive();
    }

    @Test
    void aComponentDirectoryWithoutDescriptorIsNotProven() throws Exception {
        assertChangeFallsBack(r -> write(r.resolve("apps/20-media/copied/litestream/x.yaml"),
                Marker.header("x", "y") + "a: 1\n"));
    }

    /**
     * The pre-commit case answers before the command-line framework, the YAML binder, the template engine or the
     * planner is loaded: the fast path names the planner's Component directory and the check's line through
     * compile-time constants and {@link CheckCache#currentLine}, which load nothing.
     */
    @Test
    void theFastAnswerLoadsNoFrameworkNoBinderNoTemplateEngineAndNoPlanner() {
        assertThat(fullCheck().exitCode()).isZero();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class", "-Dvixens.cache=" + cache, "-Dvixens.buildId=test-build-1",
                "-cp", System.getProperty("java.class.path"), "dev.vixens.ls.cli.Main", "check", "--repo",
                repo.toString());

        Processes.Result fast = Processes.run(new ProcessBuilder(command).redirectErrorStream(true));

        assertThat(fast.exitCode()).as(fast.output()).isZero();
        assertThat(fast.output()).contains("dev.vixens.ls.cli.FastPath")
                .contains("check: " + proven() + " generated files are current")
                .doesNotContain("picocli.").doesNotContain("com.fasterxml.jackson").doesNotContain("freemarker.")
                .doesNotContain("dev.vixens.ls.plan.").doesNotContain("dev.vixens.ls.pipeline.")
                .doesNotContain("dev.vixens.ls.cli.CheckCommand");
    }

    @Test
    void aFileWithoutTheMarkerDoesNotMatterToEitherCheck() throws Exception {
        fullCheck();
        write(repo.resolve("apps/20-media/hydrus-client/litestream/NOTES.md"), "mine\n");

        assertThat(proven()).isPositive();
    }

    /** Issue 10, item 9: the fast check called current what the full check refuses. */
    @Test
    void aGeneratedFileReplacedByALinkToAnIdenticalCopyIsNotProven() throws Exception {
        Path generated = repo.resolve("apps/20-media/hydrus-client/litestream/litestream.yml");
        assertChangeFallsBack(r -> linkToCopy(generated));
        linkToCopy(generated);
        CliRun full = fullCheck();
        assertThat(full.exitCode()).as("the full check refuses it").isEqualTo(2);
        assertThat(proven()).isEqualTo(-1);
    }

    @Test
    void aDescriptorReplacedByALinkToAnIdenticalCopyIsNotProven() throws Exception {
        assertChangeFallsBack(r -> linkToCopy(r.resolve("apps/20-media/hydrus-client/vixens-backup.yaml")));
    }

    @Test
    void aProfileReplacedByALinkToAnIdenticalCopyIsNotProven() throws Exception {
        repositoryProfile();
        assertChangeFallsBack(r -> linkToCopy(r.resolve("profiles/critical.yaml")));
    }

    /**
     * The example repository has no profile of its own: give it {@code profiles/critical.yaml}, a copy of the
     * built-in one (same values, so the same output), for the tests that change a repository's profile file.
     */
    private void repositoryProfile() throws java.io.IOException {
        Files.copy(ProjectFiles.root().resolve("src/main/resources/profiles/critical.yaml"),
                repo.resolve("profiles/critical.yaml"));
    }

    @Test
    void aDescriptorUnderANearMissNameIsNotProven() throws Exception {
        assertChangeFallsBack(r -> write(r.resolve("apps/20-media/other/vixens-backup.yml"), "app: other\n"));
    }

    @Test
    void aSymlinkedAppDirectoryIsNeverProvenAndItsWarningShowsEveryTime() throws Exception {
        fullCheck();
        link(repo.resolve("apps/20-media/linked"), repo.resolve("apps/60-services"));
        assertThat(proven()).isEqualTo(-1);
        CliRun warned = fullCheck();
        assertThat(warned.exitCode()).isZero();
        assertThat(warned.err()).startsWith("warning: apps/20-media/linked is a symbolic link");
        assertThat(proven()).as("a check that warns is not cached: the warning shows every time").isEqualTo(-1);
    }

    @Test
    void aTemporaryFileOrAHugeFileOfTheUserDoesNotMatterToEitherCheck() throws Exception {
        fullCheck();
        Path component = repo.resolve("apps/20-media/hydrus-client/litestream");
        write(component.resolve(".litestream.yml.99-1.vixens-ls-tmp"), Marker.header("x", "y") + "a: 1\n");
        try (var huge = new java.io.RandomAccessFile(component.resolve("dump.sql").toFile(), "rw")) {
            huge.setLength(3L << 30);
        }

        assertThat(proven()).isPositive();
        assertThat(fullCheck().exitCode()).isZero();
    }

    @Test
    void cachingCanBeSwitchedOff() {
        System.setProperty("vixens.cache", "off");
        fullCheck();

        assertThat(proven()).isEqualTo(-1);
    }

    private void assertChangeFallsBack(Consumer<Path> change) {
        fullCheck();
        assertThat(proven()).as("proven before the change").isPositive();
        change.accept(repo);
        assertThat(proven()).as("proven after the change").isEqualTo(-1);
        CliRun.inRepo(repo, "generate", "--all");
        try {
            Files.deleteIfExists(repo.resolve("apps/20-media/new-app/vixens-backup.yaml"));
            Files.deleteIfExists(repo.resolve("apps/60-services/vaultwarden/overlays/dev/kustomization.yaml"));
            Files.deleteIfExists(repo.resolve("apps/60-services/vaultwarden/base/kustomization.yml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, Files.readString(file) + text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Replaces {@code file} by a link to an identical copy outside the repository. */
    private void linkToCopy(Path file) {
        try {
            Path copy = cache.resolve("copy-" + file.getFileName());
            Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.delete(file);
            Files.createSymbolicLink(file, copy);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
