package dev.vixens.ls.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.DescriptorSchema;
import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.TreeSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, items 1-3, each through import → generate → kubectl kustomize → the built pod: import removes only
 * what is Litestream's with certainty, leaves out files that are not SQLite, carries the user the old containers
 * ran as, and handles a host-network pod's metrics port (fixtures in src/test/resources/import/apps/40-home).
 */
class ImportWhatRealRepositoriesRunTest {

    static final String HOME_ASSISTANT = "apps/40-home/home-assistant";
    static final String ADGUARD = "apps/40-home/adguard-home";

    @TempDir
    Path repo;

    @BeforeEach
    void copyFixtures() {
        ProjectFiles.copyTree(ImportRoundTripTest.FIXTURES, repo);
    }

    /**
     * Home Assistant's config-init copies a default configuration.yaml and chowns that one file: not a permissions
     * fixer, so it stays in the pod and no root chown -R of /config is added. The pod ran as root on the node's
     * network: root is carried, and the metrics port is written in the descriptor (a port of the node).
     */
    @Test
    void homeAssistantKeepsItsConfigInitRunsAsRootAndChoosesItsNodePort() throws Exception {
        CliRun imported = CliRun.inRepo(repo, "import", repo.resolve(HOME_ASSISTANT).toString(),
                "--rewrite-kustomization");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        String descriptor = Files.readString(repo.resolve(HOME_ASSISTANT + "/vixens-backup.yaml"));
        assertThat(descriptor)
                .contains("metrics:\n  port: 9595\n")
                .contains("runAs:\n  uid: 0\n  gid: 0\n")
                .contains("podSecurity: baseline\n")
                .doesNotContain("fixPermissions");
        assertThat(imported.out())
                .contains("  kept (not Litestream's):\n    " + HOME_ASSISTANT + "/base/deployment.yaml:23:11: init"
                        + " container config-init: not Litestream's")
                .contains("no runAsUser on the sidecar or the pod: Litestream ran as its image's user, root")
                .contains(HOME_ASSISTANT + "/base/deployment.yaml:20:7: the pod uses hostNetwork: true, so the generated sidecar's metrics port is a port of the"
                        + " node; the descriptor says metrics.port: 9595 (the old sidecar's, known free on the node)")
                .doesNotContain("init container config-init (fix permissions)");
        DescriptorSchema.assertValid(repo.resolve(HOME_ASSISTANT + "/vixens-backup.yaml"));

        CliRun generate = CliRun.inRepo(repo, "generate", "home-assistant");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        Map<String, Object> deployment = Kustomize.find(Kustomize.build(repo.resolve(HOME_ASSISTANT
                + "/overlays/prod")), "Deployment", "home-assistant");
        List<Map<String, Object>> init = Kustomize.containers(deployment, "initContainers");
        assertThat(Kustomize.names(init)).contains("config-init").doesNotContain("fix-permissions", "restore-db");
        assertThat(Kustomize.podSpec(deployment)).containsEntry("hostNetwork", true);
        Map<String, Object> sidecar = Kustomize.containers(deployment, "containers").stream()
                .filter(c -> String.valueOf(c.get("image")).startsWith("litestream/")).findFirst().orElseThrow();
        assertThat(String.valueOf(sidecar.get("securityContext"))).contains("runAsUser=0").contains("runAsGroup=0");
        assertThat(String.valueOf(sidecar.get("ports"))).contains("containerPort=9595");
        ImportRoundTripTest.assertOnlyGeneratedLitestream(Kustomize.build(repo.resolve(HOME_ASSISTANT
                + "/overlays/prod")), deployment, "home-assistant", java.util.Set.of());

        // check verifies the built overlay: the node port is a choice now; the app's own uid is still unsaid
        CliRun check = CliRun.inRepo(repo, "check");
        assertThat(check.out() + check.err()).as("exit " + check.exitCode()).contains("container 'home-assistant' does not say which uid it runs as")
                .doesNotContain("so the metrics port of the generated sidecar");
    }

    /** A change of user is said aloud: --run-as, and fixPermissions gives the files to the new user. */
    @Test
    void aChangeOfUserIsAnExplicitChoice() throws Exception {
        CliRun imported = CliRun.inRepo(repo, "import", repo.resolve(HOME_ASSISTANT).toString(),
                "--rewrite-kustomization", "--run-as", "1000:1000");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        String descriptor = Files.readString(repo.resolve(HOME_ASSISTANT + "/vixens-backup.yaml"));
        assertThat(descriptor).contains("fixPermissions: true\n").doesNotContain("runAs:").doesNotContain("podSecurity");
        assertThat(imported.out()).contains("--run-as 1000:1000: the old containers ran as 0:0; the generated ones"
                + " run as 1000:1000, and fixPermissions: true gives the data volume's files to that user");

        assertThat(CliRun.inRepo(repo, "generate", "home-assistant").exitCode()).isZero();
        Map<String, Object> deployment = Kustomize.find(Kustomize.build(repo.resolve(HOME_ASSISTANT
                + "/overlays/prod")), "Deployment", "home-assistant");
        assertThat(Kustomize.names(Kustomize.containers(deployment, "initContainers")))
                .startsWith("fix-permissions").contains("config-init");

        CliRun bad = CliRun.inRepo(repo, "import", repo.resolve(HOME_ASSISTANT).toString(), "--force",
                "--run-as", "nobody");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("vixens-ls: --run-as nobody: expected UID or UID:GID (numbers)\n");
    }

