package dev.vixens.ls.drill;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.S3ProxyServer;
import dev.vixens.ls.testing.SharedS3Proxy;
import dev.vixens.ls.testing.Sqlite;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Fail-Safe Integrity start-up sequence of the committed Hydrus example (four databases, three
 * profiles), run as its pod would run it: the init containers and the Litestream sidecar from
 * {@code kubectl kustomize apps/20-media/hydrus-client/overlays/prod}, the real Litestream 0.3.13 and
 * sqlite3, and S3Proxy on loopback with a bucket per test.
 */
@ExtendWith(SharedS3Proxy.class)
class HydrusFailSafeDrillTest {

    private static final String SECRET = "litestream-shared-secrets";
    private static final String CLIENT = "/opt/hydrus/db/client.db";
    private static final String MAPPINGS = "/opt/hydrus/db/client.mappings.db";
    private static final String MASTER = "/opt/hydrus/db/client.master.db";
    private static final String CACHES = "/opt/hydrus/db/client.caches.db";
    private static final String[] BACKED_UP = {CLIENT, MAPPINGS, MASTER};
    private static final List<String> INIT_CONTAINERS = List.of("fix-permissions", "check-integrity",
            "restore-client", "restore-client-mappings", "restore-client-master", "cleanup-ephemeral");

    private static S3ProxyServer s3;
    private static Manifests manifests;

    @TempDir
    Path work;

    @BeforeAll
    static void startServer() {
        manifests = Manifests.build(ProjectFiles.root().resolve("apps/20-media/hydrus-client/overlays/prod"));
        s3 = SharedS3Proxy.server();
    }


    private PodSandbox pod(Map<String, String> secret) {
        return PodSandbox.of(manifests.podSpec("Deployment", "hydrus-client"),
                manifests.sources(Map.of(SECRET, secret), Map.of()), work.resolve("pod"));
    }

    /** The app's first life: databases with rows in several transactions, replicated, sidecar stopped. */
    private Map<String, String> appWritesAndLitestreamReplicates(PodSandbox pod) throws IOException {
        PodSandbox.StartUp first = pod.start();
        assertThat(first.succeeded()).as(first.log()).isTrue();
        assertThat(first.names()).isEqualTo(INIT_CONTAINERS);
        Sqlite.create(pod.hostPath(CLIENT), "CREATE TABLE files(id INTEGER PRIMARY KEY, payload TEXT);"
                + " CREATE TABLE books(id INTEGER PRIMARY KEY, title TEXT, author TEXT);"
                + " CREATE INDEX books_title ON books(title);");
        Sqlite.create(pod.hostPath(MAPPINGS), "CREATE TABLE mappings(id INTEGER PRIMARY KEY, payload TEXT);");
        Sqlite.create(pod.hostPath(MASTER), "CREATE TABLE tags(id INTEGER PRIMARY KEY, payload TEXT);");
        Sqlite.create(pod.hostPath(CACHES), "CREATE TABLE cache(id INTEGER PRIMARY KEY, payload TEXT);");
        Sqlite.insertRows(pod.hostPath(CLIENT), "files", 1, 200);
        Sqlite.exec(pod.hostPath(CLIENT), "INSERT INTO books(title, author) VALUES ('Dune', 'Herbert'),"
                + " ('Emma', 'Austen'), ('Ubik', 'Dick');");
        Sqlite.insertRows(pod.hostPath(MAPPINGS), "mappings", 1, 500);
        Sqlite.insertRows(pod.hostPath(MASTER), "tags", 1, 50);
        Sqlite.insertRows(pod.hostPath(CACHES), "cache", 1, 50);
        PodSandbox.Running litestream = pod.background("litestream");
        Replication.await(pod, "litestream", BACKED_UP);
        // Writes once the first snapshot is shipped: they reach the replica as WAL segments.
        Sqlite.insertRows(pod.hostPath(CLIENT), "files", 201, 300);
        Sqlite.insertRows(pod.hostPath(MAPPINGS), "mappings", 501, 1000);
        Sqlite.insertRows(pod.hostPath(MAPPINGS), "mappings", 1501, 500);
        Sqlite.insertRows(pod.hostPath(MASTER), "tags", 51, 10);
        Map<String, String> replicated = Replication.await(pod, "litestream", BACKED_UP);
        PodSandbox.ContainerRun stopped = litestream.stop();
        assertThat(stopped.output()).as(stopped.output()).doesNotContain("level=ERROR");
        return replicated;
    }

