package dev.vixens.ls.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolve stage decides containers, configs and files; checked here without rendering anything. */
class AppPlannerTest {

    @TempDir
    Path dir;

    private static final String HYDRUS = """
            app: hydrus
            namespace: media
            workload: {kind: Deployment, name: hydrus, container: hydrus}
            volume: {name: data, mountPath: /db}
            fixPermissions: true
            databases:
              - {path: /db/client.db, profile: critical}
              - {path: /db/client.mappings.db, profile: standard}
              - {path: /db/client.master.db, profile: standard}
              - {path: /db/client.caches.db, profile: ephemeral}
            """;

    private AppPlan plan(String descriptor) {
        TestRepo.create(dir).descriptor("20-media", nameOf(descriptor), descriptor);
        Repository repo = Repository.open(dir);
        AppDescriptor app = repo.load(repo.app(nameOf(descriptor)));
        return AppPlanner.plan(app, repo.profiles());
    }

    private static String nameOf(String descriptor) {
        return descriptor.lines().filter(l -> l.startsWith("app: ")).findFirst().orElseThrow().substring(5);
    }

    private static List<String> names(List<ContainerPlan> containers) {
        return containers.stream().map(ContainerPlan::name).toList();
    }

    @Test
    void startUpSequenceFollowsTheAdrOrderWithOneRestorePerReplicatedDatabase() {
        AppPlan plan = plan(HYDRUS);

        assertThat(names(plan.patch().initContainers())).containsExactly("fix-permissions", "check-integrity",
                "restore-client", "restore-client-mappings", "restore-client-master", "cleanup-ephemeral");
        assertThat(names(plan.patch().containers())).containsExactly("litestream");
    }

    @Test
    void onlyDeclaredDatabasesAreCheckedRestoredOrCleaned() {
        AppPlan plan = plan(HYDRUS);
        List<ContainerPlan> init = plan.patch().initContainers();

        assertThat(named(init, "check-integrity").script().orElseThrow().arguments())
                .containsExactly("/db/client.db", "/db/client.mappings.db", "/db/client.master.db");
        assertThat(named(init, "restore-client").script().orElseThrow().arguments())
                .containsExactly("/db/client.db", "/etc/litestream/litestream.yml");
        assertThat(named(init, "cleanup-ephemeral").script().orElseThrow().arguments()).containsExactly("/db/client.caches.db");
    }

    @Test
    void litestream03RunsEveryProfileInOneProcessWithPerReplicaValues() {
        AppPlan plan = plan(HYDRUS);

        assertThat(plan.processes()).hasSize(1);
        assertThat(plan.processes().get(0).replicas())
                .extracting(r -> r.path() + " " + r.snapshotInterval() + " " + r.retention() + " " + r.syncInterval())
                .containsExactly("/db/client.db 1h 336h 1s", "/db/client.mappings.db 6h 168h 1s",
                        "/db/client.master.db 6h 168h 1s");
        assertThat(plan.processes().get(0).replicas().get(0).url())
                .isEqualTo("s3://${LITESTREAM_BUCKET}/hydrus/client.db");
    }

    @Test
    void singleWriterGuardForcesOneReplicaAndRecreateForDeployments() {
        assertThat(plan(HYDRUS).patch().replicas()).contains(1);
        assertThat(plan(HYDRUS).patch().recreate()).isTrue();
    }

    @Test
    void statefulSetsGetOneReplicaButNoDeploymentStrategy() {
        AppPlan plan = plan(HYDRUS.replace("kind: Deployment", "kind: StatefulSet"));

        assertThat(plan.patch().kind()).isEqualTo("StatefulSet");
        assertThat(plan.patch().replicas()).contains(1);
        assertThat(plan.patch().recreate()).isFalse();
    }

    @Test
    void credentialsComeOnlyFromTheSecret() {
        AppPlan plan = plan(HYDRUS);

        assertThat(named(plan.patch().containers(), "litestream").envFrom())
                .containsExactly(ContainerPlan.EnvSource.secret("litestream-shared-secrets"));
        assertThat(plan.patch().initContainers().stream().filter(c -> c.name().startsWith("restore-")))
                .allSatisfy(c -> assertThat(c.envFrom())
                        .containsExactly(ContainerPlan.EnvSource.secret("litestream-shared-secrets")));
    }

    @Test
    void relaxedProfileSkipsTheIntegrityCheckUnlessTheDatabaseAsksForIt() {
        String relaxed = """
                app: auth
                namespace: auth
                workload: {kind: Deployment, name: auth, container: auth}
                volume: {name: data, mountPath: /data}
                databases:
                  - {path: /data/a.db, profile: relaxed}
                  - path: /data/b.db
                    profile: relaxed
                    overrides: {integrityCheck: true, retention: 120h}
                """;
        AppPlan plan = plan(relaxed);

        assertThat(names(plan.patch().initContainers())).containsExactly("check-integrity", "restore-a", "restore-b");
        assertThat(named(plan.patch().initContainers(), "check-integrity").script().orElseThrow().arguments())
                .containsExactly("/data/b.db");
        assertThat(plan.databases().get(1).overrideSummary()).containsExactly("retention 120h", "integrityCheck full");
        assertThat(plan.processes().get(0).replicas().get(1).overrides())
                .containsExactly("retention 120h", "integrityCheck full");
    }

    @Test
    void aMandatoryIntegrityCheckCannotBeSwitchedOff() {
        String weakened = HYDRUS.replace("{path: /db/client.db, profile: critical}",
                "{path: /db/client.db, profile: critical, overrides: {integrityCheck: false}}");

        assertThatThrownBy(() -> plan(weakened))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("databases[0].overrides.integrityCheck: profile 'critical' makes the"
                        + " integrity check mandatory; it cannot be switched off");
    }

    @Test
    void anAppWithOnlyEphemeralDatabasesHasNoSidecarAndNoConfig() {
        AppPlan plan = plan("""
                app: cache
                namespace: x
                workload: {kind: Deployment, name: cache, container: cache}
                volume: {name: data, mountPath: /data}
                databases: [{path: /data/c.db, profile: ephemeral}]
                """);

        assertThat(names(plan.patch().initContainers())).containsExactly("cleanup-ephemeral");
        assertThat(plan.patch().containers()).isEmpty();
        assertThat(plan.patch().volumes()).isEmpty();
        assertThat(plan.files()).extracting(EmittedFile::path).containsExactly(
                "apps/20-media/cache/litestream/kustomization.yaml",
                "apps/20-media/cache/litestream/workload-patch.yaml");
    }

    @Test
    void aSpaceInAPathIsPercentEncodedInTheReplicaUrlOnly() {
        AppPlan plan = plan("""
                app: spaced
                namespace: x
                workload: {kind: Deployment, name: spaced, container: spaced}
                volume: {name: data, mountPath: /my data}
                databases: [{path: /my data/app db.sqlite, profile: standard}]
                """);

        LitestreamProcess.Replica replica = plan.processes().get(0).replicas().get(0);
        assertThat(replica.path()).isEqualTo("/my data/app db.sqlite");
        assertThat(replica.url()).isEqualTo("s3://${LITESTREAM_BUCKET}/spaced/app%20db.sqlite");
        assertThat(plan.patch().initContainers()).extracting(ContainerPlan::name).contains("restore-app-db");
    }

    /** Containers are found by name: a new start-up step must not shift what a test looks at. */
    private static ContainerPlan named(List<ContainerPlan> containers, String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
