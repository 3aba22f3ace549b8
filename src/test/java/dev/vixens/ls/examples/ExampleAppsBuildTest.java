package dev.vixens.ls.examples;

import static dev.vixens.ls.examples.ExampleApp.CONFIG_DIR;
import static dev.vixens.ls.examples.ExampleApp.CONFIG_VOLUME;
import static dev.vixens.ls.examples.ExampleApp.list;
import static dev.vixens.ls.examples.ExampleApp.podAnnotations;
import static dev.vixens.ls.examples.ExampleApp.script;
import static dev.vixens.ls.examples.ExampleApp.scriptArguments;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.descriptor.AppDescriptor.WorkloadKind;
import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.examples.ExampleApp.ExpectedDatabase;
import dev.vixens.ls.litestream.Command;
import dev.vixens.ls.litestream.SnapshotPlacement;
import dev.vixens.ls.profile.GoDuration;
import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every app under {@code apps/}: {@code kubectl kustomize} of its prod overlay succeeds, and the built
 * workload carries ADR-014's start-up sequence, sidecar and single-writer guard exactly as its descriptor
 * and profiles ask. The apps are discovered, so an app added to {@code apps/} is covered without touching
 * this class.
 */
class ExampleAppsBuildTest {

    private static final Pattern HASHED = Pattern.compile("-[a-z0-9]{10}");
    /** The scratch space of the containers that run sqlite3 or Litestream, whose root file system is read-only. */
    static final List<Map<String, Object>> SCRATCH_ENV = List.of(Map.of("name", "TMPDIR", "value", "/tmp"),
            Map.of("name", "SQLITE_TMPDIR", "value", "/tmp"));
    static final Map<String, Object> SCRATCH_MOUNT = Map.of("name", "litestream-tmp", "mountPath", "/tmp");
    private static final Pattern CREDENTIAL_NAME = Pattern.compile(
            "(?i).*(ACCESS_KEY|SECRET|PASSWORD|TOKEN|LITESTREAM_|AWS_).*");