    @Test
    void steadyStateEveryCommittedRowComesBackAfterTheDiskIsLostAndReplicationGoesOn() throws IOException {
        String bucket = s3.createBucket();
        try (PodSandbox pod = pod(s3.secret(bucket))) {
            Map<String, String> replicated = appWritesAndLitestreamReplicates(pod);
            assertThat(Sqlite.count(pod.hostPath(CLIENT), "files")).isEqualTo(500);

            pod.wipe("data");
            PodSandbox.StartUp restart = pod.start();

            assertThat(restart.succeeded()).as(restart.log()).isTrue();
            assertThat(restart.names()).isEqualTo(INIT_CONTAINERS);
            assertThat(restart.run("restore-client").output()).contains("restored from its replica");
            for (String db : BACKED_UP) {
                assertThat(Sqlite.dump(pod.hostPath(db))).as(db).isEqualTo(replicated.get(db));
                assertThat(Sqlite.integrityCheck(pod.hostPath(db))).isEqualTo("ok");
            }
            assertThat(Sqlite.count(pod.hostPath(CLIENT), "files")).isEqualTo(500);
            assertThat(Sqlite.count(pod.hostPath(MAPPINGS), "mappings")).isEqualTo(2000);
            assertThat(pod.hostPath(CACHES)).doesNotExist();
            assertThat(files(pod.volume("data"))).containsExactlyInAnyOrder("client.db", "client.mappings.db",
                    "client.master.db");

            // The restored databases are the app's again: the sidecar replicates new writes, and a second
            // disk loss brings back both lives' rows.
            PodSandbox.Running litestream = pod.background("litestream");
            Sqlite.insertRows(pod.hostPath(CLIENT), "files", 501, 100);
            Map<String, String> again = Replication.await(pod, "litestream", BACKED_UP);
            litestream.stop();
            pod.wipe("data");
            PodSandbox.StartUp third = pod.start();
            assertThat(third.succeeded()).as(third.log()).isTrue();
            assertThat(Sqlite.dump(pod.hostPath(CLIENT))).isEqualTo(again.get(CLIENT));
            assertThat(Sqlite.count(pod.hostPath(CLIENT), "files")).isEqualTo(600);
        }
    }

