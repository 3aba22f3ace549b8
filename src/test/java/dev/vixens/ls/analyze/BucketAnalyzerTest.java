package dev.vixens.ls.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vixens.ls.analyze.AnalysisReport.DatabaseReport;
import dev.vixens.ls.analyze.BucketAnalyzer.Declared;
import dev.vixens.ls.bucket.BucketKey;
import dev.vixens.ls.litestream.ReplicaLayout;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.profile.ProfileLoader;
import dev.vixens.ls.source.InputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The analysis of a listing, on listings written out here (the end-to-end test uses real replicas). */
class BucketAnalyzerTest {

    static final ProfileCatalog CATALOG = ProfileLoader.builtIn();
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void keysOfBothReplicaFormats() {
        assertThat(ReplicaKey.parse("app/db.sqlite3/generations/abc/snapshots/00000001.snapshot.lz4"))
                .contains(new ReplicaKey("app/db.sqlite3", ReplicaLayout.GENERATIONS, ReplicaKey.Kind.SNAPSHOT, "abc"));
        assertThat(ReplicaKey.parse("app/db.sqlite3/generations/abc/wal/00000001_00001038.wal.lz4"))
                .contains(new ReplicaKey("app/db.sqlite3", ReplicaLayout.GENERATIONS, ReplicaKey.Kind.WAL, "abc"));
        assertThat(ReplicaKey.parse("app/db/ltx/0/0000000000000001-0000000000000001.ltx"))
                .contains(new ReplicaKey("app/db", ReplicaLayout.LTX, ReplicaKey.Kind.LTX, "0"));
        assertThat(ReplicaKey.parse("app/db/ltx/9/0000000000000001-0000000000000040.ltx"))
                .contains(new ReplicaKey("app/db", ReplicaLayout.LTX, ReplicaKey.Kind.SNAPSHOT, "9"));
        assertThat(ReplicaKey.parse("generations/g/wal/1_0.wal.lz4")).map(ReplicaKey::root).contains("");
        assertThat(ReplicaKey.parse("app/mygenerations/x")).isEmpty();
        assertThat(ReplicaKey.parse("README.txt")).isEmpty();
    }

    @Test
    void activityBandsFollowTheDecisionTree() {
        List<BucketObject> objects = new ArrayList<>();
        objects.addAll(replica03("busy/a.db", 2, 500, Duration.ofHours(2)));      // 250/h
        objects.addAll(replica03("steady/a.db", 2, 100, Duration.ofHours(2)));    // 50/h
        objects.addAll(replica03("quiet/a.db", 2, 10, Duration.ofHours(5)));      // 2/h
        objects.addAll(replica05("new/a.db", 1, 30, Duration.ofMinutes(10)));     // 30 in < 1h: 30/h
        List<Declared> declared = List.of(
                new Declared("busy", "/data/a.db", new BucketKey("", "busy/a.db"), "critical"),
                new Declared("steady", "/data/a.db", new BucketKey("", "steady/a.db"), "critical"),
                new Declared("gone", "/data/a.db", new BucketKey("", "gone/a.db"), "standard"));

        AnalysisReport report = BucketAnalyzer.analyze("s3://b", "", objects, declared, CATALOG);

        Map<String, DatabaseReport> byReplica = new java.util.TreeMap<>();
        report.databases().forEach(r -> byReplica.put(r.replica(), r));
        assertThat(byReplica.get("busy/a.db").recommendedProfile()).isEqualTo("critical");
        assertThat(byReplica.get("busy/a.db").mismatch()).isFalse();
        assertThat(byReplica.get("busy/a.db").changeFilesPerDay()).isEqualTo(6000.0);
        assertThat(byReplica.get("steady/a.db").recommendedProfile()).isEqualTo("standard");
        assertThat(byReplica.get("steady/a.db").mismatch()).isTrue();
        assertThat(byReplica.get("quiet/a.db").recommendedProfile()).isEqualTo("relaxed");
        assertThat(byReplica.get("quiet/a.db").declaredProfile()).isNull();
        assertThat(byReplica.get("quiet/a.db").notes()).contains("no descriptor declares this replica");
        assertThat(byReplica.get("new/a.db").format()).isEqualTo("0.5");
        assertThat(byReplica.get("new/a.db").snapshots()).isEqualTo(1);
        assertThat(byReplica.get("new/a.db").recommendedProfile()).isEqualTo("standard");
        assertThat(byReplica.get("gone/a.db").snapshots()).isZero();
        assertThat(byReplica.get("gone/a.db").notes()).containsExactly("no replica in the bucket: is the sidecar"
                + " running, and is this the right bucket?");
        assertThat(report.objects()).isEqualTo(objects.size());
    }