    /**
     * A permissions fixer that gives the files to another user than the one Litestream ran as is not replaced
     * by fixPermissions (which would give them to Litestream's user): it stays, after the generated restore.
     */
    @Test
    void aFixerForAnotherUserStaysAsItIs() throws Exception {
        String vaultwarden = ImportRoundTripTest.VAULTWARDEN;
        Path deployment = repo.resolve(vaultwarden + "/base/deployment.yaml");
        Files.writeString(deployment, Files.readString(deployment).replace("      initContainers:\n",
                "      initContainers:\n"
                        + "        - name: fix-permissions\n"
                        + "          image: busybox:1.37.0\n"
                        + "          command: [sh, -c, 'chown -R 1000:1000 /data']\n"
                        + "          volumeMounts: [{name: data, mountPath: /data}]\n"));

        CliRun imported = CliRun.inRepo(repo, "import", repo.resolve(vaultwarden).toString(),
                "--rewrite-kustomization");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(Files.readString(repo.resolve(vaultwarden + "/vixens-backup.yaml")))
                .contains("runAs:\n  uid: 0\n  gid: 0\n").doesNotContain("fixPermissions");
        assertThat(imported.out()).contains("fix-permissions gives the files to 1000:1000 but Litestream runs as"
                + " 0:0: kept, so the files stay that user's");
        assertThat(CliRun.inRepo(repo, "generate", "vaultwarden").exitCode()).isZero();
        Map<String, Object> built = Kustomize.find(Kustomize.build(repo.resolve(vaultwarden + "/overlays/prod")),
                "Deployment", "vaultwarden");
        assertThat(Kustomize.names(Kustomize.containers(built, "initContainers")))
                .containsExactly("check-integrity", "restore-db", "fix-permissions");
        assertThat(String.valueOf(Kustomize.containers(built, "initContainers").get(2).get("command")))
                .contains("chown -R 1000:1000 /data");
    }

    /** AdGuard Home's querylog.kv and bbolt stats.db are not SQLite: nothing to import, and nothing written. */
    @Test
    void filesThatAreNotSqliteAreNotImportedSilently() {
        var before = TreeSnapshot.of(repo);

        CliRun refused = CliRun.inRepo(repo, "import", repo.resolve(ADGUARD).toString(), "--rewrite-kustomization");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo(ADGUARD + "/base/litestream-config.yaml:7:5: no file of the Litestream"
                + " config looks like a SQLite database: /opt/adguardhome/work/data/querylog.kv (its name has no SQLite"
                + " extension (.db, .sqlite, .sqlite3)), /opt/adguardhome/work/data/stats.db (AdGuard Home's"
                + " statistics, a bbolt database, not SQLite); nothing to import (name a file with --profile"
                + " FILE=PROFILE if it is SQLite)\n");
        assertThat(TreeSnapshot.of(repo)).isEqualTo(before);
    }

    /** A file the user names with --profile is imported as told; the others are left out with a line each. */
    @Test
    void aNamedFileIsImportedAndTheOthersAreLeftOutForReview() throws Exception {
        CliRun imported = CliRun.inRepo(repo, "import", repo.resolve(ADGUARD).toString(), "--rewrite-kustomization",
                "--profile", "stats.db=standard");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains(ADGUARD + "/base/litestream-config.yaml:9:9:"
                + " /opt/adguardhome/work/data/querylog.kv: left out, its name has no SQLite extension");
        String descriptor = Files.readString(repo.resolve(ADGUARD + "/vixens-backup.yaml"));
        assertThat(descriptor).contains("path: /opt/adguardhome/work/data/stats.db\n    profile: standard")
                .doesNotContain("querylog");

        assertThat(CliRun.inRepo(repo, "generate", "adguard-home").exitCode()).isZero();
        List<Map<String, Object>> objects = Kustomize.build(repo.resolve(ADGUARD + "/overlays/prod"));
        Map<String, Object> deployment = Kustomize.find(objects, "Deployment", "adguard-home");
        assertThat(Kustomize.names(Kustomize.containers(deployment, "initContainers")))
                .noneMatch(name -> name.contains("querylog"));
        String config = String.valueOf(Kustomize.findByPrefix(objects, "ConfigMap", "adguard-home-litestream")
                .get("data"));
        assertThat(config).contains("/opt/adguardhome/work/data/stats.db").doesNotContain("querylog.kv");
    }
}