    @Test
    void corruptedDatabasesAreMovedAsideAndRestoredWhileAHealthyOneKeepsItsUncheckpointedRows()
            throws IOException {
        String bucket = s3.createBucket();
        try (PodSandbox pod = pod(s3.secret(bucket))) {
            Map<String, String> replicated = appWritesAndLitestreamReplicates(pod);
            Path client = pod.hostPath(CLIENT);
            Path master = pod.hostPath(MASTER);
            Path mappings = pod.hostPath(MAPPINGS);
            // client.db: the index books_title no longer matches its table. Every error line contains "ok".
            Sqlite.exec(client, "PRAGMA writable_schema=ON;", "UPDATE sqlite_schema SET sql = 'CREATE INDEX"
                    + " books_title ON books(author)' WHERE name = 'books_title';");
            String check = Sqlite.integrityCheck(client);
            assertThat(check).isNotEqualTo("ok").contains("row 1 missing from index books_title");
            assertThat(check.lines()).allMatch(line -> line.contains("ok"));
            // ... and a committed transaction still in its -wal, which belongs to the corrupted file.
            walOnlyInsert(client, "INSERT INTO files(id, payload) VALUES (9001, 'after the corruption');");
            assertThat(Path.of(client + "-wal")).exists();
            // client.master.db: the root page of its table overwritten with garbage.
            Sqlite.exec(master, "PRAGMA wal_checkpoint(TRUNCATE);");
            overwrite(master, 4096, 4096);
            assertThat(Sqlite.tryExec(master, "PRAGMA integrity_check;").output().strip()).isNotEqualTo("ok");
            // client.mappings.db: healthy, with committed rows only in its -wal (never checkpointed, never
            // replicated: the sidecar is stopped).
            walOnlyInsert(mappings, "INSERT INTO mappings(id, payload) VALUES (9001, 'only in the wal'),"
                    + " (9002, 'only in the wal');");
            assertThat(Path.of(mappings + "-wal")).exists();

            PodSandbox.StartUp restart = pod.start();

            assertThat(restart.succeeded()).as(restart.log()).isTrue();
            String checkLog = restart.run("check-integrity").output();
            assertThat(checkLog).contains(client + " failed PRAGMA integrity_check", "books_title",
                    master + " failed PRAGMA integrity_check", mappings + " is healthy");
            assertThat(Sqlite.dump(client)).isEqualTo(replicated.get(CLIENT));
            assertThat(Sqlite.dump(master)).isEqualTo(replicated.get(MASTER));
            assertThat(Sqlite.integrityCheck(client)).isEqualTo("ok");
            assertThat(Sqlite.integrityCheck(master)).isEqualTo("ok");
            assertThat(Sqlite.count(mappings, "mappings")).isEqualTo(2002);
            List<String> files = files(pod.volume("data"));
            assertThat(files).anyMatch(f -> f.matches("client\\.db\\.corrupt-\\d{8}T\\d{6}Z"))
                    .anyMatch(f -> f.matches("client\\.db-wal\\.corrupt-\\d{8}T\\d{6}Z"))
                    .anyMatch(f -> f.matches("client\\.master\\.db\\.corrupt-\\d{8}T\\d{6}Z"))
                    .noneMatch(f -> f.startsWith("client.mappings.db.corrupt"))
                    .noneMatch(f -> f.contains(".tmp"));
            Path movedAside = pod.volume("data").resolve(files.stream()
                    .filter(f -> f.startsWith("client.db.corrupt-")).findFirst().orElseThrow());
            assertThat(Files.size(movedAside)).as("the corrupted file is kept for inspection").isPositive();

            // Litestream's state directory still describes the corrupted file: replication of the restored
            // one must go on correctly (a new generation), proven by restoring what it ships.
            PodSandbox.Running litestream = pod.background("litestream");
            Sqlite.insertRows(client, "files", 1001, 25);
            Map<String, String> after = Replication.await(pod, "litestream", BACKED_UP);
            litestream.stop();
            assertThat(after.get(CLIENT)).contains("row 1025 ");
            assertThat(Sqlite.count(mappings, "mappings")).isEqualTo(2002);
        }
    }

    @Test
    void noReplicaAtAllTheSequenceSucceedsAndTheAppStartsEmpty() throws IOException {
        String bucket = s3.createBucket();
        try (PodSandbox pod = pod(s3.secret(bucket))) {
            PodSandbox.StartUp startUp = pod.start();

            assertThat(startUp.succeeded()).as(startUp.log()).isTrue();
            assertThat(startUp.names()).isEqualTo(INIT_CONTAINERS);
            assertThat(startUp.run("restore-client").output()).contains("no replica of " + pod.hostPath(CLIENT)
                    + " exists yet");
            assertThat(files(pod.volume("data"))).isEmpty();
            assertThat(s3.keys(bucket, "")).isEmpty();
        }
    }