    static List<String> apps() {
        return ExampleApp.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void theWorkloadHasOneReplicaAndNeverTwoPodsAtOnce(String name) {
        ExampleApp app = ExampleApp.named(name);
        Map<String, Object> spec = app.spec();

        assertThat(spec.get("replicas")).isEqualTo(1);
        if (app.descriptor().workload().kind() == WorkloadKind.DEPLOYMENT) {
            assertThat(spec.get("strategy")).as("strategy").isEqualTo(Map.of("type", "Recreate"));
        } else {
            assertThat(spec).doesNotContainKey("strategy");
            assertThat(spec.get("updateStrategy")).isEqualTo(ExampleApp.spec(app.baseWorkload()).get("updateStrategy"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void initContainersRunTheFailSafeSequenceBeforeTheBasesOwn(String name) {
        ExampleApp app = ExampleApp.named(name);
        List<String> expected = new ArrayList<>(app.generatedInitContainers());
        expected.addAll(Kustomize.names(Kustomize.containers(app.baseWorkload(), "initContainers")));

        assertThat(Kustomize.names(app.initContainers())).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void startUpScriptsGetExactlyTheDeclaredPathsAsArguments(String name) throws IOException {
        ExampleApp app = ExampleApp.named(name);
        AppDescriptor d = app.descriptor();
        Settings settings = d.settings();

        for (String container : app.generatedInitContainers()) {
            Map<String, Object> c = app.initContainer(container);
            assertThat(((List<?>) c.get("command")).subList(0, 2)).as(container)
                    .isEqualTo(List.of("/bin/sh", "-c"));
            assertThat(c).as(container).doesNotContainKey("args");
            boolean sqliteOrLitestream = container.equals("check-integrity") || container.startsWith("restore-");
            assertThat(list(c, "env")).as(container + " env").isEqualTo(sqliteOrLitestream ? SCRATCH_ENV : List.of());
            assertThat(scriptArguments(c).get(0)).as(container + " $0").isEqualTo(container);
            assertThat(list(c, "volumeMounts")).as(container)
                    .contains(mount(d.volume().name(), d.volume().mountPath()));
            long uid = container.equals("fix-permissions") ? 0 : settings.runAs().uid();
            assertThat(((Map<?, ?>) c.get("securityContext")).get("runAsUser")).as(container).isEqualTo((int) uid);
        }
        if (settings.fixPermissions()) {
            Map<String, Object> fix = app.initContainer("fix-permissions");
            assertThat(script(fix)).isEqualTo(shippedScript("fix-permissions.sh"));
            assertThat(args(fix)).containsExactly(Long.toString(settings.runAs().uid()),
                    Long.toString(settings.runAs().gid()), d.volume().mountPath());
        }
        if (!app.checkedPaths().isEmpty()) {
            Map<String, Object> check = app.initContainer("check-integrity");
            assertThat(script(check))
                    .isEqualTo(shippedScript("check-integrity.sh"))
                    .containsPattern("case \"\\$result\" in\n\\s+ok\\)")
                    .doesNotContain("grep -q");
            assertThat(args(check)).containsExactlyElementsOf(app.checkedPaths());
            assertThat(check.get("image")).isEqualTo(settings.sqliteImage());
        }
        Map<String, Map<String, Object>> configs = configs(app);
        for (ExpectedDatabase db : app.replicated()) {
            Map<String, Object> restore = app.initContainer("restore-" + db.name());
            assertThat(script(restore)).isEqualTo(shippedScript("restore.sh"));
            // DATABASE CONFIG, then the restore options the release offers (-integrity-check full from 0.5.10)
            assertThat(args(restore)).hasSizeGreaterThanOrEqualTo(2).startsWith(db.path());
            assertThat(args(restore).subList(2, args(restore).size())).isEqualTo(
                    db.checked() && settings.litestreamVersion().release().has(Command.RESTORE, "-integrity-check")
                            ? List.of("-integrity-check", "full") : List.of());
            String config = args(restore).get(1);
            assertThat(config).as("restore-" + db.name() + " config").startsWith(CONFIG_DIR + "/");
            assertThat(databasePaths(configs.get(config.substring(CONFIG_DIR.length() + 1))))
                    .as("the config " + config + " holds " + db.path()).contains(db.path());
            assertThat(restore.get("envFrom")).isEqualTo(secretOnly(settings));
            assertThat(restore.get("image")).isEqualTo(settings.litestreamImageReference());
            assertThat(list(restore, "volumeMounts")).contains(configMount());
        }
        if (!app.ephemeralPaths().isEmpty()) {
            Map<String, Object> cleanup = app.initContainer("cleanup-ephemeral");
            assertThat(script(cleanup)).isEqualTo(shippedScript("cleanup-ephemeral.sh"));
            assertThat(args(cleanup)).containsExactlyElementsOf(app.ephemeralPaths());
            assertThat(cleanup).doesNotContainKey("envFrom");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void oneLitestreamSidecarPerProcessWithMetricsResourcesAndSecretCredentials(String name) {
        ExampleApp app = ExampleApp.named(name);
        AppDescriptor d = app.descriptor();
        Settings settings = d.settings();
        Settings.Resources r = settings.resources();
        List<Map<String, Object>> sidecars = app.containers().stream()
                .filter(c -> String.valueOf(c.get("name")).startsWith("litestream")).toList();
        Map<String, Map<String, Object>> configs = configs(app);
        List<List<ExpectedDatabase>> groups = app.processGroups();

        assertThat(sidecars).hasSize(groups.size());
        assertThat(app.containers()).hasSize(Kustomize.containers(app.baseWorkload(), "containers").size()
                + groups.size());
        assertThat(configs).hasSize(groups.size());
        List<Integer> ports = new ArrayList<>();
        List<List<String>> served = new ArrayList<>();
        for (Map<String, Object> sidecar : sidecars) {
            String config = String.valueOf(((List<?>) sidecar.get("args")).get(2));
            assertThat(sidecar.get("args")).isEqualTo(List.of("replicate", "-config", config));
            Map<String, Object> parsed = configs.get(config.substring(CONFIG_DIR.length() + 1));
            assertThat(parsed).as(config + " is in the ConfigMap").isNotNull();
            assertThat(sidecar.get("image")).isEqualTo(settings.litestreamImageReference());
            assertThat(sidecar).doesNotContainKey("command");
            assertThat(list(sidecar, "env")).isEqualTo(SCRATCH_ENV);
            assertThat(sidecar.get("envFrom")).isEqualTo(secretOnly(settings));
            List<Map<String, Object>> sidecarPorts = list(sidecar, "ports");
            assertThat(sidecarPorts).hasSize(1);
            int port = (Integer) sidecarPorts.get(0).get("containerPort");
            assertThat(String.valueOf(sidecarPorts.get(0).get("name"))).startsWith("metrics").hasSizeLessThan(16);
            assertThat(parsed.get("addr")).as(config + " listens where the port says").isEqualTo(":" + port);
            ports.add(port);
            served.add(databasePaths(parsed));
            assertThat(sidecar.get("resources")).isEqualTo(Map.of(
                    "requests", Map.of("cpu", r.requestsCpu(), "memory", r.requestsMemory()),
                    "limits", Map.of("cpu", r.limitsCpu(), "memory", r.limitsMemory())));
            assertThat(list(sidecar, "volumeMounts"))
                    .containsExactly(mount(d.volume().name(), d.volume().mountPath()), configMount(), SCRATCH_MOUNT);
        }
        List<Integer> expectedPorts = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            expectedPorts.add(settings.metricsPort() + i);
        }
        assertThat(ports).containsExactlyInAnyOrderElementsOf(expectedPorts);
        assertThat(served).containsExactlyInAnyOrderElementsOf(groups.stream()
                .map(g -> g.stream().map(ExpectedDatabase::path).toList()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void noContainerOfThePodCarriesALiteralCredential(String name) {
        ExampleApp app = ExampleApp.named(name);
        List<Map<String, Object>> all = new ArrayList<>(app.initContainers());
        all.addAll(app.containers());

        for (Map<String, Object> container : all) {
            for (Map<String, Object> env : list(container, "env")) {
                if (CREDENTIAL_NAME.matcher(String.valueOf(env.get("name"))).matches()) {
                    assertThat(env).as(container.get("name") + " env " + env.get("name")).doesNotContainKey("value");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    @SuppressWarnings("unchecked")
    void theGeneratedConfigListsExactlyTheReplicatedDatabasesWithTheirProfilesValues(String name) {
        ExampleApp app = ExampleApp.named(name);
        Settings settings = app.descriptor().settings();
        String prefix = app.descriptor().app() + "-litestream";
        if (app.replicated().isEmpty()) {
            assertThat(app.objects()).noneMatch(o -> "ConfigMap".equals(o.get("kind"))
                    && String.valueOf(Kustomize.metadata(o).get("name")).startsWith(prefix));
            return;
        }
        Map<String, Object> configMap = Kustomize.findByPrefix(app.objects(), "ConfigMap", prefix);
        String configMapName = String.valueOf(Kustomize.metadata(configMap).get("name"));

        assertThat(configMapName.substring(prefix.length())).matches(HASHED);
        assertThat(list(Kustomize.podSpec(app.workload()), "volumes"))
                .contains(Map.of("name", CONFIG_VOLUME, "configMap", Map.of("name", configMapName)));
        Map<String, Map<String, Object>> configs = configs(app);
        Map<String, Object> dbs = new LinkedHashMap<>();
        for (Map<String, Object> config : configs.values()) {
            for (Map<String, Object> db : (List<Map<String, Object>>) config.get("dbs")) {
                assertThat(dbs.put(String.valueOf(db.get("path")), withSnapshot(config, db, settings)))
                        .as("each database in one config only").isNull();
            }
        }
        Map<String, Object> expected = new LinkedHashMap<>();
        for (ExpectedDatabase db : app.replicated()) {
            expected.put(db.path(), expectedEntry(app, db, settings));
        }
        assertThat(dbs).isEqualTo(expected);
        String text = String.valueOf(((Map<String, Object>) configMap.get("data")).values());
        for (String ephemeral : app.ephemeralPaths()) {
            assertThat(text).doesNotContain(ephemeral);
        }
    }

    /** A database entry as the app's Litestream version must read it, from the descriptor and profiles. */
    private static Map<String, Object> expectedEntry(ExampleApp app, ExpectedDatabase db, Settings settings) {
        Map<String, Object> replica = new LinkedHashMap<>();
        replica.put("url", "s3://${" + settings.bucketEnv() + "}/" + app.bucketPath(db).replace(" ", "%20"));
        replica.put("endpoint", "${" + settings.endpointEnv() + "}");
        replica.put("sync-interval", millis(db.sync().orElseThrow()));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", db.path());
        if (settings.litestreamVersion().release().snapshotPlacement() != SnapshotPlacement.REPLICA) {
            entry.put("snapshot", Map.of("interval", millis(db.snapshot().orElseThrow()),
                    "retention", millis(db.retention().orElseThrow())));
            entry.put("replica", replica);
        } else {
            replica.put("snapshot-interval", millis(db.snapshot().orElseThrow()));
            replica.put("retention", millis(db.retention().orElseThrow()));
            entry.put("replicas", List.of(replica));
        }
        return entry;
    }

    /**
     * A database entry as Litestream reads it, durations as milliseconds; on 0.5 before 0.5.12 the process's
     * top-level {@code snapshot:} applies to every database, so it is folded into each entry.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withSnapshot(Map<String, Object> config, Map<String, Object> db,
            Settings settings) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", db.get("path"));
        SnapshotPlacement placement = settings.litestreamVersion().release().snapshotPlacement();
        if (placement != SnapshotPlacement.REPLICA) {
            boolean perDatabase = placement == SnapshotPlacement.DATABASE;
            Map<String, Object> snapshot = (Map<String, Object>) (perDatabase ? db.get("snapshot")
                    : config.get("snapshot"));
            assertThat(snapshot).as("snapshot block where Litestream " + settings.litestreamVersion().text()
                    + " reads it").isNotNull();
            entry.put("snapshot", Map.of("interval", millis(snapshot.get("interval")),
                    "retention", millis(snapshot.get("retention"))));
            if (!perDatabase) {
                assertThat(db).doesNotContainKey("snapshot");
            }
            assertThat(db).doesNotContainKey("replicas");
            entry.put("replica", durationsAsMillis((Map<String, Object>) db.get("replica")));
        } else {
            entry.put("replicas", ((List<Map<String, Object>>) db.get("replicas")).stream()
                    .map(ExampleAppsBuildTest::durationsAsMillis).toList());
        }
        return entry;
    }

    private static Map<String, Object> durationsAsMillis(Map<String, Object> replica) {
        Map<String, Object> out = new LinkedHashMap<>();
        replica.forEach((k, v) -> out.put(k, k.endsWith("interval") || k.equals("retention") ? millis(v) : v));
        return out;
    }

    private static long millis(Object duration) {
        return GoDuration.parse(String.valueOf(duration)).millis();
    }

    /** Every config file of the app's generated ConfigMap, parsed, by file name. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> configs(ExampleApp app) {
        Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
        if (app.replicated().isEmpty()) {
            return configs;
        }
        Map<String, Object> configMap = Kustomize.findByPrefix(app.objects(), "ConfigMap",
                app.descriptor().app() + "-litestream");
        ((Map<String, Object>) configMap.get("data")).forEach((file, text) -> configs.put(file,
                (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(String.valueOf(text))));
        return configs;
    }

    @SuppressWarnings("unchecked")
    private static List<String> databasePaths(Map<String, Object> config) {
        assertThat(config).isNotNull();
        return ((List<Map<String, Object>>) config.get("dbs")).stream().map(db -> String.valueOf(db.get("path")))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void podAnnotationsKeepTheAppsContainerTheDefaultAndAdvertiseTheSidecarsMetrics(String name) {
        ExampleApp app = ExampleApp.named(name);
        AppDescriptor d = app.descriptor();
        Map<String, Object> annotations = podAnnotations(app.workload());

        assertThat(annotations.get("kubectl.kubernetes.io/default-container")).isEqualTo(d.workload().container());
        assertThat(Kustomize.names(app.containers())).contains(d.workload().container());
        Map<String, Object> prometheus = prometheus(annotations);
        if (d.settings().metricsAnnotations()) {
            assertThat(prometheus).isEqualTo(Map.of("prometheus.io/scrape", "true",
                    "prometheus.io/port", Integer.toString(d.settings().metricsPort()),
                    "prometheus.io/path", "/metrics"));
        } else {
            assertThat(prometheus).isEqualTo(prometheus(podAnnotations(app.baseWorkload())));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void theBaseProvidesTheDataVolumeAndTheAppMountsItAtTheDeclaredPath(String name) {
        ExampleApp app = ExampleApp.named(name);
        AppDescriptor d = app.descriptor();
        String volume = d.volume().name();

        assertThat(list(app.container(d.workload().container()), "volumeMounts"))
                .anySatisfy(m -> assertThat(m).containsEntry("name", volume)
                        .containsEntry("mountPath", d.volume().mountPath()));
        boolean podVolume = list(Kustomize.podSpec(app.workload()), "volumes").stream()
                .anyMatch(v -> volume.equals(v.get("name"))
                        && (v.containsKey("persistentVolumeClaim") || v.containsKey("emptyDir")));
        boolean claimTemplate = list(app.spec(), "volumeClaimTemplates").stream()
                .anyMatch(t -> volume.equals(Kustomize.metadata(t).get("name")));
        assertThat(podVolume || claimTemplate)
                .as("a PVC or emptyDir volume (or a volumeClaimTemplate) named " + volume).isTrue();
        for (ExpectedDatabase db : app.databases()) {
            assertThat(db.path()).startsWith(d.volume().mountPath() + "/");
        }
    }

    private static Map<String, Object> prometheus(Map<String, Object> annotations) {
        return annotations.entrySet().stream().filter(e -> e.getKey().startsWith("prometheus.io/"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The arguments after $0. */
    private static List<String> args(Map<String, Object> container) {
        List<String> all = scriptArguments(container);
        return all.subList(1, all.size());
    }

    /** A script as it is embedded in the pod spec: the shipped file, trimmed, as a YAML block scalar. */
    private static String shippedScript(String file) throws IOException {
        return Files.readString(ProjectFiles.root().resolve("templates/scripts/" + file)).trim() + "\n";
    }

    private static List<Map<String, Object>> secretOnly(Settings settings) {
        return List.of(Map.of("secretRef", Map.of("name", settings.secret())));
    }

    private static Map<String, Object> mount(String volume, String path) {
        return Map.of("name", volume, "mountPath", path);
    }

    private static Map<String, Object> configMount() {
        return Map.of("name", CONFIG_VOLUME, "mountPath", CONFIG_DIR, "readOnly", true);
    }
}
