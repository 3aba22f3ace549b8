package dev.vixens.ls.drill;

import static dev.vixens.ls.drill.HydrusFailSafeDrillTest.files;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.plan.AppPlanner;
import dev.vixens.ls.plan.LitestreamProcess;
import dev.vixens.ls.plan.PlannedDatabase;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.S3ProxyServer;
import dev.vixens.ls.testing.SharedS3Proxy;
import dev.vixens.ls.testing.Sqlite;
import dev.vixens.ls.testing.TestTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The steady-state drill for every example app of this repository that runs Litestream 0.3 (the version
 * whose real binary the drills have): its committed output built with {@code kubectl kustomize}, real
 * writes replicated by its own sidecar(s), the disk lost, the start-up sequence run; every backed-up
 * database must come back with every committed row and every ephemeral one must be gone.
 */
@ExtendWith(SharedS3Proxy.class)
class ExampleAppsDrillTest {

    private static S3ProxyServer s3;

    @BeforeAll
    static void startServer() {
        s3 = SharedS3Proxy.server();
    }


    /** The release of the binary the drills run: only apps configured for exactly it are drilled. */
    private static final String ON_THE_BINARY = TestTools.LITESTREAM_VERSION.substring(1);

    static Stream<String> litestream03Apps() {
        Repository repo = Repository.open(ProjectFiles.root());
        List<String> apps = new ArrayList<>();
        for (AppRef app : repo.apps()) {
            if (ON_THE_BINARY.equals(repo.load(app).settings().litestreamVersion().text())) {
                apps.add(app.name());
            }
        }
        assertThat(apps).as("example apps on Litestream 0.3").contains("hydrus-client");
        return apps.stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("litestream03Apps")
    void everyCommittedRowComesBackAfterTheDiskIsLost(String name, @TempDir Path work)
            throws IOException {
        Repository repo = Repository.open(ProjectFiles.root());
        AppRef ref = repo.app(name);
        AppDescriptor app = repo.load(ref);
        AppPlan plan = AppPlanner.plan(app, repo.profiles());
        Path overlay = overlay(repo.resolve(ref.directory()));
        Manifests manifests = Manifests.build(overlay);
        String bucket = s3.createBucket();
        Map<String, String> secret = new LinkedHashMap<>();
        s3.secret(bucket).forEach((key, value) -> secret.put(switch (key) {
            case "LITESTREAM_BUCKET" -> app.settings().bucketEnv();
            case "LITESTREAM_ENDPOINT" -> app.settings().endpointEnv();
            default -> key;
        }, value));
        List<String> backedUp = plan.databases().stream().filter(PlannedDatabase::replicated)
                .map(PlannedDatabase::path).toList();
        List<String> ephemeral = plan.databases().stream().filter(db -> !db.replicated())
                .map(PlannedDatabase::path).toList();

        try (PodSandbox pod = PodSandbox.of(generatedStartUpOnly(manifests.podSpec(app.workload().kind().kind(),
                app.workload().name()), plan), manifests.sources(Map.of(app.settings().secret(), secret), Map.of()),
                work.resolve("pod"))) {
            PodSandbox.StartUp first = pod.start();
            assertThat(first.succeeded()).as(first.log()).isTrue();
            for (PlannedDatabase db : plan.databases()) {
                Sqlite.create(pod.hostPath(db.path()), "CREATE TABLE drill_rows(id INTEGER PRIMARY KEY,"
                        + " payload TEXT);");
                Sqlite.insertRows(pod.hostPath(db.path()), "drill_rows", 1, 100);
            }
            List<PodSandbox.Running> sidecars = new ArrayList<>();
            for (LitestreamProcess process : plan.processes()) {
                // A native sidecar was started by the start-up sequence itself.
                sidecars.add(app.settings().nativeSidecar() ? pod.sidecar(process.containerName())
                        : pod.background(process.containerName()));
            }
            for (PlannedDatabase db : plan.databases()) {
                if (db.replicated()) {
                    Sqlite.insertRows(pod.hostPath(db.path()), "drill_rows", 101, 50);
                }
            }
            Map<String, String> replicated = new LinkedHashMap<>();
            for (LitestreamProcess process : plan.processes()) {
                String[] served = backedUp.stream().filter(process::serves).toArray(String[]::new);
                replicated.putAll(Replication.await(pod, process.containerName(), served));
            }
            for (PodSandbox.Running sidecar : sidecars) {
                sidecar.stop();
            }

            pod.wipe(app.volume().name());
            PodSandbox.StartUp restart = pod.start();
            pod.close();

            assertThat(restart.succeeded()).as(restart.log()).isTrue();
            for (String db : backedUp) {
                assertThat(Sqlite.dump(pod.hostPath(db))).as(db).isEqualTo(replicated.get(db));
                assertThat(Sqlite.count(pod.hostPath(db), "drill_rows")).isEqualTo(150);
            }
            for (String db : ephemeral) {
                assertThat(pod.hostPath(db)).doesNotExist();
            }
            List<String> left = new ArrayList<>();
            for (String db : backedUp) {
                Path host = pod.hostPath(db);
                for (String file : files(host.getParent())) {
                    if (file.startsWith(host.getFileName().toString())) {
                        left.add(file);
                    }
                }
            }
            assertThat(left).as("no -wal, -shm or restore leftovers").allMatch(f -> backedUp.stream()
                    .anyMatch(db -> db.endsWith("/" + f)));
        }
    }

    /** The app's first overlay (overlays/prod in the examples). */
    static Path overlay(Path appDir) throws IOException {
        try (var overlays = Files.list(appDir.resolve("overlays"))) {
            return overlays.filter(dir -> Files.exists(dir.resolve("kustomization.yaml"))).sorted().findFirst()
                    .orElseThrow(() -> new AssertionError(appDir + " has no overlay to build"));
        }
    }

    /**
     * The pod spec with only the init containers vixens-ls generated: an app's own init containers (Home
     * Assistant seeds its configuration) write to their real paths, which the sandbox does not rewrite in
     * script text, and are not what this drill proves.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> generatedStartUpOnly(Map<String, Object> podSpec, AppPlan plan) {
        java.util.Set<String> generated = new java.util.HashSet<>();
        plan.patch().initContainers().forEach(c -> generated.add(c.name()));
        Map<String, Object> copy = new LinkedHashMap<>(podSpec);
        List<Map<String, Object>> init = (List<Map<String, Object>>) podSpec.get("initContainers");
        copy.put("initContainers", init.stream().filter(c -> generated.contains(String.valueOf(c.get("name"))))
                .toList());
        return copy;
    }
}