    @Test
    void aCrashInTheMiddleOfATransactionIsRolledBackNotTakenForCorruption() throws IOException {
        // A database the app created in rollback-journal mode (Litestream, which switches it to WAL, has not
        // run yet) and a crash during a big transaction: a hot -journal and half-written pages in the file.
        String bucket = s3.createBucket();
        try (PodSandbox pod = pod(s3.secret(bucket))) {
            assertThat(pod.start().succeeded()).isTrue();
            Path master = pod.hostPath(MASTER);
            Sqlite.exec(master, "PRAGMA journal_mode=DELETE;", "CREATE TABLE tags(id INTEGER PRIMARY KEY,"
                    + " payload TEXT);");
            Sqlite.insertRows(master, "tags", 1, 50);
            Sqlite.crashMidTransaction(master, "WITH RECURSIVE n(i) AS (SELECT 51 UNION ALL SELECT i + 1 FROM n"
                    + " WHERE i < 20000) INSERT INTO tags(id, payload) SELECT i, hex(randomblob(200)) FROM n;");
            assertThat(Path.of(master + "-journal")).exists();

            PodSandbox.StartUp restart = pod.start();

            assertThat(restart.succeeded()).as(restart.log()).isTrue();
            assertThat(restart.run("check-integrity").output()).contains(master + " is healthy");
            assertThat(restart.run("restore-client-master").output()).contains("keeping the local database");
            assertThat(Sqlite.count(master, "tags")).isEqualTo(50);
            assertThat(files(pod.volume("data"))).containsExactly("client.master.db");
        }
    }

