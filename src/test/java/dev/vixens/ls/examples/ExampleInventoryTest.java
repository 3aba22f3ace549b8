package dev.vixens.ls.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.descriptor.AppDescriptor.WorkloadKind;
import dev.vixens.ls.descriptor.PodSecurityLevel;
import dev.vixens.ls.profile.IntegrityDepth;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The example set itself: every application ADR-014 names is here, in the GitOps layout the ADR was
 * written for, and together the examples exercise each option of the generator (so that the build test
 * over them proves something for each).
 */
class ExampleInventoryTest {

    /** ADR-014, Context: the applications migrated to the profiles. */
    private static final List<String> ADR_APPS = List.of("vaultwarden", "hydrus-client", "sonarr", "radarr",
            "lidarr", "prowlarr", "whisparr", "mylar", "sabnzbd", "frigate", "homeassistant", "adguard-home",
            "authentik", "template-app");

    private static final Repository REPO = Repository.open(ProjectFiles.root());

    static List<String> apps() {
        return ExampleApp.names();
    }

    @Test
    void everyApplicationOfTheAdrHasAnExample() {
        assertThat(ExampleApp.names()).containsAll(ADR_APPS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    @SuppressWarnings("unchecked")
    void theAppFollowsTheLayerLayoutAndItsProdOverlayIncludesTheComponent(String name) throws IOException {
        AppRef ref = REPO.app(name);
        AppDescriptor descriptor = REPO.load(ref);
        Path dir = REPO.resolve(ref.directory());

        assertThat(ref.directory()).matches("apps/[0-9]{2}-[a-z]+/" + name);
        assertThat(dir.resolve("base/kustomization.yaml")).isRegularFile();
        Map<String, Object> overlay = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(dir.resolve("overlays/prod/kustomization.yaml")));
        assertThat(overlay.get("namespace")).isEqualTo(descriptor.namespace());
        assertThat(overlay.get("resources")).isEqualTo(List.of("../../base"));
        assertThat(overlay.get("components")).isEqualTo(List.of("../../litestream"));
    }

    @Test
    void togetherTheExamplesExerciseEveryOptionOfTheGenerator() {
        List<ExampleApp> apps = ExampleApp.names().stream().map(ExampleApp::named).toList();

        assertThat(apps).as("a StatefulSet")
                .anyMatch(a -> a.descriptor().workload().kind() == WorkloadKind.STATEFUL_SET);
        assertThat(apps).as("a base Deployment with a RollingUpdate strategy for the patch to replace")
                .anyMatch(a -> a.descriptor().workload().kind() == WorkloadKind.DEPLOYMENT
                        && String.valueOf(ExampleApp.spec(a.baseWorkload()).get("strategy")).contains("RollingUpdate"));
        assertThat(apps).as("a base with init containers of its own")
                .anyMatch(a -> !Kustomize.containers(a.baseWorkload(), "initContainers").isEmpty());
        assertThat(apps).as("a base with a second container of its own")
                .anyMatch(a -> Kustomize.containers(a.baseWorkload(), "containers").size() > 1);
        assertThat(apps).as("a per-database override of a duration").anyMatch(databases(db ->
                db.overrides().syncInterval() != null || db.overrides().snapshotInterval() != null
                        || db.overrides().retention() != null));
        assertThat(apps).as("a relaxed database with integrityCheck: true").anyMatch(databases(db ->
                db.profile().equals("relaxed")
                        && db.overrides().integrityCheck().equals(Optional.of(IntegrityDepth.FULL))));
        assertThat(apps).as("an app with no integrity check at all")
                .anyMatch(a -> a.checkedPaths().isEmpty());
        assertThat(apps).as("an ephemeral database").anyMatch(a -> !a.ephemeralPaths().isEmpty());
        assertThat(apps).as("a custom replicaPath").anyMatch(a -> a.descriptor().databases().stream()
                .anyMatch(db -> !db.replicaPath().equals(a.descriptor().app() + "/"
                        + db.path().substring(a.descriptor().volume().mountPath().length() + 1))));
        assertThat(apps).as("fixPermissions").anyMatch(a -> a.descriptor().settings().fixPermissions());
        assertThat(apps).as("fsGroup").anyMatch(a -> a.descriptor().settings().fsGroup().isPresent());
        assertThat(apps).as("podSecurity: baseline (an app that runs as root)")
                .anyMatch(a -> a.descriptor().settings().podSecurity() == PodSecurityLevel.BASELINE);
        assertThat(apps).as("a custom metrics port").anyMatch(a -> a.descriptor().settings().metricsPort() != 9090);
        assertThat(apps).as("metrics annotations off").anyMatch(a -> !a.descriptor().settings().metricsAnnotations());
        assertThat(apps).as("a custom runAs").anyMatch(a -> a.descriptor().settings().runAs().uid() != 1000);
    }

    private static Predicate<ExampleApp> databases(Predicate<AppDescriptor.Database> test) {
        return app -> app.descriptor().databases().stream().anyMatch(test);
    }
}
