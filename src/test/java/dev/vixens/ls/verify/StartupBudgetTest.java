package dev.vixens.ls.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.output.CheckCache;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up budget (docs/startup-budget.md): a small repository per case, the descriptor and the base
 * workload side by side with the exact warning {@code check --all} prints on stderr (exit 0), built with the
 * real {@code kubectl kustomize}; and what {@code explain} says about it.
 */
class StartupBudgetTest {

    static final String APP = "apps/10-test/notes";
    static final String CURRENT = "check: 20 generated files are current, 1 overlays verified with kubectl kustomize\n";
    @TempDir
    Path root;

    @TempDir
    Path cache;

    /** The fast check's record, as an installed build keeps it, so that a test sees whether it would answer. */
    @BeforeEach
    void enableTheFastCheck() {
        System.setProperty("vixens.cache", cache.toString());
        System.setProperty("vixens.buildId", "startup-budget-test");
    }

    @AfterEach
    void disableTheFastCheck() {
        System.clearProperty("vixens.cache");
        System.clearProperty("vixens.buildId");
    }

    /** The app {@code notes} with these databases, its base workload, and one overlay {@code prod}. */
    private void app(String databases, String workload, String overlayPatches) {
        TestRepo.create(root)
                .write(APP + "/vixens-backup.yaml", """
                        app: notes
                        namespace: test
                        workload: {kind: %s, name: notes, container: app}
                        volume: {name: data, mountPath: /data}
                        databases:
                        %s""".formatted(workload.contains("kind: StatefulSet") ? "StatefulSet" : "Deployment",
                        databases.indent(2)))
                .write(APP + "/base/workload.yaml", workload)
                .write(APP + "/base/kustomization.yaml", "resources: [workload.yaml]\n")
                .write(APP + "/overlays/prod/kustomization.yaml", """
                        resources:
                          - ../../base
                        components:
                          - ../../litestream
                        """ + overlayPatches);
        CliRun generate = CliRun.inRepo(root, "generate", "--all");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
    }

    /**
     * {@link OverlayFindingsTest#DEPLOYMENT} with {@code spec} added to the Deployment's spec (from line 6) and
     * {@code podSpec} to the pod spec (before its containers, line 13 and on).
     */
    private static String deployment(String spec, String podSpec) {
        return OverlayFindingsTest.DEPLOYMENT.replace("spec:\n  selector:", "spec:\n" + spec + "  selector:")
                .replace("      containers:\n", podSpec + "      containers:\n");
    }

    private void assertWarns(String warning) {
        CliRun check = CliRun.inRepo(root, "check", "--all");
        assertThat(check.err()).isEqualTo(warning + "\n");
        assertThat(check.out()).isEqualTo(CURRENT);
        assertThat(check.exitCode()).as("a warning, not a failure").isZero();
    }