    static Stream<String> unreadableBuckets() {
        return Stream.of("unreachable endpoint", "wrong secret key", "wrong access key", "missing bucket");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableBuckets")
    void aBucketThatCannotBeReadFailsTheStartUpAndLeavesNoEmptyDatabase(String failure) throws IOException {
        // A real backup exists: starting empty here would replicate an empty database over it.
        String bucket = s3.createBucket();
        Map<String, String> replicated;
        try (PodSandbox first = pod(s3.secret(bucket))) {
            replicated = appWritesAndLitestreamReplicates(first);
        }
        Map<String, String> secret = new LinkedHashMap<>(s3.secret(bucket));
        switch (failure) {
            case "unreachable endpoint" -> secret.put("LITESTREAM_ENDPOINT", "http://127.0.0.1:"
                    + S3ProxyServer.freeLoopbackPort());
            case "wrong secret key" -> secret.put("LITESTREAM_SECRET_ACCESS_KEY", "not-the-secret");
            case "wrong access key" -> secret.put("LITESTREAM_ACCESS_KEY_ID", "nobody");
            case "missing bucket" -> secret.put("LITESTREAM_BUCKET", bucket + "-gone");
            default -> throw new IllegalArgumentException(failure);
        }
        try (PodSandbox pod = pod(secret)) {
            pod.wipe("data");

            PodSandbox.StartUp startUp = pod.start();

            assertThat(startUp.succeeded()).as(startUp.log()).isFalse();
            assertThat(startUp.names()).as("the pod stops at the first restore")
                    .containsExactly("fix-permissions", "check-integrity", "restore-client");
            PodSandbox.ContainerRun restore = startUp.run("restore-client");
            assertThat(restore.exitCode()).isNotZero();
            assertThat(restore.output()).contains("FAILED to read the replica of " + pod.hostPath(CLIENT));
            assertThat(files(pod.volume("data"))).as("no database, empty or partial, is left behind").isEmpty();
        }
        // The backup itself is untouched and still restores with the right Secret.
        try (PodSandbox pod = pod(s3.secret(bucket))) {
            PodSandbox.StartUp startUp = pod.start();
            assertThat(startUp.succeeded()).as(startUp.log()).isTrue();
            assertThat(Sqlite.dump(pod.hostPath(CLIENT))).isEqualTo(replicated.get(CLIENT));
        }
    }

    @Test
    void eachDatabaseComesFromItsOwnReplicaPathCachesAreCleanedAndUndeclaredFilesLeftAlone() throws IOException {
        String bucket = s3.createBucket();
        try (PodSandbox pod = pod(s3.secret(bucket))) {
            Map<String, String> replicated = appWritesAndLitestreamReplicates(pod);
            List<String> keys = s3.keys(bucket, "");
            assertThat(keys).allMatch(k -> k.startsWith("hydrus-client/client.db/generations/")
                    || k.startsWith("hydrus-client/client.mappings.db/generations/")
                    || k.startsWith("hydrus-client/client.master.db/generations/"));
            for (String file : List.of("client.db", "client.mappings.db", "client.master.db")) {
                assertThat(keys).anyMatch(k -> k.startsWith("hydrus-client/" + file + "/generations/")
                        && k.contains("/snapshots/"));
                assertThat(keys).as("writes after the snapshot were shipped as WAL segments")
                        .filteredOn(k -> k.startsWith("hydrus-client/" + file + "/") && k.contains("/wal/"))
                        .hasSizeGreaterThan(1);
            }

            pod.wipe("data");
            Path data = pod.volume("data");
            // The cache database with side files, and files nobody declared.
            Sqlite.create(pod.hostPath(CACHES), "CREATE TABLE cache(id INTEGER PRIMARY KEY, payload TEXT);");
            walOnlyInsert(pod.hostPath(CACHES), "INSERT INTO cache(id, payload) VALUES (1, 'stale');");
            Files.writeString(data.resolve("client.caches.db-journal"), "stale journal");
            Files.writeString(data.resolve("client.caches.db.bak"), "a backup the user made");
            Sqlite.create(data.resolve("notes.db"), "CREATE TABLE notes(text TEXT); INSERT INTO notes"
                    + " VALUES ('mine');");
            Files.writeString(data.resolve("client.db.bak"), "not the database");
            // A -wal left without its database: it belongs to no restored file and must not be replayed.
            Files.writeString(Path.of(pod.hostPath(MASTER) + "-wal"), "orphaned wal");

            PodSandbox.StartUp startUp = pod.start();

            assertThat(startUp.succeeded()).as(startUp.log()).isTrue();
            for (String db : BACKED_UP) {
                assertThat(Sqlite.dump(pod.hostPath(db))).as(db).isEqualTo(replicated.get(db));
            }
            assertThat(tables(pod.hostPath(CLIENT))).containsExactly("books", "files");
            assertThat(tables(pod.hostPath(MAPPINGS))).containsExactly("mappings");
            assertThat(tables(pod.hostPath(MASTER))).containsExactly("tags");
            assertThat(startUp.run("cleanup-ephemeral").output()).contains("removed " + pod.hostPath(CACHES));
            List<String> left = files(data);
            assertThat(left).filteredOn(f -> !f.contains(".orphan-")).containsExactlyInAnyOrder("client.db",
                    "client.mappings.db", "client.master.db", "client.caches.db.bak", "client.db.bak", "notes.db");
            assertThat(left).filteredOn(f -> f.contains(".orphan-")).singleElement(as(
                    org.assertj.core.api.InstanceOfAssertFactories.STRING)).matches(
                    "client\\.master\\.db-wal\\.orphan-\\d{8}T\\d{6}Z");
            assertThat(Files.readString(data.resolve("client.caches.db.bak"))).isEqualTo("a backup the user made");
            assertThat(Files.readString(data.resolve("client.db.bak"))).isEqualTo("not the database");
            assertThat(Sqlite.exec(data.resolve("notes.db"), "SELECT text FROM notes;").strip()).isEqualTo("mine");
        }
    }

    /** The app's tables (not Litestream's bookkeeping ones). */
    static List<String> tables(Path db) {
        return Sqlite.exec(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE"
                + " '\\_litestream\\_%' ESCAPE '\\' ORDER BY name;").lines().toList();
    }

    /** Commits a transaction that stays in the -wal: no checkpoint, not even when the connection closes. */
    static void walOnlyInsert(Path db, String sql) {
        Sqlite.exec(db, ".dbconfig no_ckpt_on_close on", "PRAGMA wal_autocheckpoint=0;", sql);
    }

    static void overwrite(Path file, long offset, int length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            byte[] garbage = new byte[length];
            for (int i = 0; i < length; i++) {
                garbage[i] = (byte) (i * 31 + 7);
            }
            raf.write(garbage);
        }
    }

    /** File names in {@code dir} (not hidden ones: Litestream keeps its own state in .<db>-litestream). */
    static List<String> files(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
