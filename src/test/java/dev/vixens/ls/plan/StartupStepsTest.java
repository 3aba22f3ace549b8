package dev.vixens.ls.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vixens.ls.alerts.Monitoring;
import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each start-up step alone: a descriptor, and exactly what the step contributes for it (written by
 * {@link ContributionText}), side by side. How the contributions fold into one pod is {@link AppPlannerTest}'s
 * and the goldens' concern.
 */
class StartupStepsTest {

    @TempDir
    Path dir;

    /** One database of each kind: checked and backed up, backed up only, cleaned at start. */
    private static final String APP = """
            app: notes
            namespace: notes
            workload: {kind: Deployment, name: notes, container: notes}
            volume: {name: data, mountPath: /data}
            databases:
              - {path: /data/notes.db, profile: critical}
              - {path: /data/search.db, profile: relaxed}
              - {path: /data/cache.db, profile: ephemeral}
            """;

    private static final String ONLY_EPHEMERAL = """
            app: notes
            namespace: notes
            workload: {kind: StatefulSet, name: notes, container: notes}
            volume: {name: data, mountPath: /data}
            databases:
              - {path: /data/cache.db, profile: ephemeral}
            """;

    private StepInput input(String descriptor) {
        TestRepo.create(dir).descriptor("10-apps", "notes", descriptor);
        Repository repo = Repository.open(dir);
        AppDescriptor app = repo.load(repo.app("notes"));
        return AppPlanner.input(ResolvedApp.resolve(app, repo.profiles()), "apps/10-apps/notes/litestream",
                Monitoring.DEFAULT);
    }

    private String contribution(StartupStep step, String descriptor) {
        return ContributionText.of(step.contribute(input(descriptor)));
    }

    @Test
    void singleWriterGuard() {
        assertThat(contribution(new SingleWriterGuard(), APP)).isEqualTo("""
                replicas 1
                strategy Recreate
                """);
        assertThat(contribution(new SingleWriterGuard(), ONLY_EPHEMERAL)).isEqualTo("""
                replicas 1
                """);
    }

    @Test
    void fixPermissions() {
        assertThat(contribution(new FixPermissionsStep(), APP)).isEmpty();
        String fix = APP + "fixPermissions: true\nrunAs: {uid: 1000, gid: 2000}\n";

        assertThat(contribution(new FixPermissionsStep(), fix)).isEqualTo("""
                init fix-permissions busybox:1.37.0
                  script fix-permissions.sh [1000, 2000, /data]
                  mounts data:/data
                  runAs 0:0 root add [CHOWN, DAC_OVERRIDE]
                  resources 10m/64Mi 1/256Mi
                """);
    }

    @Test
    void integrityCheck() {
        assertThat(contribution(new IntegrityCheckStep(), APP)).isEqualTo("""
                init check-integrity keinos/sqlite3:3.46.1
                  script check-integrity.sh [/data/notes.db]
                  env TMPDIR=/tmp SQLITE_TMPDIR=/tmp
                  mounts data:/data litestream-tmp:/tmp
                  runAs 1000:1000 nonRoot
                  resources 10m/64Mi 1/256Mi
                """);
        assertThat(contribution(new IntegrityCheckStep(), ONLY_EPHEMERAL)).isEmpty();
    }

    @Test
    void restore() {
        assertThat(contribution(new RestoreStep(), APP)).isEqualTo("""
                init restore-notes litestream/litestream:0.3.13
                  script restore.sh [/data/notes.db, /etc/litestream/litestream.yml]
                  envFrom secretRef:litestream-shared-secrets
                  env TMPDIR=/tmp SQLITE_TMPDIR=/tmp
                  mounts data:/data litestream-config:/etc/litestream:ro litestream-tmp:/tmp
                  runAs 1000:1000 nonRoot
                  resources 10m/64Mi 1/256Mi
                init restore-search litestream/litestream:0.3.13
                  script restore.sh [/data/search.db, /etc/litestream/litestream.yml]
                  envFrom secretRef:litestream-shared-secrets
                  env TMPDIR=/tmp SQLITE_TMPDIR=/tmp
                  mounts data:/data litestream-config:/etc/litestream:ro litestream-tmp:/tmp
                  runAs 1000:1000 nonRoot
                  resources 10m/64Mi 1/256Mi
                """);
    }

    @Test
    void restoreChecksTheRestoredCopyWhereTheReleaseCan() {
        String v0512 = APP + "litestream: {version: 0.5.12}\n";

        assertThat(contribution(new RestoreStep(), v0512)).startsWith("""
                init restore-notes litestream/litestream:0.5.12
                  script restore.sh [/data/notes.db, /etc/litestream/litestream-1h-336h.yml, -integrity-check, full]
                """).contains("""
                init restore-search litestream/litestream:0.5.12
                  script restore.sh [/data/search.db, /etc/litestream/litestream-24h-72h.yml]
                """);
    }

    @Test
    void ephemeralCleanup() {
        assertThat(contribution(new EphemeralCleanupStep(), APP)).isEqualTo("""
                init cleanup-ephemeral busybox:1.37.0
                  script cleanup-ephemeral.sh [/data/cache.db]
                  mounts data:/data
                  runAs 1000:1000 nonRoot
                  resources 10m/64Mi 1/256Mi
                """);
    }

