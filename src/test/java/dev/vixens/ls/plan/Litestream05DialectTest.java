package dev.vixens.ls.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vixens.ls.litestream.ReleaseTable;
import dev.vixens.ls.profile.GoDuration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 0.5 grouping decision, without rendering: one process per (snapshot interval, retention). */
class Litestream05DialectTest {

    private static final Litestream05Dialect V0_5_7 = dialect("0.5.7");

    private static Litestream05Dialect dialect(String version) {
        return new Litestream05Dialect(ReleaseTable.get().forGenerate(version, false, null));
    }

    private static LitestreamProcess.Replica replica(String path, String sync, String snapshot, String retention) {
        return new LitestreamProcess.Replica(path, "s3://b/" + path, "${E}", "p", GoDuration.parse(sync),
                GoDuration.parse(snapshot), GoDuration.parse(retention), List.of());
    }

    @Test
    void oneGroupKeepsTheSingleProcessNames() {
        List<LitestreamProcess> processes = V0_5_7.processes(List.of(replica("/d/a.db", "1s", "6h", "168h"),
                replica("/d/b.db", "5s", "6h", "168h")), 9090);

        assertThat(processes).singleElement().satisfies(p -> {
            assertThat(p.containerName()).isEqualTo("litestream");
            assertThat(p.portName()).isEqualTo("metrics");
            assertThat(p.configFile()).isEqualTo("litestream.yml");
            assertThat(p.metricsPort()).isEqualTo(9090);
            assertThat(p.replicas()).extracting(LitestreamProcess.Replica::path).containsExactly("/d/a.db", "/d/b.db");
        });
    }

    @Test
    void mixedProfilesGetOneProcessEachOrderedBySnapshotIntervalWithConsecutivePorts() {
        List<LitestreamProcess> processes = V0_5_7.processes(List.of(
                replica("/d/standard.db", "1s", "6h", "168h"),
                replica("/d/relaxed.db", "1s", "24h", "72h"),
                replica("/d/critical.db", "1s", "1h", "336h"),
                replica("/d/standard2.db", "1s", "6h", "168h")), 9100);

        assertThat(processes).extracting(LitestreamProcess::containerName)
                .containsExactly("litestream-1h-336h", "litestream-6h-168h", "litestream-24h-72h");
        assertThat(processes).extracting(LitestreamProcess::configFile)
                .containsExactly("litestream-1h-336h.yml", "litestream-6h-168h.yml", "litestream-24h-72h.yml");
        assertThat(processes).extracting(LitestreamProcess::metricsPort).containsExactly(9100, 9101, 9102);
        assertThat(processes).extracting(LitestreamProcess::portName)
                .containsExactly("metrics", "metrics-1", "metrics-2")
                .allMatch(name -> name.length() <= 15);
        assertThat(processes.get(1).replicas()).extracting(LitestreamProcess.Replica::path)
                .containsExactly("/d/standard.db", "/d/standard2.db");
    }

    @Test
    void valuesThatMeanTheSameDurationShareAProcessAndNamesUseTheCanonicalSpelling() {
        List<LitestreamProcess> processes = V0_5_7.processes(List.of(replica("/d/a.db", "1s", "60m", "90m"),
                replica("/d/b.db", "1s", "1h", "5400s"), replica("/d/c.db", "1s", "30m", "2h")), 9090);

        assertThat(processes).extracting(LitestreamProcess::containerName)
                .containsExactly("litestream-30m-2h", "litestream-1h-90m");
        assertThat(processes.get(1).replicas()).hasSize(2);
    }

    @Test
    void refusesGroupsThatRunOutOfPorts() {
        assertThatThrownBy(() -> V0_5_7.processes(List.of(replica("/d/a.db", "1s", "1h", "2h"),
                replica("/d/b.db", "1s", "2h", "4h")), 65535))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metrics.port 65535: Litestream 0.5.7 needs 2 metrics ports (one per snapshot interval"
                        + " and retention), 65535 to 65536, beyond 65535");
    }

    @Test
    void theSnapshotBlockMovesToTheDatabasesFrom0512() {
        LitestreamProcess process = V0_5_7.processes(List.of(replica("/d/a.db", "1s", "1h", "336h")), 9090).get(0);

        assertThat(V0_5_7.config(process).snapshotPerDatabase()).isFalse();
        assertThat(dialect("0.5.12").config(process).snapshotPerDatabase()).isTrue();
        assertThat(dialect("0.5.12").config(process).snapshot()).isEqualTo(new Litestream05Dialect.Snapshot(
                GoDuration.parse("1h"), GoDuration.parse("336h")));
    }

    @Test
    void theReleaseTableChoosesTheDialect() {
        assertThat(ConfigDialect.of(ReleaseTable.get().forGenerate("0.3.14", false, null)))
                .isInstanceOf(Litestream03Dialect.class);
        assertThat(ConfigDialect.of(ReleaseTable.get().forGenerate("0.5.2", false, null))).isEqualTo(dialect("0.5.2"));
    }

    @Test
    void theSafetySettingsOfTheReleaseTableGoAtTheTopFrom056() {
        LitestreamProcess process = V0_5_7.processes(List.of(replica("/d/a.db", "1s", "1h", "336h")), 9090).get(0);

        assertThat(dialect("0.5.5").config(process).settings()).isEqualTo(List.of());
        assertThat(dialect("0.5.6").config(process).settings())
                .isEqualTo(List.of(new EmittedFile.TopSetting("shutdown-sync-timeout", "20s")));
    }
}
