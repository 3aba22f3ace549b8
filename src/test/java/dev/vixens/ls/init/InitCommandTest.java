package dev.vixens.ls.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vixens.ls.recommend.Answers;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.DescriptorSchema;
import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init → (schema) → generate → kubectl kustomize, on the example repository and on a new app. */
class InitCommandTest {

    static final String HYDRUS = "apps/20-media/hydrus-client";

    @TempDir
    Path repo;

    @BeforeEach
    void copyExample() {
        ProjectFiles.copyExampleRepository(repo, "hydrus-client");
    }

    @Test
    void initReproducesTheHydrusExampleFromItsBaseAndFlags() throws Exception {
        Files.delete(repo.resolve(HYDRUS + "/vixens-backup.yaml"));

        CliRun init = CliRun.inRepo(repo, "init", "hydrus-client", "--fix-permissions",
                "--db", "/opt/hydrus/db/client.db=critical", "--db", "/opt/hydrus/db/client.mappings.db",
                "--db", "/opt/hydrus/db/client.master.db", "--db", "/opt/hydrus/db/client.caches.db",
                "--criticality", "important");

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out())
                .contains("wrote apps/20-media/hydrus-client/vixens-backup.yaml")
                .containsPattern("/opt/hydrus/db/client.mappings.db +standard +decision tree: important -> standard")
                .containsPattern("/opt/hydrus/db/client.caches.db +ephemeral +name looks like cache data")
                .contains("note: from apps/20-media/hydrus-client/base/deployment.yaml: Deployment hydrus-client,"
                        + " container hydrus-client, volume data at /opt/hydrus/db");
        DescriptorSchema.assertValid(repo.resolve(HYDRUS + "/vixens-backup.yaml"));
        CliRun check = CliRun.inRepo(repo, "check", "--all");
        assertThat(check.exitCode()).as("the committed output is what the init descriptor generates:\n" + check.out())
                .isZero();
    }

    @Test
    void aNewAppGoesToItsLayerValidatesAndGenerates() throws Exception {
        CliRun init = CliRun.inRepo(repo, "init", "vaultwarden", "--layer", "60-services", "--namespace", "services",
                "--db", "/data/db.sqlite3", "--criticality", "mission-critical", "--loss-tolerance", "6h",
                "--uid", "33", "--gid", "33");

        assertThat(init.exitCode()).as(init.err()).isZero();
        Path descriptor = repo.resolve("apps/60-services/vaultwarden/vixens-backup.yaml");
        assertThat(Files.readString(descriptor)).isEqualTo("""
                # Backup descriptor for vaultwarden (ADR-014 profiles), written by `vixens-ls init`.
                # Keys and defaults: README.md, Describing your app. Then run: vixens-ls generate vaultwarden
                app: vaultwarden
                namespace: services
                workload:
                  kind: Deployment
                  name: vaultwarden
                  container: vaultwarden
                volume:
                  name: data
                  mountPath: /data
                runAs:
                  uid: 33
                  gid: 33
                databases:
                  - path: /data/db.sqlite3
                    profile: standard
                """);
        DescriptorSchema.assertValid(descriptor);
        assertThat(init.out()).contains("write apps/60-services/vaultwarden/overlays/<env>/kustomization.yaml");

        writeBaseAndOverlay(repo.resolve("apps/60-services/vaultwarden"));
        CliRun generate = CliRun.inRepo(repo, "generate", "vaultwarden");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        List<Map<String, Object>> objects = Kustomize.build(repo.resolve("apps/60-services/vaultwarden/overlays/prod"));
        Map<String, Object> deployment = Kustomize.find(objects, "Deployment", "vaultwarden");
        assertThat(Kustomize.names(Kustomize.containers(deployment, "initContainers")))
                .containsExactly("check-integrity", "restore-db");
        assertThat(Kustomize.names(Kustomize.containers(deployment, "containers")))
                .containsExactly("litestream", "vaultwarden");
    }

    @Test
    void uidZeroWritesPodSecurityBaselineSoThatTheDescriptorGenerates() throws Exception {
        CliRun init = CliRun.inRepo(repo, "init", "rootapp", "--layer", "60-services", "--namespace", "services",
                "--db", "/data/app.db=standard", "--uid", "0", "--gid", "0");

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(Files.readString(repo.resolve("apps/60-services/rootapp/vixens-backup.yaml"))).contains("""
                runAs:
                  uid: 0
                  gid: 0
                # The generated containers run as root (runAs.uid 0): Pod Security "baseline" only, and a namespace that
                # enforces "restricted" rejects the pod. Run the app as a non-root user to remove this.
                podSecurity: baseline
                databases:
                """);
        assertThat(init.out()).contains("--uid 0: the generated containers run as root, so the descriptor says"
                + " podSecurity: baseline");
    }

    @Test
    void asksAtATerminalForWhatIsMissingAndRecommendsFromTheAnswers() {
        Deque<String> answers = new ArrayDeque<>(List.of("60-services", "/data/db.sqlite3", "/data/icons.cache.db",
                "", "services", "n", "1h", "", "", "y"));
        List<String> questions = new ArrayList<>();
        Prompter scripted = (question, defaultValue) -> {
            questions.add(question + " [" + defaultValue + "]");
            String answer = answers.removeFirst();
            return Optional.of(answer.isEmpty() ? defaultValue : answer);
        };
        InitRequest request = new InitRequest("vaultwarden", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Answers.NONE, Optional.empty(), Optional.empty(), false, false);

        InitPlan plan = new InitService(Repository.open(repo), scripted).plan(request, repo);

        assertThat(answers).isEmpty();
        assertThat(questions).containsExactly(
                "Layer directory under apps/ (e.g. 60-services) []",
                "Path of a SQLite database of vaultwarden []",
                "Another database path (empty: done) []",
                "Another database path (empty: done) []",
                "Namespace of vaultwarden []",
                "/data/db.sqlite3: is it cache or temporary data that can be regenerated? (y/n) [n]",
                "/data/db.sqlite3: how much recent history could you lose? (1h, 6h, 24h; empty: skip) []",
                "/data/db.sqlite3: writes per hour, if known (empty: skip) []",
                "/data/db.sqlite3: criticality (mission-critical, important, convenience; empty: skip) []",
                "/data/icons.cache.db: is it cache or temporary data that can be regenerated? (y/n) [y]");
        assertThat(plan.path()).isEqualTo("apps/60-services/vaultwarden/vixens-backup.yaml");
        assertThat(plan.databases()).extracting(InitPlan.Choice::profile).containsExactly("critical", "ephemeral");
    }

    @Test
    void refusals() throws Exception {
        CliRun nowhere = CliRun.inRepo(repo, "init", "newapp", "--namespace", "x", "--db", "/data/a.db");
        CliRun existing = CliRun.inRepo(repo, "init", "hydrus-client", "--db", "/opt/hydrus/db/client.db");
        CliRun badProfile = CliRun.inRepo(repo, "init", "newapp", "--layer", "x", "--namespace", "x",
                "--db", "/data/a.db=gold");
        CliRun badName = CliRun.inRepo(repo, "init", "New_App", "--layer", "x");
        CliRun outside = CliRun.inRepo(repo, "init", "newapp", "--dir", "/tmp/newapp", "--namespace", "x",
                "--db", "/data/a.db");

        assertThat(nowhere.exitCode()).isEqualTo(2);
        assertThat(nowhere.err()).isEqualTo("vixens-ls: where does newapp go? pass --layer LAYER (it becomes"
                + " apps/LAYER/newapp) or --dir DIR\n");
        assertThat(existing.exitCode()).isEqualTo(2);
        assertThat(existing.err()).isEqualTo("apps/20-media/hydrus-client/vixens-backup.yaml:1:1: a descriptor already"
                + " exists; pass --force to replace it\n");
        assertThat(badProfile.exitCode()).isEqualTo(2);
        assertThat(badProfile.err()).contains("--db /data/a.db=gold: unknown profile; known profiles: critical,");
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(outside.exitCode()).isEqualTo(2);
        assertThat(outside.err()).contains("is outside the repository");
        assertThat(ProjectFiles.snapshot(repo).keySet()).noneMatch(k -> k.contains("newapp"));
    }

    @Test
    void theSchemaCheckIsNotVacuous() throws Exception {
        Path bad = repo.resolve("bad.yaml");
        Files.writeString(bad, "app: x\nnamespace: y\nworkload: {kind: Job, name: x, container: x}\n"
                + "volume: {name: data, mountPath: /data}\ndatabases: [{path: /data/a.db, profile: standard}]\n");

        assertThatThrownBy(() -> DescriptorSchema.assertValid(bad)).isInstanceOf(AssertionError.class).hasMessageContaining("kind");
    }

    static void writeBaseAndOverlay(Path app) throws Exception {
        Files.createDirectories(app.resolve("base"));
        Files.createDirectories(app.resolve("overlays/prod"));
        Files.writeString(app.resolve("base/kustomization.yaml"), "resources: [deployment.yaml]\n");
        Files.writeString(app.resolve("base/deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: vaultwarden
                spec:
                  selector:
                    matchLabels: {app: vaultwarden}
                  template:
                    metadata:
                      labels: {app: vaultwarden}
                    spec:
                      containers:
                        - name: vaultwarden
                          image: vaultwarden/server:1.32.7
                          volumeMounts:
                            - {name: data, mountPath: /data}
                      volumes:
                        - name: data
                          emptyDir: {}
                """);
        Files.writeString(app.resolve("overlays/prod/kustomization.yaml"),
                "namespace: services\nresources: [../../base]\ncomponents: [../../litestream]\n");
    }
}
