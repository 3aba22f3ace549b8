package dev.vixens.ls.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.Processes;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.RestrictedPath;
import dev.vixens.ls.version.BuildInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained archive as a user gets it (built by scripts/dist in pre-integration-test): unpacked on a
 * machine with no Java and no Maven on PATH, it answers --version, generates, checks and refuses a repository
 * pinned to another version.
 */
class DistributionArchiveIT {

    @TempDir
    static Path dir;

    static Path home;
    static UserShell noJava;

    @BeforeAll
    static void unpack() throws IOException {
        Path archive = Path.of(System.getProperty("vixens.dist", "target/dist/missing.tar.gz"));
        assertThat(archive).as("the archive scripts/dist builds before the integration tests").isRegularFile();
        Files.createDirectories(dir.resolve("opt"));
        Processes.output(Processes.command(java.util.List.of("tar", "-xzf", archive.toString(), "-C",
                dir.resolve("opt").toString()), java.util.Map.of("PATH", "/usr/bin:/bin"), dir));
        try (Stream<Path> unpacked = Files.list(dir.resolve("opt"))) {
            home = unpacked.findFirst().orElseThrow();
        }
        noJava = new UserShell(RestrictedPath.without(dir.resolve("bin"), RestrictedPath.JAVA, RestrictedPath.MAVEN),
                dir);
        assertThat(noJava.sh(dir, "command -v java || command -v mvn").exitCode()).isEqualTo(1);
    }

    private Path userRepository(String name) {
        Path repo = dir.resolve(name);
        ProjectFiles.copyTree(ProjectFiles.root().resolve("examples"), repo);
        return repo;
    }

    @Test
    void versionIsAnsweredWithoutAnyJavaOnPath() {
        String out = noJava.ok(dir, home.resolve("bin/vixens-ls") + " --version");

        assertThat(out).isEqualTo(BuildInfo.current().versionLine() + "\n");
    }

    @Test
    void generatesAndChecksAUsersRepositoryWithoutAnyJavaOnPath() throws IOException {
        Path repo = userRepository("generate");
        // as a user who has just written descriptors: nothing generated yet
        ProjectFiles.deleteTree(repo.resolve("apps/_shared"));
        for (String app : new String[] {"vaultwarden", "sonarr", "homeassistant"}) {
            ProjectFiles.deleteTree(repo.resolve("apps/" + app + "/litestream"));
        }
        String tool = home.resolve("bin/vixens-ls").toString();

        String generated = noJava.ok(repo, tool + " generate --all");
        String checked = noJava.ok(repo, tool + " check --all");
        Files.writeString(repo.resolve("apps/sonarr/litestream/litestream.yml"), "# edited\n", 
                java.nio.file.StandardOpenOption.APPEND);
        Processes.Result stale = noJava.sh(repo, tool + " check --all");

        assertThat(generated).contains("wrote     apps/sonarr/litestream/workload-patch.yaml");
        assertThat(checked).startsWith("check: 42 generated files are current");
        assertThat(stale.exitCode()).isEqualTo(1);
        assertThat(stale.output()).contains("+++ b/apps/sonarr/litestream/litestream.yml", "-# edited");
        // the launcher made its class-data archive for this place on the first run that was not --version
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            assertThat(lib.map(p -> p.getFileName().toString())).anyMatch(name -> name.endsWith(".jsa"));
        }
    }

    @Test
    void aRepositoryPinnedToAnotherVersionIsRefusedByEveryCommandIncludingLint() throws IOException {
        Path repo = userRepository("pinned");
        Path config = repo.resolve(".vixens-ls.yaml");
        Files.writeString(config, Files.readString(config).replaceFirst("requires: \"[^\"]*\"", "requires: \"<0.1\""));
        String tool = home.resolve("bin/vixens-ls").toString();

        Processes.Result check = noJava.sh(repo, tool + " check --all");
        Processes.Result lint = noJava.sh(repo.resolve("apps"), tool + " lint sonarr");

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.output()).startsWith(".vixens-ls.yaml:6:11: requires: this repository needs vixens-ls <0.1,"
                + " and this is vixens-ls " + BuildInfo.current().version() + ";");
        assertThat(lint.exitCode()).isEqualTo(2);
        assertThat(lint.output()).isEqualTo(check.output());
    }

    @Test
    void theRuntimeIsTrimmedToWhatTheToolRuns() throws IOException {
        String modules = Files.readString(home.resolve("runtime/modules.txt")).strip();

        assertThat(modules.split(",")).contains("java.base", "java.desktop", "java.sql", "jdk.crypto.ec")
                .doesNotContain("jdk.compiler", "java.compiler", "jdk.jshell");
        assertThat(home.resolve("runtime/bin/javac")).doesNotExist();
        assertThat(home.resolve("runtime/jmods")).doesNotExist();
        assertThat(home.resolve("runtime/lib/server/classes.jsa")).as("the runtime's own class-data archive")
                .isRegularFile();
    }
}
