package dev.vixens.ls.examples;

import static dev.vixens.ls.examples.ExampleApp.list;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.descriptor.PodSecurityLevel;
import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.PodSecurityStandard;
import dev.vixens.ls.testing.PodSecurityStandard.Level;
import dev.vixens.ls.testing.PodSecurityStandard.Violation;
import dev.vixens.ls.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pod Security by default, judged on what the cluster would run: for every example app and every one of its
 * overlays, the pod {@code kubectl kustomize} builds has generated containers that meet the Pod Security
 * Standard "restricted" (by the standard's rules, {@link PodSecurityStandard}, not by the planner), with a
 * read-only root file system, requests and limits. The exceptions are the documented ones: fix-permissions
 * meets "baseline" and breaks exactly the rules a root chown must; an app with {@code podSecurity: baseline}
 * runs as root and breaks nothing else. The restore drill's Job pod is "restricted" as a whole.
 */
class GeneratedPodSecurityTest {

    private static final String FIX_PERMISSIONS = "fix-permissions";
    /** What a root container breaks of "restricted", and nothing more. */
    private static final List<String> ROOT_RULES = List.of("Running as Non-root", "Running as Non-root user");

    /** Every overlay of every example app: {@code <app dir>/overlays/*}, whatever environments exist. */
    static Stream<Arguments> overlays() throws IOException {
        Repository repo = Repository.open(ProjectFiles.root());
        List<Arguments> overlays = new ArrayList<>();
        for (AppRef app : repo.apps()) {
            Path dir = repo.resolve(app.directory()).resolve("overlays");
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path overlay : entries.filter(o -> Files.exists(o.resolve("kustomization.yaml"))).sorted()
                        .toList()) {
                    overlays.add(Arguments.of(app.name() + " " + overlay.getFileName(), app.name(), overlay));
                }
            }
        }
        assertThat(overlays).hasSizeGreaterThanOrEqualTo(repo.apps().size());
        return overlays.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theGeneratedContainersOfTheBuiltPodMeetRestricted(String label, String name, Path overlay) {
        ExampleApp app = ExampleApp.named(name);
        Settings settings = app.descriptor().settings();
        Map<String, Object> workload = Kustomize.find(Kustomize.build(overlay),
                app.descriptor().workload().kind().kind(), app.descriptor().workload().name());
        Map<String, Object> template = template(workload);
        List<String> generated = generated(app, workload);
        boolean root = settings.podSecurity() == PodSecurityLevel.BASELINE;

        assertThat(generated).as("generated containers").isNotEmpty();
        List<String> restricted = root ? List.of()
                : generated.stream().filter(c -> !c.equals(FIX_PERMISSIONS)).toList();
        assertThat(PodSecurityStandard.judgeContainers(template, Level.RESTRICTED, restricted::contains))
                .as("restricted").isEmpty();
        assertThat(PodSecurityStandard.judgeContainers(template, Level.BASELINE, generated::contains))
                .as("baseline").isEmpty();
        if (root) {
            assertThat(app.descriptor().settings().runAs().uid()).isZero();
            for (String container : generated) {
                assertThat(rules(PodSecurityStandard.judgeContainers(template, Level.RESTRICTED, container::equals)))
                        .as(container + " runs as root and breaks nothing else").isEqualTo(ROOT_RULES);
            }
        }
        if (generated.contains(FIX_PERMISSIONS)) {
            assertThat(PodSecurityStandard.judgeContainers(template, Level.RESTRICTED, FIX_PERMISSIONS::equals)
                    .stream().map(Violation::toString))
                    .containsExactly(
                            "container fix-permissions: Running as Non-root: runAsNonRoot is false (container, else"
                                    + " pod), not true",
                            "container fix-permissions: Running as Non-root user: runAsUser: 0 (container, else pod)",
                            "container fix-permissions: Capabilities: adds CHOWN (only NET_BIND_SERVICE may be added)",
                            "container fix-permissions: Capabilities: adds DAC_OVERRIDE (only NET_BIND_SERVICE may be"
                                    + " added)");
        }
        for (Map<String, Object> container : containers(workload)) {
            String containerName = String.valueOf(container.get("name"));
            if (generated.contains(containerName)) {
                boolean sidecar = containerName.startsWith("litestream");
                hardened(container, sidecar ? settings.resources() : settings.initResources());
            }
        }
        Map<String, Object> podContext = ExampleApp.map(Kustomize.podSpec(workload).get("securityContext"));
        if (settings.fsGroup().isPresent()) {
            assertThat(podContext).containsEntry("fsGroup", (int) settings.fsGroup().getAsLong())
                    .containsEntry("fsGroupChangePolicy", "OnRootMismatch");
        } else {
            assertThat(podContext.get("fsGroup"))
                    .isEqualTo(ExampleApp.map(Kustomize.podSpec(app.baseWorkload()).get("securityContext"))
                            .get("fsGroup"));
        }
    }

    static Stream<String> appsWithADrill() {
        return ExampleApp.names().stream()
                .filter(name -> ExampleApp.named(name).descriptor().drill().isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appsWithADrill")
    void theRestoreDrillsJobPodIsRestrictedAsAWhole(String name) {
        ExampleApp app = ExampleApp.named(name);
        Map<String, Object> template = drillTemplate(app.objects(), name + "-drill");

        assertThat(PodSecurityStandard.judge(template, Level.RESTRICTED)).isEmpty();
        Map<String, Object> spec = ExampleApp.map(template.get("spec"));
        for (String field : List.of("initContainers", "containers")) {
            for (Map<String, Object> container : list(spec, field)) {
                hardened(container, app.descriptor().settings().initResources());
            }
        }
    }

    /**
     * A descriptor with every optional part on (fix-permissions, fsGroup, the native sidecar, the drill, its
     * own init resources), generated and built: the same rules hold.
     */
    @Test
    void everyOptionalPartTogetherStaysRestricted(@TempDir Path root) throws IOException {
        ProjectFiles.copyExampleRepository(root);
        Path descriptor = root.resolve("apps/20-media/hydrus-client/vixens-backup.yaml");
        Files.writeString(descriptor, Files.readString(descriptor) + """
                nativeSidecar: true
                fsGroup: 1000
                initResources:
                  limits:
                    memory: 512Mi
                drill:
                  schedule: "@weekly"
                """);
        CliRun generate = CliRun.inRepo(root, "generate", "hydrus-client");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        List<Map<String, Object>> objects = Kustomize.build(root.resolve("apps/20-media/hydrus-client/overlays/prod"));
        Map<String, Object> workload = Kustomize.find(objects, "Deployment", "hydrus-client");
        List<String> init = Kustomize.names(Kustomize.containers(workload, "initContainers"));

        assertThat(init).containsExactly(FIX_PERMISSIONS, "check-integrity", "restore-client",
                "restore-client-mappings", "restore-client-master", "cleanup-ephemeral", "litestream");
        assertThat(PodSecurityStandard.judgeContainers(template(workload), Level.RESTRICTED,
                c -> init.contains(c) && !c.equals(FIX_PERMISSIONS))).isEmpty();
        assertThat(PodSecurityStandard.judgeContainers(template(workload), Level.BASELINE, init::contains)).isEmpty();
        Settings.Resources initResources = new Settings.Resources("10m", "64Mi", "1", "512Mi");
        for (Map<String, Object> container : Kustomize.containers(workload, "initContainers")) {
            hardened(container, container.get("name").equals("litestream")
                    ? new Settings.Resources("10m", "64Mi", "100m", "128Mi") : initResources);
        }
        assertThat(ExampleApp.map(Kustomize.podSpec(workload).get("securityContext")))
                .containsEntry("fsGroup", 1000).containsEntry("fsGroupChangePolicy", "OnRootMismatch");
        Map<String, Object> drill = drillTemplate(objects, "hydrus-client-drill");
        assertThat(PodSecurityStandard.judge(drill, Level.RESTRICTED)).isEmpty();
        for (Map<String, Object> container : list(ExampleApp.map(drill.get("spec")), "containers")) {
            hardened(container, initResources);
        }
    }

    /** Read-only root, the requests and limits the descriptor asks for, scratch space where a tool needs it. */
    private static void hardened(Map<String, Object> container, Settings.Resources resources) {
        String name = String.valueOf(container.get("name"));
        assertThat(ExampleApp.map(container.get("securityContext")).get("readOnlyRootFilesystem"))
                .as(name + " readOnlyRootFilesystem").isEqualTo(true);
        assertThat(container.get("resources")).as(name + " resources").isEqualTo(Map.of(
                "requests", Map.of("cpu", resources.requestsCpu(), "memory", resources.requestsMemory()),
                "limits", Map.of("cpu", resources.limitsCpu(), "memory", resources.limitsMemory())));
        if (!list(container, "env").isEmpty()) {
            assertThat(list(container, "env")).as(name + " env").isEqualTo(ExampleAppsBuildTest.SCRATCH_ENV);
            assertThat(list(container, "volumeMounts")).as(name + " mounts its scratch space")
                    .contains(ExampleAppsBuildTest.SCRATCH_MOUNT);
        }
    }

    /** The start-up containers the descriptor asks for, and the Litestream sidecars (regular or native). */
    private static List<String> generated(ExampleApp app, Map<String, Object> workload) {
        List<String> names = new ArrayList<>(app.generatedInitContainers());
        for (Map<String, Object> container : containers(workload)) {
            String name = String.valueOf(container.get("name"));
            if (name.startsWith("litestream")) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<Map<String, Object>> containers(Map<String, Object> workload) {
        List<Map<String, Object>> all = new ArrayList<>(Kustomize.containers(workload, "initContainers"));
        all.addAll(Kustomize.containers(workload, "containers"));
        return all;
    }

    private static List<String> rules(List<Violation> violations) {
        return violations.stream().map(Violation::rule).toList();
    }

    private static Map<String, Object> template(Map<String, Object> workload) {
        return ExampleApp.map(ExampleApp.spec(workload).get("template"));
    }

    private static Map<String, Object> drillTemplate(List<Map<String, Object>> objects, String cronJob) {
        Map<String, Object> spec = ExampleApp.map(Kustomize.find(objects, "CronJob", cronJob).get("spec"));
        Map<String, Object> jobSpec = ExampleApp.map(ExampleApp.map(spec.get("jobTemplate")).get("spec"));
        return ExampleApp.map(jobSpec.get("template"));
    }
}
