package dev.vixens.ls.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.GitRepo;
import dev.vixens.ls.testing.Processes;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.RestrictedPath;
import dev.vixens.ls.testing.TestTools;
import dev.vixens.ls.version.BuildInfo;
import dev.vixens.ls.version.ToolVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when", played for real: in a fresh clone of this project (tagged as a release), with a JDK
 * and no Maven on PATH, scripts/install puts a working vixens-ls on PATH; a new git repository set up by that
 * vixens-ls passes its own pre-commit hooks (the installed-tool hooks, and the script hooks that build vixens-ls
 * through the Maven Wrapper) and fails them when a generated file is edited or a descriptor changes without
 * regenerating. pre-commit fetches the hook repository from the clone through a file URL: no network.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreshCloneIT {

    @TempDir
    static Path dir;

    static GitRepo tool;
    static String tag;
    static UserShell jdkNoMaven;
    static UserShell noJava;
    static Path prefix;

    @BeforeAll
    static void freshClone() {
        TestTools.preCommit();
        ToolVersion version = ToolVersion.parse(BuildInfo.current().version()).orElseThrow();
        tag = "v" + version.major() + "." + version.minor() + "." + version.patch();
        tool = GitRepo.cloneOfProject(dir.resolve("vixens-ls"), tag);
        jdkNoMaven = new UserShell(RestrictedPath.without(dir.resolve("path-jdk"), RestrictedPath.MAVEN), dir);
        noJava = new UserShell(RestrictedPath.without(dir.resolve("path-none"), RestrictedPath.JAVA,
                RestrictedPath.MAVEN), dir);
        prefix = dir.resolve("home/.local");
        assertThat(jdkNoMaven.sh(dir, "command -v mvn").exitCode()).isEqualTo(1);
        assertThat(noJava.sh(dir, "command -v java || command -v javac").exitCode()).isEqualTo(1);
    }

    /** A user's GitOps repository: the example one without the files setup writes, as its own git repository. */
    private static GitRepo userRepository(String name) {
        Path repo = dir.resolve(name);
        ProjectFiles.copyTree(ProjectFiles.root().resolve("examples"), repo);
        for (String written : new String[] {".vixens-ls.yaml", ".pre-commit-config.yaml", ".gitlab-ci.yml"}) {
            ProjectFiles.deleteTree(repo.resolve(written));
        }
        ProjectFiles.deleteTree(repo.resolve(".github"));
        return new GitRepo(repo);
    }

    private static UserShell installed() {
        return noJava.withPathFirst(prefix.resolve("bin"));
    }

    @Test
    @Order(1)
    void installPutsAWorkingVixensLsOnPathFromACloneWithOnlyAJdk() {
        String out = jdkNoMaven.ok(tool.dir(), "scripts/install --prefix " + prefix);

        String version = BuildInfo.current().version();
        String commit = tool.git("rev-parse", "HEAD").strip();
        assertThat(out).contains("install: launchers " + prefix.resolve("bin/vixens-ls") + " and "
                + prefix.resolve("bin/vixens-ls-" + version));
        // with no Java at all on PATH, the installed tool runs and says which commit of the clone it was built from
        assertThat(installed().ok(dir, "vixens-ls --version"))
                .startsWith("vixens-ls " + version + " (commit " + commit.substring(0, 12) + ", built ");
        assertThat(installed().ok(dir, "vixens-ls-" + version + " --version")).startsWith("vixens-ls " + version);
    }

    @Test
    @Order(2)
    void aRepositorySetUpWithTheInstalledToolPassesItsHooksAndFailsThemOnDrift() throws IOException {
        GitRepo user = userRepository("user-installed");
        UserShell shell = installed();

        String setup = shell.ok(user.dir(), "vixens-ls setup --pre-commit --hook installed --tool-repo " + tool.url()
                + " --rev " + tag);
        assertThat(setup).startsWith("wrote .vixens-ls.yaml\nwrote .pre-commit-config.yaml\n");
        assertThat(user.dir().resolve(".vixens-ls.yaml"))
                .hasSameTextualContentAs(ProjectFiles.root().resolve("examples/.vixens-ls.yaml"));
        assertThat(Files.readString(user.dir().resolve(".pre-commit-config.yaml")))
                .contains("  - repo: " + tool.url() + "\n    rev: " + tag + " ")
                .contains("      - id: vixens-ls-check-installed ");
        user.git("init", "-q", "-b", "main");
        user.commitAll("set up by vixens-ls");
        shell.ok(user.dir(), "pre-commit install");

        assertHooksPassThenCatchDrift(user, shell);
    }

    @Test
    @Order(3)
    void theScriptHookBuildsThroughTheWrapperAndSaysSoWhenThereIsNoJdk() throws IOException {
        GitRepo user = userRepository("user-script");
        installed().ok(user.dir(), "vixens-ls setup --pre-commit --tool-repo " + tool.url() + " --rev " + tag);
        assertThat(Files.readString(user.dir().resolve(".pre-commit-config.yaml")))
                .contains("      - id: vixens-ls-check ");
        user.git("init", "-q", "-b", "main");
        user.commitAll("set up by vixens-ls");

        Processes.Result noJdk = noJava.sh(user.dir(), "pre-commit run --all-files");
        assertThat(noJdk.exitCode()).isEqualTo(1);
        assertThat(noJdk.output()).contains("vixens-ls: building the tool needs a JDK 17 or later, and no javac was"
                + " found (JAVA_HOME or PATH)");

        jdkNoMaven.ok(user.dir(), "pre-commit install");
        assertHooksPassThenCatchDrift(user, jdkNoMaven);
    }

    /** Clean: both hooks pass. An edited generated file, then a descriptor changed alone: the commit is refused. */
    private static void assertHooksPassThenCatchDrift(GitRepo user, UserShell shell) throws IOException {
        String clean = shell.ok(user.dir(), "pre-commit run --all-files");
        assertThat(clean).containsPattern("vixens-ls check \\(generated Litestream manifests are current\\)\\.+Passed")
                .containsPattern("vixens-ls lint \\(Litestream configs the Litestream version reads as written\\)\\.+"
                        + "Passed");

        Path generated = user.dir().resolve("apps/sonarr/litestream/litestream.yml");
        Files.writeString(generated, Files.readString(generated).replace("retention: 168h", "retention: 720h"));
        Processes.Result edited = shell.sh(user.dir(), "git commit -q -am 'longer retention, by hand'");
        assertThat(edited.exitCode()).as(edited.output()).isEqualTo(1);
        assertThat(edited.output()).containsPattern("vixens-ls check \\(generated Litestream manifests are current\\)"
                + "\\.+Failed").contains("-        retention: 720h", "+        retention: 168h");
        user.git("reset", "-q", "--hard");

        Path descriptor = user.dir().resolve("apps/sonarr/vixens-backup.yaml");
        Files.writeString(descriptor, Files.readString(descriptor).replace("profile: standard", "profile: critical"));
        Processes.Result changed = shell.sh(user.dir(), "git commit -q -am 'sonarr is critical now'");
        assertThat(changed.exitCode()).as(changed.output()).isEqualTo(1);
        assertThat(changed.output()).containsPattern("vixens-ls check \\(generated Litestream manifests are current\\)"
                + "\\.+Failed").contains("check: 4 files differ from what generate writes (4 to update); run: vixens-ls"
                + " generate --all");
        user.git("reset", "-q", "--hard");
        assertThat(user.git("log", "--oneline").lines()).hasSize(1);
    }

    @Test
    @Order(4)
    void uninstallRemovesTheLaunchersAndEveryVersion() {
        String out = jdkNoMaven.ok(tool.dir(), "scripts/install --prefix " + prefix + " --uninstall");

        assertThat(out).contains("install: removed " + prefix.resolve("bin/vixens-ls") + "\n");
        assertThat(prefix.resolve("bin/vixens-ls")).doesNotExist();
        assertThat(prefix.resolve("lib/vixens-ls")).doesNotExist();
    }
}
