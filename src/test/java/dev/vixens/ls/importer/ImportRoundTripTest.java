package dev.vixens.ls.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.DescriptorSchema;
import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * import → generate → kubectl kustomize on manifests shaped like ADR-014's observed implementations
 * (src/test/resources/import/): the built overlays hold one restore per backed-up database, one Litestream
 * sidecar (the generated one) and nothing left of the hand-written Litestream parts.
 */
class ImportRoundTripTest {

    static final Path FIXTURES = ProjectFiles.root().resolve("src/test/resources/import");
    static final String HYDRUS = "apps/20-media/hydrus-client";
    static final String VAULTWARDEN = "apps/60-services/vaultwarden";

    @TempDir
    Path repo;

    @BeforeEach
    void copyFixtures() {
        ProjectFiles.copyTree(FIXTURES, repo);
    }

    @Test
    void hydrusMultiDatabaseFormImportsGeneratesAndBuildsWithoutLeftovers() throws Exception {
        CliRun imported = CliRun.inRepo(repo, "import", repo.resolve(HYDRUS).toString(), "--rewrite-kustomization");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(Files.readString(repo.resolve(HYDRUS + "/vixens-backup.yaml"))).isEqualTo("""
                # Backup descriptor for hydrus-client, written by `vixens-ls import` from apps/20-media/hydrus-client/base/.
                # Review the import report, then run: vixens-ls generate hydrus-client
                app: hydrus-client
                namespace: media
                workload:
                  kind: Deployment
                  name: hydrus-client
                  container: hydrus-client
                volume:
                  name: data
                  mountPath: /opt/hydrus/db
                resources:
                  requests:
                    cpu: 20m
                    memory: 128Mi
                  limits:
                    cpu: 200m
                    memory: 256Mi
                runAs:
                  uid: 1001
                  gid: 1001
                fixPermissions: true
                databases:
                  - path: /opt/hydrus/db/client.db
                    profile: critical  # the old intervals are this profile's
                  - path: /opt/hydrus/db/client.mappings.db
                    profile: standard  # the old intervals are this profile's
                  - path: /opt/hydrus/db/client.master.db
                    profile: standard  # the old intervals are this profile's
                  - path: /opt/hydrus/db/client.caches.db
                    profile: ephemeral  # deleted at start by restore-caches, not backed up
                """);
        assertThat(imported.out())
                .contains("check-integrity: `| grep -q ok` calls a corrupted database healthy")
                .contains("restore-db: `rm -f /opt/hydrus/db/*-wal` deletes the -wal of every database")
                .contains("check-integrity: checks every file matching /opt/hydrus/db/*.db instead of the declared")
                .contains("cleanup-caches: deletes every file matching /opt/hydrus/db/*.caches.db*")
                .contains("base/litestream.yml:13:9: /opt/hydrus/db/client.db: a further replica"
                        + " (s3://$OFFSITE_BUCKET/hydrus-client/client.db)")
                .contains("base/litestream.yml:28:5: /opt/hydrus/db/client.master.db: checkpoint-interval: 5m")
                .contains("env OFFSITE_BUCKET = 'hydrus-offsite'")
                .contains("base/deployment.yaml:170:11: init container vacuum-master touches the databases")
                .contains("init container wait-for-nas: not Litestream's");

        DescriptorSchema.assertValid(repo.resolve(HYDRUS + "/vixens-backup.yaml"));
        CliRun generate = CliRun.inRepo(repo, "generate", "hydrus-client");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.err()).doesNotContain("no overlay");