    private String explainLine(String prefix) {
        return CliRun.inRepo(root, "explain", "notes").out().lines().map(String::strip)
                .filter(line -> line.startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void aShortProgressDeadlineAndABigDatabaseWarnAtTheFieldNamingTheValue() {
        app("- {path: /data/notes.db, profile: standard, expectedSize: 2Gi}",
                deployment("  progressDeadlineSeconds: 120\n", ""), "");

        assertWarns(APP + "/base/workload.yaml:6:28: warning: start-up budget: the worst-case start-up of Deployment"
                + " notes is estimated at 5181 s (restore and integrity checks of the database with an expectedSize;"
                + " docs/startup-budget.md), longer than its progressDeadlineSeconds of 120 s: the rollout is reported"
                + " failed (ProgressDeadlineExceeded: Argo CD shows the app Degraded, kubectl rollout status exits"
                + " non-zero) while the pod goes on starting; the pod is not killed. Set progressDeadlineSeconds: 5220"
                + " or more in the Deployment's spec");
    }

    @Test
    void theDefaultDeadlineWarnsAtTheWorkload() {
        app("- {path: /data/notes.db, profile: standard, expectedSize: 1Gi}", deployment("", ""), "");

        // restore 1024 s, integrity_check ceil(1024 / 1.5) = 683 s: (1024 + 683) x 1.5 = 2560.5 -> 2561, + 60
        assertWarns(APP + "/base/workload.yaml:4:9: warning: start-up budget: the worst-case start-up of Deployment"
                + " notes is estimated at 2621 s (restore and integrity checks of the database with an expectedSize;"
                + " docs/startup-budget.md), longer than its progressDeadlineSeconds, unset, so the default 600 s: the"
                + " rollout is reported failed (ProgressDeadlineExceeded: Argo CD shows the app Degraded, kubectl"
                + " rollout status exits non-zero) while the pod goes on starting; the pod is not killed. Set"
                + " progressDeadlineSeconds: 2640 or more in the Deployment's spec");
    }

    @Test
    void twoOverlaysOfOneBaseWarnOnceAtTheirSharedField() throws IOException {
        // staging replicates apart (its own prefix), so the two overlays differ only in where they back up to
        app("- {path: /data/notes.db, profile: standard, expectedSize: 1Gi}", deployment("", ""), "");
        TestRepo.create(root).write(APP + "/vixens-backup.yaml", Files.readString(root.resolve(APP
                + "/vixens-backup.yaml")) + "overlays:\n  staging: {litestream: {replicaPrefix: staging}}\n")
                .write(APP + "/overlays/staging/kustomization.yaml", """
                resources:
                  - ../../base
                components:
                  - ../../litestream/staging
                """);
        assertThat(CliRun.inRepo(root, "generate", "--all").exitCode()).isZero();

        CliRun check = CliRun.inRepo(root, "check", "--all");

        assertThat(check.out()).startsWith("check: ").endsWith(" current, 2 overlays verified with kubectl"
                + " kustomize\n");
        assertThat(check.err()).isEqualTo(APP + "/base/workload.yaml:4:9: warning: start-up budget: the worst-case"
                + " start-up of Deployment notes is estimated at 2621 s (restore and integrity checks of the database"
                + " with an expectedSize; docs/startup-budget.md), longer than its progressDeadlineSeconds, unset, so"
                + " the default 600 s: the rollout is reported failed (ProgressDeadlineExceeded: Argo CD shows the app"
                + " Degraded, kubectl rollout status exits non-zero) while the pod goes on starting; the pod is not"
                + " killed. Set progressDeadlineSeconds: 2640 or more in the Deployment's spec\n");
        // explain still shows the verdict of each overlay
        assertThat(CliRun.inRepo(root, "explain", "notes").out().lines().filter(line -> line.contains("warning:"
                + " start-up budget"))).hasSize(2);
    }

    @Test
    void aSmallDatabaseStaysSilentAndTheFastCheckAnswersAgain() {
        app("- {path: /data/notes.db, profile: standard, expectedSize: 50Mi}", deployment("", ""), "");

        CliRun check = CliRun.inRepo(root, "check", "--all");

        assertThat(check.err()).isEmpty();
        assertThat(check.out()).isEqualTo(CURRENT);
        // 50 + ceil(50 / 1.5) = 84; x 1.5 = 126, + 60
        assertThat(explainLine("start-up:")).isEqualTo("start-up: estimated worst case 186 s; budget"
                + " progressDeadlineSeconds 600 s (the default): fits");
        assertThat(CheckCache.filesProvenCurrent(root, CheckCache.selectionKey(true, List.of(), true)))
                .as("a check without warnings is recorded for the fast check").isEqualTo(20);
    }

    @Test
    void theWarningIsRepeatedOnEveryCheckTheFastCheckNeverAnswers() {
        app("- {path: /data/notes.db, profile: standard, expectedSize: 2Gi}", deployment("", ""), "");

        CliRun first = CliRun.inRepo(root, "check", "--all");
        CliRun again = CliRun.inRepo(root, "check");

        assertThat(first.err()).contains("warning: start-up budget:");
        assertThat(again.err()).isEqualTo(first.err());
        assertThat(CheckCache.filesProvenCurrent(root, CheckCache.selectionKey(true, List.of(), true)))
                .as("the fast check, which could not warn, never answers while a budget is too short").isNegative();
    }

    @Test
    void quickInsteadOfFullShortensTheEstimate() {
        app("- {path: /data/notes.db, profile: standard, expectedSize: 1Gi, overrides: {integrityCheck: quick}}",
                deployment("", ""), "");

        // restore 1024 s, quick_check ceil(1024 / 10) = 103 s: (1024 + 103) x 1.5 = 1690.5 -> 1691, + 60
        assertThat(explainLine("start-up:")).isEqualTo("start-up: estimated worst case 1751 s; budget"
                + " progressDeadlineSeconds 600 s (the default): too short, see the warning");
        assertThat(explainLine("/data/notes.db 1Gi"))
                .isEqualTo("/data/notes.db 1Gi: restore 1024 s, quick_check 103 s");
    }

    @Test
    void activeDeadlineSecondsKillsThePodAndIsTheSmallerBound() {
        app("- {path: /data/notes.db, profile: standard, expectedSize: 1Gi}",
                deployment("  progressDeadlineSeconds: 3600\n", "      activeDeadlineSeconds: 900\n"), "");

        assertWarns(APP + "/base/workload.yaml:14:30: warning: start-up budget: the worst-case start-up of"
                + " Deployment notes is estimated at 2621 s (restore and integrity checks of the database with an"
                + " expectedSize; docs/startup-budget.md), longer than its activeDeadlineSeconds of 900 s: the pod is"
                + " killed, mid-restore, and a new pod starts the restore over. Set activeDeadlineSeconds: 2640 or more"
                + " in the pod spec, or remove it");
    }

    @Test
    void aStatefulSetHasNoStartUpBudget() {
        app("- {path: /data/notes.db, profile: standard, expectedSize: 20Gi}", deployment("  serviceName: notes\n", "")
                .replace("kind: Deployment", "kind: StatefulSet"), "");

        CliRun check = CliRun.inRepo(root, "check", "--all");

        assertThat(check.err()).isEmpty();
        assertThat(check.exitCode()).isZero();
        assertThat(explainLine("start-up:")).isEqualTo("start-up: estimated worst case 51261 s; no start-up budget"
                + " (StatefulSet notes: no progress deadline, no activeDeadlineSeconds)");
    }

    @Test
    void noSizeNoEstimateAndExplainSaysHowToFindIt() {
        app("- {path: /data/notes.db, profile: standard}", deployment("  progressDeadlineSeconds: 60\n", ""), "");

        assertThat(CliRun.inRepo(root, "check", "--all").err()).isEmpty();
        assertThat(explainLine("Start-up estimate")).isEqualTo("Start-up estimate: none, no backed-up database"
                + " declares expectedSize. Find each size with vixens-ls analyze (from the bucket) or ls -l of the"
                + " database file, and set databases[].expectedSize (docs/startup-budget.md)");
        assertThat(explainLine("start-up:")).isEqualTo("start-up: no estimate (no database declares expectedSize);"
                + " budget progressDeadlineSeconds 60 s");
    }

    /**
     * A native sidecar put before the restore (here by an overlay patch, as a service mesh's injector does) with a
     * short startupProbe: the kubelet starts the next init container only once that probe passed, so the probe
     * is over before the restore begins and does not bound it. It is named, with the reason, and not warned about.
     */
    @Test
    void aNativeSidecarsStartupProbeBeforeTheRestoreIsNotABound() {
        app("- {path: /data/notes.db, profile: standard, expectedSize: 200Mi}", deployment("", """
                      initContainers:
                        - name: vpn
                          image: registry.example/vpn:1.0
                          restartPolicy: Always
                          startupProbe: {exec: {command: ["true"]}, periodSeconds: 2, failureThreshold: 3}
                """), """
                patches:
                  - target: {kind: Deployment, name: notes}
                    patch: |
                      - op: add
                        path: /spec/template/spec/initContainers/0
                        value:
                          name: mesh
                          image: registry.example/mesh:1.0
                          restartPolicy: Always
                          startupProbe: {httpGet: {path: /ready, port: 15021}, periodSeconds: 1, failureThreshold: 5}
                """);

        CliRun check = CliRun.inRepo(root, "check", "--all");
        List<String> explained = CliRun.inRepo(root, "explain", "notes").out().lines().map(String::strip)
                .filter(line -> line.startsWith("start-up:")).toList();

        assertThat(check.err()).isEmpty();
        // 200 + ceil(200 / 1.5) = 334; x 1.5 = 501, + 60
        assertThat(explained).containsExactly(
                "start-up: estimated worst case 561 s; budget progressDeadlineSeconds 600 s (the default): fits",
                "start-up: not a bound: the startupProbe of native sidecar mesh must pass before the restore starts"
                        + " (the kubelet starts the next init container only then)",
                "start-up: not a bound: the startupProbe of native sidecar vpn starts counting after the restore");
    }

    @Test
    void theRepositorysThroughputsChangeTheEstimate() {
        app("- {path: /data/notes.db, profile: standard, expectedSize: 2Gi}", deployment("", ""), "");
        TestRepo.create(root).write(".vixens-ls.yaml", "apps: [apps]\n" + TestRepo.KUBECTL
                + "startupEstimate: {restoreMiBps: 50, integrityFullMiBps: 40}\n");

        // ceil(2048 / 50) = 41, ceil(2048 / 40) = 52: 93 x 1.5 = 139.5 -> 140, + 60
        assertThat(CliRun.inRepo(root, "check", "--all").err()).isEmpty();
        assertThat(explainLine("start-up:")).isEqualTo("start-up: estimated worst case 200 s; budget"
                + " progressDeadlineSeconds 600 s (the default): fits");
        assertThat(explainLine("at:")).isEqualTo("at: restore 50 MiB/s, integrity_check 40 MiB/s, quick_check 10"
                + " MiB/s (startupEstimate: in .vixens-ls.yaml)");
    }
}
