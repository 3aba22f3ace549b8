package dev.vixens.ls.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vixens.ls.profile.ProfileLoader;
import dev.vixens.ls.recommend.Answers;
import dev.vixens.ls.recommend.Recommender;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.Processes;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.S3ProxyServer;
import dev.vixens.ls.testing.Sqlite;
import dev.vixens.ls.testing.TestTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * analyze against S3Proxy holding replicas that the real {@code litestream replicate} 0.3.13 wrote for the
 * example repository's Hydrus databases (as a hand-written setup did: the cache database too). The expected
 * numbers come from S3Proxy's storage directory (one file per object), not from the code under test.
 *
 * <p>A few seconds of replication cannot show days of activity, so after Litestream stopped, the test dates
 * the objects of two databases back in S3Proxy's storage (file times are what S3 lists as LastModified):
 * client.mappings.db's over a window that makes 30 files per hour, client.master.db's over 24 hours.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyzeEndToEndTest {

    static final String BUCKET = "vixens-litestream";
    static final List<String> DATABASES = List.of("client.db", "client.mappings.db", "client.master.db",
            "client.caches.db");

    @TempDir
    static Path work;

    Path repo;
    S3ProxyServer s3;
    Instant now;

    @BeforeAll
    void replicateWithTheRealLitestream() throws Exception {
        repo = Files.createDirectories(work.resolve("repo"));
        ProjectFiles.copyExampleRepository(repo, "hydrus-client");
        s3 = S3ProxyServer.start(work.resolve("s3"));
        s3.createBucket(BUCKET);
        Path data = Files.createDirectories(work.resolve("data"));
        StringBuilder config = new StringBuilder("dbs:\n");
        for (String db : DATABASES) {
            Sqlite.create(data.resolve(db), "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT);");
            config.append("  - path: ").append(data.resolve(db)).append('\n')
                    .append("    monitor-interval: 100ms\n    checkpoint-interval: 1s\n    replicas:\n")
                    .append("      - url: s3://").append(BUCKET).append("/hydrus-client/").append(db).append('\n')
                    .append("        endpoint: ").append(s3.endpoint()).append('\n')
                    .append("        sync-interval: 100ms\n        snapshot-interval: 2s\n        retention: 1h\n");
        }
        Path configFile = work.resolve("litestream.yml");
        Files.writeString(configFile, config);
        ProcessBuilder builder = new ProcessBuilder(TestTools.litestream().toString(), "replicate", "-config",
                configFile.toString()).redirectErrorStream(true).redirectOutput(work.resolve("litestream.log").toFile());
        builder.environment().put("LITESTREAM_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
        builder.environment().put("LITESTREAM_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
        Process litestream = builder.start();
        try {
            for (int i = 0; i < 40; i++) {
                write(data, "client.db", i);
                write(data, "client.mappings.db", i);
                if (i % 20 == 0 || i == 39) {
                    write(data, "client.master.db", i);
                }
                if (i % 10 == 0) {
                    write(data, "client.caches.db", i);
                }
                Thread.sleep(150);
            }
            awaitQuietStorage();
        } finally {
            Processes.stop(litestream, Duration.ofSeconds(20));
        }
        Files.writeString(s3.storage().resolve(BUCKET).resolve("README.txt"), "not a replica\n");
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int mappings = files("client.mappings.db", "wal").size();
        assertThat(mappings).as("WAL files Litestream wrote for client.mappings.db").isBetween(10, 100);
        spread("client.mappings.db", Math.max(1.0, mappings / 30.0));
        spread("client.master.db", 24);
    }

    @AfterAll
    void stopServer() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void reportsEachDatabaseFromTheBucketAsJson() throws Exception {
        CliRun run = analyze("--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("unrecognised").asInt()).isEqualTo(1);
        Map<String, JsonNode> byReplica = new TreeMap<>();
        report.get("databases").forEach(db -> byReplica.put(db.get("replica").asText(), db));
        assertThat(byReplica).containsOnlyKeys("hydrus-client/client.db", "hydrus-client/client.mappings.db",
                "hydrus-client/client.master.db", "hydrus-client/client.caches.db");
        assertThat(files("client.db", "snapshots")).as("snapshots every 2 s: the restore size must skip the WAL"
                + " before the last one").hasSizeGreaterThan(1);
        for (String db : DATABASES) {
            JsonNode r = byReplica.get("hydrus-client/" + db);
            List<Path> snapshots = files(db, "snapshots");
            List<Path> wal = files(db, "wal");
            assertThat(r.get("app").asText()).isEqualTo("hydrus-client");
            assertThat(r.get("database").asText()).isEqualTo("/opt/hydrus/db/" + db);
            assertThat(r.get("format").asText()).isEqualTo("0.3");
            assertThat(r.get("snapshots").asInt()).as(db + " snapshots").isEqualTo(snapshots.size()).isPositive();
            assertThat(r.get("snapshotBytes").asLong()).isEqualTo(bytes(snapshots));
            assertThat(r.get("changeFiles").asInt()).as(db + " WAL files").isEqualTo(wal.size()).isPositive();
            assertThat(r.get("changeBytes").asLong()).isEqualTo(bytes(wal));
            assertThat(Instant.parse(r.get("newest").asText())).isEqualTo(newest(db));
            assertThat(Instant.parse(r.get("oldest").asText())).isEqualTo(oldest(db));
            assertRestoreSize(db, r.get("restore"));
        }
        JsonNode mappings = byReplica.get("hydrus-client/client.mappings.db");
        assertThat(mappings.get("declaredProfile").asText()).isEqualTo("standard");
        assertThat(mappings.get("recommendedProfile").asText()).isEqualTo("standard");
        assertThat(mappings.get("mismatch").asBoolean()).isFalse();
        assertThat(mappings.get("projectedBytes").fieldNames()).toIterable()
                .containsExactly("critical", "standard", "relaxed");
        double hours = Math.max(1.0, files("client.mappings.db", "wal").size() / 30.0);
        long average = bytes(files("client.mappings.db", "snapshots")) / files("client.mappings.db", "snapshots").size();
        assertThat(mappings.get("projectedBytes").get("standard").asLong())
                .isEqualTo(Math.round(29 * (double) average + bytes(files("client.mappings.db", "wal")) / hours * 174));

        // the example declares its sizes (expectedSize), far above these few rows' snapshots
        assertThat(mappings.get("declaredSize").get("text").asText()).isEqualTo("2600M");
        assertThat(mappings.get("declaredSize").get("bytes").asLong()).isEqualTo(2_600_000_000L);
        assertThat(mappings.get("declaredSize").get("smallerThanSnapshot").asBoolean()).isFalse();
        assertThat(byReplica.get("hydrus-client/client.caches.db").get("declaredSize").isNull()).isTrue();

        JsonNode master = byReplica.get("hydrus-client/client.master.db");
        assertThat(master.get("recommendedProfile").asText()).isEqualTo("relaxed");
        assertThat(master.get("mismatch").asBoolean()).isTrue();

        JsonNode client = byReplica.get("hydrus-client/client.db");
        String expected = Recommender.recommend(Answers.writesPerHour(files("client.db", "wal").size()),
                ProfileLoader.builtIn()).profile();
        assertThat(client.get("recommendedProfile").asText()).isEqualTo(expected);
        assertThat(client.get("mismatch").asBoolean()).isEqualTo(!expected.equals("critical"));
        assertThat(client.get("notes").toString()).contains("of history: the rate is extrapolated");

        // S3Proxy 2.6 does not implement GetBucketVersioning (501 NotImplemented): reported, not guessed as off
        assertThat(report.get("versioning").get("state").asText()).isEqualTo("unknown");
        assertThat(report.get("versioning").get("detail").asText())
                .isEqualTo("the server answered 501 NotImplemented to GetBucketVersioning");

        JsonNode caches = byReplica.get("hydrus-client/client.caches.db");
        assertThat(caches.get("declaredProfile").asText()).isEqualTo("ephemeral");
        assertThat(caches.get("recommendedProfile").isNull()).isTrue();
        assertThat(caches.get("notes").toString()).contains("declared ephemeral, but the bucket holds");
    }

    @Test
    void printsATableWithTheMismatchesFlagged() {
        CliRun run = analyze();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("s3://" + BUCKET + " at " + s3.endpoint() + ": ")
                .containsPattern("hydrus-client +/opt/hydrus/db/client.master.db +0.3 +\\d+ .* standard +relaxed !")
                .containsPattern("hydrus-client +/opt/hydrus/db/client.mappings.db +0.3 .* standard +standard\\n")
                .contains("Projected storage at the measured rate")
                .contains("Both are LZ4-compressed: the database file it writes is larger, so these are lower bounds"
                        + " of its size:")
                .containsPattern("hydrus-client +/opt/hydrus/db/client.db +[0-9.]+ (B|KiB) +[0-9.]+ (B|KiB) +\\d+"
                        + " +[0-9.]+ (B|KiB) +1Mi +800Mi\\n")
                .containsPattern("! hydrus-client /opt/hydrus/db/client.master.db: declared standard, the measured"
                        + " activity \\([0-9.]+ WAL/LTX files per hour\\) suggests relaxed")
                .contains("note: 1 objects belong to no Litestream replica")
                .contains("note: bucket versioning unknown (the server answered 501 NotImplemented to"
                        + " GetBucketVersioning): if the bucket is versioned, install `vixens-ls lifecycle --versioned`");
    }

    @Test
    void aPrefixLimitsTheListingAndUnreadableBucketsFail() {
        CliRun prefixed = analyze("--prefix", "hydrus-client/client.master.db", "--format", "json");
        CliRun wrongSecret = CliRun.inRepo(repo, "analyze", "--endpoint", s3.endpoint(), "--bucket", BUCKET,
                "--access-key-id", S3ProxyServer.ACCESS_KEY, "--secret-access-key", "wrong");
        CliRun noBucket = CliRun.inRepo(repo, "analyze", "--endpoint", s3.endpoint(), "--bucket", "missing",
                "--access-key-id", S3ProxyServer.ACCESS_KEY, "--secret-access-key", S3ProxyServer.SECRET_KEY);

        assertThat(prefixed.exitCode()).as(prefixed.err()).isZero();
        assertThat(prefixed.out()).contains("hydrus-client/client.master.db").doesNotContain("client.mappings.db");
        assertThat(wrongSecret.exitCode()).isEqualTo(3);
        assertThat(wrongSecret.err()).startsWith("analyze: cannot list s3://" + BUCKET + " at " + s3.endpoint() + ":");
        assertThat(noBucket.exitCode()).isEqualTo(3);
        assertThat(noBucket.err()).contains("cannot list s3://missing");
    }

    /**
     * What a restore downloads, read from S3Proxy's storage: Litestream wrote one generation here, in which a
     * restore takes the snapshot of the highest WAL index and the WAL segments of that index and later (several
     * snapshots were taken, so segments before the last one must not count).
     */
    private void assertRestoreSize(String db, JsonNode restore) {
        List<Path> snapshots = files(db, "snapshots");
        assertThat(snapshots.stream().map(p -> p.getParent().getParent()).distinct()).as(db + " generations")
                .hasSize(1);
        Path snapshot = snapshots.stream().max((a, b) -> Long.compare(index(a), index(b))).orElseThrow();
        List<Path> replayed = files(db, "wal").stream().filter(w -> index(w) >= index(snapshot)).toList();
        long download = snapshot.toFile().length() + bytes(replayed);
        assertThat(restore.get("snapshotBytes").asLong()).as(db).isEqualTo(snapshot.toFile().length()).isPositive();
        assertThat(restore.get("changeFiles").asInt()).as(db).isEqualTo(replayed.size());
        assertThat(restore.get("changeBytes").asLong()).as(db).isEqualTo(bytes(replayed));
        assertThat(restore.get("downloadBytes").asLong()).as(db).isEqualTo(download);
        assertThat(restore.get("suggestedExpectedSize").asText()).as(db).isEqualTo("1Mi");
        if (snapshots.size() > 1) {
            assertThat(download).as(db + ": only what follows the last snapshot")
                    .isLessThan(bytes(snapshots) + bytes(files(db, "wal")));
        }
    }

    /** The WAL index a 0.3 snapshot or WAL segment file name starts with, in hex. */
    private static long index(Path file) {
        return Long.parseLong(file.getFileName().toString().split("[._]")[0], 16);
    }

    private CliRun analyze(String... extra) {
        List<String> args = new ArrayList<>(List.of("--endpoint", s3.endpoint(), "--bucket", BUCKET,
                "--access-key-id", S3ProxyServer.ACCESS_KEY, "--secret-access-key", S3ProxyServer.SECRET_KEY));
        args.addAll(List.of(extra));
        return CliRun.inRepo(repo, "analyze", args.toArray(String[]::new));
    }

    private static void write(Path data, String db, int i) {
        // Litestream checkpoints the database while we write: wait for its lock instead of failing.
        Sqlite.exec(data.resolve(db), ".timeout 10000", "INSERT INTO t(v) VALUES ('row " + i + " of " + db + "');");
    }

    /** Waits until Litestream has stopped adding objects (at most 20 s). */
    private void awaitQuietStorage() throws Exception {
        long count = -1;
        for (int i = 0; i < 40; i++) {
            Thread.sleep(500);
            long now;
            try (Stream<Path> walk = Files.walk(s3.storage())) {
                now = walk.filter(Files::isRegularFile).count();
            }
            if (now == count && i >= 4) {
                return;
            }
            count = now;
        }
    }

    /** Dates a database's objects back, evenly over {@code hours} ending at {@link #now}. */
    private void spread(String db, double hours) throws IOException {
        List<Path> objects = new ArrayList<>(files(db, "snapshots"));
        objects.addAll(files(db, "wal"));
        objects.sort(null);
        long span = Math.round(hours * 3600);
        for (int i = 0; i < objects.size(); i++) {
            long back = objects.size() == 1 ? 0 : span - span * i / (objects.size() - 1);
            Files.setLastModifiedTime(objects.get(i), FileTime.from(now.minusSeconds(back)));
        }
    }

    private List<Path> files(String db, String kind) {
        Path generations = s3.storage().resolve(BUCKET).resolve("hydrus-client").resolve(db).resolve("generations");
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(generations)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> p.getParent().getFileName().toString().equals(kind))
                    .forEach(out::add);
        } catch (IOException e) {
            throw new AssertionError("no replica of " + db + " in S3Proxy's storage", e);
        }
        return out;
    }

    private static long bytes(List<Path> files) {
        return files.stream().mapToLong(p -> p.toFile().length()).sum();
    }

    private Instant newest(String db) {
        return times(db).stream().max(Instant::compareTo).orElseThrow();
    }

    private Instant oldest(String db) {
        return times(db).stream().min(Instant::compareTo).orElseThrow();
    }

    private List<Instant> times(String db) {
        List<Path> all = new ArrayList<>(files(db, "snapshots"));
        all.addAll(files(db, "wal"));
        return all.stream().map(p -> Instant.ofEpochMilli(p.toFile().lastModified()).truncatedTo(ChronoUnit.SECONDS))
                .toList();
    }
}