        for (String overlay : List.of("prod", "staging")) {
            List<Map<String, Object>> objects = Kustomize.build(repo.resolve(HYDRUS + "/overlays/" + overlay));
            Map<String, Object> deployment = objects.stream().filter(o -> "Deployment".equals(o.get("kind")))
                    .findFirst().orElseThrow();
            List<String> init = Kustomize.names(Kustomize.containers(deployment, "initContainers"));
            assertThat(init).containsExactly("fix-permissions", "check-integrity", "restore-client",
                    "restore-client-mappings", "restore-client-master", "cleanup-ephemeral",
                    "vacuum-master", "wait-for-nas");
            assertOnlyGeneratedLitestream(objects, deployment, "hydrus-client", Set.of("vacuum-master", "wait-for-nas"));
        }
    }

    @Test
    void vaultwardenSimpleFormImportsGeneratesAndBuildsWithoutLeftovers() throws Exception {
        CliRun imported = CliRun.inRepo(repo, "import", repo.resolve(VAULTWARDEN).toString(),
                "--rewrite-kustomization", "--criticality", "mission-critical");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        String descriptor = Files.readString(repo.resolve(VAULTWARDEN + "/vixens-backup.yaml"));
        assertThat(descriptor)
                .contains("namespace: services\n")
                .contains("  - path: /data/db.sqlite3\n    profile: standard  # decision tree: mission-critical"
                        + " -> standard\n")
                // no securityContext: the old containers ran as their images' user, root, and so do the new ones
                // (issue 12: a change of user is an explicit --run-as)
                .contains("runAs:\n  uid: 0\n  gid: 0\n").contains("podSecurity: baseline\n")
                .doesNotContain("resources").doesNotContain("secret");
        assertThat(imported.out())
                .contains("base/litestream-config.yaml:14:13: /data/db.sqlite3: replica retention-check-interval: 30m")
                .contains("added 'namespace: services' to this overlay");
        assertThat(Files.readString(repo.resolve(VAULTWARDEN + "/overlays/prod/kustomization.yaml"))).isEqualTo("""
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: services
                resources:
                  - ../../base
                images:
                  - name: vaultwarden/server
                    newTag: 1.32.7-alpine
                components:
                  - ../../litestream-migration  # added by vixens-ls import
                  - ../../litestream  # added by vixens-ls import
                """);

        DescriptorSchema.assertValid(repo.resolve(VAULTWARDEN + "/vixens-backup.yaml"));
        assertThat(CliRun.inRepo(repo, "generate", "vaultwarden").exitCode()).isZero();
        List<Map<String, Object>> objects = Kustomize.build(repo.resolve(VAULTWARDEN + "/overlays/prod"));
        Map<String, Object> deployment = Kustomize.find(objects, "Deployment", "vaultwarden");
        assertThat(Kustomize.names(Kustomize.containers(deployment, "initContainers")))
                .containsExactly("check-integrity", "restore-db");
        assertOnlyGeneratedLitestream(objects, deployment, "vaultwarden", Set.of("vaultwarden"));
        assertThat(Kustomize.find(objects, "Service", "vaultwarden")).isNotNull();
    }

    /**
     * The repository's replica prefix comes before the replica path import writes (issue 12 item 6): an existing
     * replica under the prefix keeps its place with the path below it; one outside it is said, not moved silently.
     */
    @Test
    void theRepositorysReplicaPrefixKeepsExistingReplicasWhereTheyAre() throws Exception {
        Files.writeString(repo.resolve(".vixens-ls.yaml"), Files.readString(repo.resolve(".vixens-ls.yaml"))
                + "defaults:\n  litestream:\n    replicaPrefix: backups\n");
        Path config = repo.resolve(VAULTWARDEN + "/base/litestream-config.yaml");
        String original = Files.readString(config);

        CliRun outside = CliRun.inRepo(repo, "import", repo.resolve(VAULTWARDEN).toString(), "--force");
        Files.writeString(config, original.replace("$LITESTREAM_BUCKET/vaultwarden/db.sqlite3",
                "$LITESTREAM_BUCKET/backups/vw/db.sqlite3"));
        CliRun under = CliRun.inRepo(repo, "import", repo.resolve(VAULTWARDEN).toString(), "--force");

        assertThat(outside.exitCode()).as(outside.err()).isZero();
        assertThat(outside.out()).contains("base/litestream-config.yaml:12:13: /data/db.sqlite3: the existing replica"
                + " 'vaultwarden/db.sqlite3' is not under the repository's replica prefix 'backups/': the generated"
                + " config writes to 'backups/vaultwarden/db.sqlite3' and would not restore the existing backups");
        assertThat(under.exitCode()).as(under.err()).isZero();
        assertThat(under.out()).contains("/data/db.sqlite3: kept the old replica path 'vw/db.sqlite3' (replicaPath)");
        assertThat(Files.readString(repo.resolve(VAULTWARDEN + "/vixens-backup.yaml")))
                .contains("    replicaPath: vw/db.sqlite3\n");
        CliRun generate = CliRun.inRepo(repo, "generate", "vaultwarden");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(Files.readString(repo.resolve(VAULTWARDEN + "/litestream/litestream.yml")))
                .contains("url: \"s3://${LITESTREAM_BUCKET}/backups/vw/db.sqlite3\"");
    }

    @Test
    void aSidecarThatRanAsRootGivesARootDescriptorThatSaysPodSecurityBaseline() throws Exception {
        Path deployment = repo.resolve(VAULTWARDEN + "/base/deployment.yaml");
        Files.writeString(deployment, Files.readString(deployment).replace(
                "          args: [replicate, -config, /etc/litestream.yml]\n",
                "          args: [replicate, -config, /etc/litestream.yml]\n"
                        + "          securityContext: {runAsUser: 0, runAsGroup: 0}\n"));

        CliRun imported = CliRun.inRepo(repo, "import", repo.resolve(VAULTWARDEN).toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(Files.readString(repo.resolve(VAULTWARDEN + "/vixens-backup.yaml"))).contains("""
                runAs:
                  uid: 0
                  gid: 0
                # The generated containers run as root (runAs.uid 0): Pod Security "baseline" only, and a namespace that
                # enforces "restricted" rejects the pod. Run the app as a non-root user to remove this.
                podSecurity: baseline
                """);
        assertThat(imported.out()).contains("Litestream ran as root (uid 0): the descriptor keeps runAs.uid 0 with"
                + " podSecurity: baseline");
        DescriptorSchema.assertValid(repo.resolve(VAULTWARDEN + "/vixens-backup.yaml"));
        CliRun generate = CliRun.inRepo(repo, "generate", "vaultwarden");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.err()).contains("warning: vaultwarden: podSecurity: baseline");
    }

    @Test
    void withoutRewriteOnlyTheDescriptorIsWrittenAndTheStepsArePrinted() {
        Map<String, String> before = ProjectFiles.snapshot(repo);

        CliRun imported = CliRun.inRepo(repo, "import", repo.resolve(VAULTWARDEN).toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        Map<String, String> after = ProjectFiles.snapshot(repo);
        Set<String> added = after.keySet().stream().filter(k -> !before.containsKey(k)).collect(Collectors.toSet());
        assertThat(added).containsExactly(VAULTWARDEN + "/vixens-backup.yaml");
        after.remove(VAULTWARDEN + "/vixens-backup.yaml");
        assertThat(after).isEqualTo(before);
        assertThat(imported.out())
                .contains("remove from apps/60-services/vaultwarden/base/deployment.yaml and the base: init container"
                        + " restore-db, container litestream, volume litestream-config, ConfigMap litestream-config")
                .contains("components: [../../litestream]");
    }

    @Test
    void refusesToOverwriteADescriptorUnlessForced() throws Exception {
        Files.writeString(repo.resolve(VAULTWARDEN + "/vixens-backup.yaml"), "# mine\n");
        Map<String, String> before = ProjectFiles.snapshot(repo);

        CliRun refused = CliRun.inRepo(repo, "import", repo.resolve(VAULTWARDEN).toString(), "--rewrite-kustomization");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("apps/60-services/vaultwarden/vixens-backup.yaml:1:1: a descriptor already"
                + " exists; pass --force to replace it\n");
        assertThat(ProjectFiles.snapshot(repo)).isEqualTo(before);

        CliRun forced = CliRun.inRepo(repo, "import", repo.resolve(VAULTWARDEN).toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readString(repo.resolve(VAULTWARDEN + "/vixens-backup.yaml"))).startsWith("# Backup descriptor");
    }

    @Test
    void profilesFromTheCommandLineAndAnExtraEphemeralDatabase() throws Exception {
        CliRun imported = CliRun.inRepo(repo, "import", repo.resolve(HYDRUS).toString(),
                "--profile", "client.mappings.db=critical",
                "--profile", "/opt/hydrus/db/client.thumbnails.db=ephemeral");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(Files.readString(repo.resolve(HYDRUS + "/vixens-backup.yaml")))
                .contains("  - path: /opt/hydrus/db/client.mappings.db\n    profile: critical  # from --profile\n")
                .contains("  - path: /opt/hydrus/db/client.thumbnails.db\n    profile: ephemeral  # from --profile\n");
    }

    /** The sidecar's image tag names the release: a known one is kept, one generate refuses is not guessed. */
    @Test
    void theReleaseOfTheImageTagIsKeptOrReplacedForReview() throws Exception {
        Path deployment = repo.resolve(VAULTWARDEN + "/base/deployment.yaml");
        String original = Files.readString(deployment);
        Files.writeString(deployment, original.replace("litestream/litestream:0.3.13", "litestream/litestream:0.5.0"));

        CliRun imported = CliRun.inRepo(repo, "import", repo.resolve(VAULTWARDEN).toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        // plain: 0.5.1 is text to every YAML reader (the one quoting rule; "0.5" would be quoted)
        assertThat(Files.readString(repo.resolve(VAULTWARDEN + "/vixens-backup.yaml"))).contains("  version: 0.5.1\n");
        assertThat(imported.out()).contains("Litestream 0.5.0 becomes 0.5.1, the nearest later release vixens-ls"
                + " generates for (Litestream 0.5.0 cannot run the start-up restore: its restore has no"
                + " -if-replica-exists");

        Files.delete(repo.resolve(VAULTWARDEN + "/vixens-backup.yaml"));
        Files.writeString(deployment, original.replace("litestream/litestream:0.3.13", "litestream/litestream:0.5.99"));
        CliRun newer = CliRun.inRepo(repo, "import", repo.resolve(VAULTWARDEN).toString());

        assertThat(newer.exitCode()).isEqualTo(2);
        assertThat(newer.err()).contains("image litestream/litestream:0.5.99: Litestream 0.5.99 is newer than the newest"
                + " 0.5 release vixens-ls knows (0.5.16)");
    }

    @Test
    void badInputWritesNothing() throws Exception {
        Map<String, String> before = ProjectFiles.snapshot(repo);
        CliRun unknownDatabase = CliRun.inRepo(repo, "import", repo.resolve(HYDRUS).toString(),
                "--profile", "client.nope.db=critical");
        CliRun unknownProfile = CliRun.inRepo(repo, "import", repo.resolve(HYDRUS).toString(),
                "--profile", "client.db=platinum");
        CliRun twoApps = CliRun.inRepo(repo, "import", repo.resolve(VAULTWARDEN).toString(),
                repo.resolve(HYDRUS).toString(), "--profile", "client.db=platinum");
        Path plain = repo.resolve("apps/60-services/plain/base");
        Files.createDirectories(plain);
        ProjectFiles.copyTree(repo.resolve(VAULTWARDEN + "/base/service.yaml"), plain.resolve("service.yaml"));
        Files.writeString(plain.resolve("kustomization.yaml"), "resources: [service.yaml]\n");
        Map<String, String> withPlain = ProjectFiles.snapshot(repo);
        CliRun noSidecar = CliRun.inRepo(repo, "import", plain.getParent().toString());

        assertThat(unknownDatabase.exitCode()).isEqualTo(2);
        assertThat(unknownDatabase.err()).contains("--profile client.nope.db=critical: no database of hydrus-client is"
                + " called 'client.nope.db'");
        assertThat(unknownProfile.exitCode()).isEqualTo(2);
        assertThat(unknownProfile.err()).contains("unknown profile; known profiles: critical, standard, relaxed,"
                + " ephemeral");
        assertThat(twoApps.exitCode()).isEqualTo(2);
        assertThat(noSidecar.exitCode()).isEqualTo(2);
        assertThat(noSidecar.err()).isEqualTo("apps/60-services/plain/base/kustomization.yaml:1:1: no Deployment or"
                + " StatefulSet of this base runs a Litestream sidecar (a litestream container with 'replicate');"
                + " nothing to import\n");
        withPlain.keySet().removeIf(k -> k.startsWith("apps/60-services/plain/"));
        assertThat(withPlain).isEqualTo(before);
        assertThat(ProjectFiles.snapshot(repo).keySet()).noneMatch(k -> k.endsWith("vixens-backup.yaml"));
    }

    /**
     * The only Litestream container is the generated sidecar; no hand-written Litestream container, script
     * defect or ConfigMap survives; every ConfigMap volume names a ConfigMap of the build. {@code kept} are
     * the user's own containers (not checked for pinned images).
     */
    @SuppressWarnings("unchecked")
    static void assertOnlyGeneratedLitestream(List<Map<String, Object>> objects, Map<String, Object> workload,
            String app, Set<String> kept) {
        List<Map<String, Object>> all = new ArrayList<>(Kustomize.containers(workload, "initContainers"));
        all.addAll(Kustomize.containers(workload, "containers"));
        List<Map<String, Object>> sidecars = Kustomize.containers(workload, "containers").stream()
                .filter(c -> String.valueOf(c.get("image")).startsWith("litestream/")).toList();
        assertThat(sidecars).hasSize(1);
        assertThat((List<String>) sidecars.get(0).get("args"))
                .containsExactly("replicate", "-config", "/etc/litestream/litestream.yml");
        assertThat(Kustomize.names(all)).doesNotHaveDuplicates();
        for (Map<String, Object> c : all) {
            String text = String.valueOf(c.get("command")) + c.get("args");
            assertThat(text).doesNotContain("grep -q").doesNotContain("*-wal").doesNotContain("/etc/litestream.yml");
            if (!kept.contains(String.valueOf(c.get("name")))) {
                assertThat(String.valueOf(c.get("image"))).as(c.get("name") + " image").doesNotEndWith(":latest");
            }
        }
        List<String> configMaps = objects.stream().filter(o -> "ConfigMap".equals(o.get("kind")))
                .map(o -> String.valueOf(Kustomize.metadata(o).get("name"))).toList();
        assertThat(configMaps).noneMatch(name -> name.startsWith("litestream-config"));
        assertThat(configMaps).anyMatch(name -> name.startsWith(app + "-litestream"));
        List<Map<String, Object>> volumes = (List<Map<String, Object>>) Kustomize.podSpec(workload).get("volumes");
        assertThat(volumes.stream().map(v -> v.get("name")).toList()).doesNotHaveDuplicates();
        for (Map<String, Object> volume : volumes) {
            Map<String, Object> configMap = (Map<String, Object>) volume.get("configMap");
            if (configMap != null) {
                assertThat(configMaps).contains(String.valueOf(configMap.get("name")));
            }
        }
    }

    /** Issue 10, item 14: a manifest nested 2,000 levels deep overflowed import's stack (a long trace, exit 3). */
    @Test
    void aManifestNestedTooDeepIsOneLineOfBadInput() throws Exception {
        Files.writeString(repo.resolve(HYDRUS + "/base/pvc.yaml"), "spec: " + "[".repeat(2000) + "]".repeat(2000)
                + "\n");
        var before = dev.vixens.ls.testing.TreeSnapshot.of(repo);

        CliRun imported = CliRun.inRepo(repo, "import", repo.resolve(HYDRUS).toString());

        assertThat(imported.exitCode()).isEqualTo(2);
        assertThat(imported.err()).isEqualTo(HYDRUS + "/base/pvc.yaml:1:106: YAML nested more than 100 levels"
                + " deep\n");
        assertThat(dev.vixens.ls.testing.TreeSnapshot.of(repo)).isEqualTo(before);
    }

    /** Issue 10, item 2 for import: a base manifest linked to a file outside is never read, nor echoed. */
    @Test
    void aLinkedBaseManifestIsNotReadAndItsTargetNeverShown(@org.junit.jupiter.api.io.TempDir Path outside)
            throws Exception {
        Path secret = Files.writeString(outside.resolve("credentials"), "kind: Secret\ntoken: supersecret\n");
        Files.delete(repo.resolve(HYDRUS + "/base/pvc.yaml"));
        Files.createSymbolicLink(repo.resolve(HYDRUS + "/base/pvc.yaml"), secret);

        CliRun imported = CliRun.inRepo(repo, "import", repo.resolve(HYDRUS).toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("resource 'pvc.yaml' is not read: refusing to read through the symbolic"
                + " link " + HYDRUS + "/base/pvc.yaml");
        assertThat(imported.out() + imported.err()).doesNotContain("supersecret");
    }
}