    @Test
    void projectionIsSnapshotsKeptPlusTheChangeRateOverRetentionAndOneInterval() {
        // 2 snapshots of 1000 bytes, 10 WAL files of 360 bytes over 1 hour: 3600 bytes/hour.
        List<BucketObject> objects = replica03("p/a.db", 2, 10, Duration.ofHours(1));

        DatabaseReport report = BucketAnalyzer.analyze("s3://b", "", objects, List.of(), CATALOG).databases().get(0);

        assertThat(report.projectedBytes()).containsExactly(
                Map.entry("critical", 337L * 1000 + 3600L * 337),
                Map.entry("standard", 29L * 1000 + 3600L * 174),
                Map.entry("relaxed", 4L * 1000 + 3600L * 96));
    }

    @Test
    void settingsComeFromFlagsThenLitestreamThenAwsVariables() {
        Map<String, String> env = Map.of("LITESTREAM_ENDPOINT", "http://minio:9000", "LITESTREAM_BUCKET", "b",
                "AWS_ACCESS_KEY_ID", "aws-id", "LITESTREAM_ACCESS_KEY_ID", "ls-id", "AWS_SECRET_ACCESS_KEY", "s");
        S3Settings fromEnv = S3Settings.resolve(new S3Settings.Flags(null, null, null, null, null), env);
        S3Settings fromFlags = S3Settings.resolve(new S3Settings.Flags("https://other", "c", "eu-west-1", "id",
                "secret"), env);

        assertThat(fromEnv.endpoint()).map(Object::toString).contains("http://minio:9000");
        assertThat(fromEnv.bucket()).isEqualTo("b");
        assertThat(fromEnv.accessKeyId()).isEqualTo("ls-id");
        assertThat(fromEnv.secretAccessKey()).isEqualTo("s");
        assertThat(fromEnv.region()).isEqualTo("us-east-1");
        assertThat(fromFlags).isEqualTo(new S3Settings(Optional.of(java.net.URI.create("https://other")), "c",
                "eu-west-1", "id", "secret"));
        assertThatThrownBy(() -> S3Settings.resolve(new S3Settings.Flags("minio:9000", "b", null, "i", "s"), Map.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("needs a scheme");
        assertThatThrownBy(() -> S3Settings.resolve(new S3Settings.Flags(null, "b", null, null, null), Map.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("no credentials: set LITESTREAM_ACCESS_KEY_ID");
    }

    /** A 0.3 replica: snapshots of 1000 bytes and WAL files of 360 bytes, evenly over {@code span}. */
    /** From 0.5.7 an app moved from 0.3 keeps its path: the bucket holds both layouts there. */
    @Test
    void aPathHoldingBothLayoutsIsOneReplicaWithANote() {
        List<BucketObject> objects = new ArrayList<>(replica03("app/a.db", 1, 10, Duration.ofHours(2)));
        objects.addAll(replica05("app/a.db", 1, 10, Duration.ofHours(2)));

        DatabaseReport report = BucketAnalyzer.analyze("s3://b", "", objects,
                List.of(new Declared("app", "/data/a.db", new BucketKey("", "app/a.db"), "standard")), CATALOG)
                .databases().get(0);

        assertThat(report.format()).isEqualTo("0.3+0.5");
        assertThat(report.notes()).contains("holds both 0.3 generations and LTX files: a restore by Litestream 0.5.7 or"
                + " later reads the 0.3 generations while they are newer than the LTX files; the counts and rates mix"
                + " both");
    }

    static List<BucketObject> replica03(String root, int snapshots, int wal, Duration span) {
        List<BucketObject> out = new ArrayList<>();
        int total = snapshots + wal;
        for (int i = 0; i < total; i++) {
            Instant at = T0.plus(span.multipliedBy(i).dividedBy(total - 1));
            out.add(i < snapshots
                    ? new BucketObject(root + "/generations/g1/snapshots/" + i + ".snapshot.lz4", 1000, at)
                    : new BucketObject(root + "/generations/g1/wal/" + i + "_0.wal.lz4", 360, at));
        }
        return out;
    }

    static List<BucketObject> replica05(String root, int snapshots, int ltx, Duration span) {
        List<BucketObject> out = new ArrayList<>();
        int total = snapshots + ltx;
        for (int i = 0; i < total; i++) {
            Instant at = T0.plus(span.multipliedBy(i).dividedBy(total - 1));
            out.add(new BucketObject(root + "/ltx/" + (i < snapshots ? "9" : "0") + "/" + i + "-" + i + ".ltx", 500,
                    at));
        }
        return out;
    }
}
