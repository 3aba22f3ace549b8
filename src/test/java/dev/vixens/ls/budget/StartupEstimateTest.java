package dev.vixens.ls.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.plan.ResolvedApp;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The estimate's arithmetic, with exact numbers: each database's restore and checks at the stated
 * throughputs, summed, times the safety factor, plus the fixed seconds (docs/startup-budget.md).
 */
class StartupEstimateTest {

    @TempDir
    Path dir;

    private StartupEstimate estimate(String databases, String version, String config) {
        TestRepo.create(dir).write(".vixens-ls.yaml", "apps: [apps]\n" + config).descriptor("20-media", "hydrus", """
                app: hydrus
                namespace: media
                workload: {kind: Deployment, name: hydrus, container: hydrus}
                volume: {name: data, mountPath: /db}
                litestream: {version: "%s"}
                databases:
                %s""".formatted(version, databases.indent(2)));
        Repository repo = Repository.open(dir);
        ResolvedApp app = ResolvedApp.resolve(repo.load(repo.app("hydrus")), repo.profiles());
        return StartupEstimate.of(app, repo.config().startupThroughputs());
    }

    @Test
    void aFullCheckAndARestoreOfTwoGibibytesAtTheDefaults() {
        StartupEstimate e = estimate("- {path: /db/client.db, profile: critical, expectedSize: 2Gi}", "0.3.13", "");

        // restore 2048 MiB at 1 MiB/s = 2048 s; integrity_check 2048 / 1.5 = 1365.3 -> 1366 s, once (0.3 restores
        // do not check); (2048 + 1366) x 1.5 = 5121, plus 60 s fixed
        assertThat(e.databases()).singleElement().satisfies(db -> {
            assertThat(db.restoreSeconds()).isEqualTo(2048);
            assertThat(db.checkSeconds()).isEqualTo(1366);
            assertThat(db.checks()).isEqualTo(1);
        });
        assertThat(e.seconds()).isEqualTo(5181);
        assertThat(e.recommendedSeconds()).isEqualTo(5220);
    }

    @Test
    void aQuickCheckCostsLess() {
        StartupEstimate e = estimate("- {path: /db/client.db, profile: critical, expectedSize: 2Gi,"
                + " overrides: {integrityCheck: quick}}", "0.3.13", "");

        // quick_check 2048 / 10 = 204.8 -> 205 s; (2048 + 205) x 1.5 = 3379.5 -> 3380, plus 60
        assertThat(e.databases().get(0).checkSeconds()).isEqualTo(205);
        assertThat(e.seconds()).isEqualTo(3440);
    }

    @Test
    void aRestoreThatChecksTooChecksTwice() {
        StartupEstimate e = estimate("- {path: /db/client.db, profile: critical, expectedSize: 2Gi}", "0.5.16", "");

        // 0.5.10+ restores with -integrity-check full: 2048 + 2 x 1366 = 4780; x 1.5 = 7170, plus 60
        assertThat(e.databases().get(0).checks()).isEqualTo(2);
        assertThat(e.seconds()).isEqualTo(7230);
    }

    @Test
    void databasesAddUpUnsizedOnesAreListedAndEphemeralOnesCostNothing() {
        StartupEstimate e = estimate("""
                - {path: /db/client.db, profile: critical, expectedSize: 100Mi}
                - {path: /db/client.mappings.db, profile: relaxed, expectedSize: 500Mi}
                - {path: /db/client.master.db, profile: standard}
                - {path: /db/client.caches.db, profile: ephemeral, expectedSize: 1Gi}
                """, "0.3.13", "");

        // client: 100 + ceil(100 / 1.5) = 100 + 67 = 167; mappings (relaxed: no check): 500;
        // (167 + 500) x 1.5 = 1000.5 -> 1001, plus 60
        assertThat(e.databases()).extracting(StartupEstimate.DatabaseShare::path)
                .containsExactly("/db/client.db", "/db/client.mappings.db");
        assertThat(e.databases()).extracting(StartupEstimate.DatabaseShare::seconds).containsExactly(167L, 500L);
        assertThat(e.unsized()).containsExactly("/db/client.master.db");
        assertThat(e.seconds()).isEqualTo(1061);
    }

    @Test
    void aNumberOfBytesIsASizeToo() {
        StartupEstimate e = estimate("- {path: /db/client.db, profile: critical, expectedSize: 2147483648}", "0.3.13",
                "");

        assertThat(e.databases().get(0).size().bytes()).isEqualTo(2L << 30);
        assertThat(e.seconds()).isEqualTo(5181);
    }

    @Test
    void decimalThroughputsAndFactorsAreExact() {
        StartupEstimate e = estimate("- {path: /db/client.db, profile: relaxed, expectedSize: 300Mi}", "0.3.13",
                "startupEstimate: {restoreMiBps: 0.1, safetyFactor: 1.1, fixedSeconds: 0}\n");

        // 300 / 0.1 = 3000 s and 3000 x 1.1 = 3300 s; in binary fractions 3300.0000000000005 would round up to 3301
        assertThat(e.databases().get(0).restoreSeconds()).isEqualTo(3000);
        assertThat(e.seconds()).isEqualTo(3300);
    }

    @Test
    void noSizeNoEstimate() {
        StartupEstimate e = estimate("- {path: /db/client.db, profile: critical}", "0.3.13", "");

        assertThat(e.present()).isFalse();
        assertThat(e.seconds()).isZero();
        assertThat(e.unsized()).containsExactly("/db/client.db");
    }

    @Test
    void theRepositoryStatesItsOwnThroughputs() {
        StartupEstimate e = estimate("- {path: /db/client.db, profile: critical, expectedSize: 2Gi}", "0.3.13",
                "startupEstimate: {restoreMiBps: 100, integrityFullMiBps: 50, safetyFactor: 1, fixedSeconds: 0}\n");

        // ceil(20.48) + ceil(40.96) = 21 + 41
        assertThat(e.seconds()).isEqualTo(62);
        assertThat(e.throughputs().integrityQuickMiBps()).isEqualTo(10.0);
    }
}