    @Test
    void litestreamSidecar() {
        String sidecar = """
                litestream litestream/litestream:0.3.13
                  args replicate -config /etc/litestream/litestream.yml
                %s  envFrom secretRef:litestream-shared-secrets
                  env TMPDIR=/tmp SQLITE_TMPDIR=/tmp
                  ports metrics:9090
                  mounts data:/data litestream-config:/etc/litestream:ro litestream-tmp:/tmp
                  runAs 1000:1000 nonRoot
                  resources 10m/64Mi 100m/128Mi
                """;

        assertThat(contribution(new LitestreamSidecarStep(), APP)).isEqualTo("container " + sidecar.formatted(""));
        assertThat(contribution(new LitestreamSidecarStep(), APP + "nativeSidecar: true\n"))
                .isEqualTo("init " + sidecar.formatted("  restartPolicy Always\n"));
        assertThat(contribution(new LitestreamSidecarStep(), ONLY_EPHEMERAL)).isEmpty();
    }

    @Test
    void metrics() {
        assertThat(contribution(new MetricsStep(), APP)).isEqualTo("""
                annotation prometheus.io/path: /metrics
                annotation prometheus.io/port: 9090
                annotation prometheus.io/scrape: true
                """);
        assertThat(contribution(new MetricsStep(), APP + "litestream: {version: 0.5.12}\n")).isEqualTo("""
                annotation prometheus.io/path: /metrics
                annotation prometheus.io/port: 9090
                annotation prometheus.io/scrape: true
                label ls.vixens.dev/app: notes
                resource apps/10-apps/notes/litestream/podmonitor.yaml
                  {monitor=PodMonitorPlan[name=notes-litestream, namespace=notes, selector={ls.vixens.dev/app=notes}, \
                portNames=[metrics, metrics-1], path=/metrics]}
                """);
        assertThat(contribution(new MetricsStep(), ONLY_EPHEMERAL)).isEmpty();
    }

    @Test
    void defaultContainer() {
        assertThat(contribution(new DefaultContainerStep(), APP)).isEqualTo("""
                annotation kubectl.kubernetes.io/default-container: notes
                """);
    }

    @Test
    void podSecurity() {
        assertThat(contribution(new PodSecurityStep(), APP)).isEmpty();
        assertThat(contribution(new PodSecurityStep(), APP + "fsGroup: 1000\n")).isEqualTo("""
                fsGroup 1000 OnRootMismatch
                """);
    }

    @Test
    void restoreDrill() {
        assertThat(contribution(new RestoreDrillStep(), APP)).isEmpty();
        assertThat(contribution(new RestoreDrillStep(), APP + "drill: {schedule: '@weekly'}\n")).isEqualTo("""
                resource apps/10-apps/notes/litestream/restore-drill.yaml
                  CronJob notes-drill schedule @weekly JobPolicy[concurrencyPolicy=Forbid, \
                successfulJobsHistoryLimit=3, failedJobsHistoryLimit=3, backoffLimit=0, restartPolicy=Never]
                  init restore litestream/litestream:0.3.13
                    script drill-restore.sh [/drill, notes, /data/notes.db, /etc/litestream/litestream.yml, search, \
                /data/search.db, /etc/litestream/litestream.yml]
                    envFrom secretRef:litestream-shared-secrets
                    env TMPDIR=/tmp SQLITE_TMPDIR=/tmp
                    mounts drill-scratch:/drill litestream-config:/etc/litestream:ro litestream-tmp:/tmp
                    runAs 1000:1000 nonRoot
                    resources 10m/64Mi 1/256Mi
                  container verify keinos/sqlite3:3.46.1
                    script drill-verify.sh [/drill, notes, search]
                    env TMPDIR=/tmp SQLITE_TMPDIR=/tmp
                    mounts drill-scratch:/drill litestream-tmp:/tmp
                    runAs 1000:1000 nonRoot
                    resources 10m/64Mi 1/256Mi
                  volume litestream-config configMap notes-litestream
                  volume drill-scratch emptyDir
                  volume litestream-tmp emptyDir
                """);
        String nothingToRestore = ONLY_EPHEMERAL + "drill: {schedule: '@weekly'}\n";
        assertThatThrownBy(() -> contribution(new RestoreDrillStep(), nothingToRestore))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("drill: no database of this app is backed up; there is nothing to restore");
    }

    @Test
    void alertRules() {
        assertThat(contribution(new AlertRulesStep(), APP)).startsWith("file apps/10-apps/notes/litestream/");
        assertThat(contribution(new AlertRulesStep(), ONLY_EPHEMERAL)).isEmpty();
    }

    @Test
    void everyStepOfTheListHasItsTestHere() {
        assertThat(AppPlanner.STEPS).extracting(step -> step.getClass().getSimpleName()).containsExactly(
                "SingleWriterGuard", "FixPermissionsStep", "IntegrityCheckStep", "RestoreStep", "EphemeralCleanupStep",
                "LitestreamSidecarStep", "MetricsStep", "DefaultContainerStep", "PodSecurityStep", "RestoreDrillStep",
                "AlertRulesStep");
    }
}
