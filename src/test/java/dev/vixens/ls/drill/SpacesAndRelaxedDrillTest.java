package dev.vixens.ls.drill;

import static dev.vixens.ls.drill.HydrusFailSafeDrillTest.files;
import static dev.vixens.ls.drill.HydrusFailSafeDrillTest.walOnlyInsert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.S3ProxyServer;
import dev.vixens.ls.testing.SharedS3Proxy;
import dev.vixens.ls.testing.Sqlite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drills for descriptors the examples do not have, generated into a throw-away repository: a data volume
 * and databases whose paths contain spaces, and a relaxed database whose integrity check is off.
 */
@ExtendWith(SharedS3Proxy.class)
class SpacesAndRelaxedDrillTest {

    private static final String DESCRIPTOR = """
            app: lab
            namespace: drill
            workload: {kind: Deployment, name: lab, container: app}
            volume: {name: data, mountPath: /srv/lab data}
            databases:
              - path: /srv/lab data/My Books/books db.sqlite3
                profile: critical
              - path: /srv/lab data/journal.db
                profile: relaxed
              - path: /srv/lab data/scratch cache.db
                profile: ephemeral
            """;
    private static final String BOOKS = "/srv/lab data/My Books/books db.sqlite3";
    private static final String JOURNAL = "/srv/lab data/journal.db";
    private static final String CACHE = "/srv/lab data/scratch cache.db";

    private static S3ProxyServer s3;
    private static Manifests manifests;

    @TempDir
    Path work;

    @BeforeAll
    static void generateAndStartServer(@TempDir Path repo) {
        manifests = Manifests.build(DrillRepo.create(repo, "lab", DESCRIPTOR,
                DrillRepo.deployment("lab", "/srv/lab data")));
        s3 = SharedS3Proxy.server();
    }


    private PodSandbox pod(String bucket) {
        return PodSandbox.of(manifests.podSpec("Deployment", "lab"),
                manifests.sources(Map.of("litestream-shared-secrets", s3.secret(bucket)), Map.of()),
                work.resolve("pod"));
    }

    @Test
    void theSequenceSeesExactlyTheDeclaredDatabases() {
        Map<String, Object> spec = manifests.podSpec("Deployment", "lab");
        assertThat(dev.vixens.ls.testing.Kustomize.names(initContainers(spec))).containsExactly("check-integrity",
                "restore-books-db", "restore-journal", "cleanup-ephemeral");
        assertThat(args(initContainer(spec, "check-integrity"))).as("relaxed: no integrity check")
                .containsExactly(BOOKS);
    }

    @Test
    void aDatabasePathWithSpacesIsReplicatedCheckedAndRestored() throws IOException {
        String bucket = s3.createBucket();
        try (PodSandbox pod = pod(bucket)) {
            PodSandbox.StartUp first = pod.start();
            assertThat(first.succeeded()).as(first.log()).isTrue();
            Path books = pod.hostPath(BOOKS);
            assertThat(books.toString()).contains("My Books/books db.sqlite3");
            Sqlite.create(books, "CREATE TABLE books(id INTEGER PRIMARY KEY, title TEXT, payload TEXT);"
                    + " CREATE INDEX books_title ON books(title);");
            Sqlite.exec(books, "INSERT INTO books(title) VALUES ('Dune'), ('Emma');");
            Sqlite.create(pod.hostPath(JOURNAL), "CREATE TABLE entries(id INTEGER PRIMARY KEY, payload TEXT);");
            Sqlite.create(pod.hostPath(CACHE), "CREATE TABLE cache(id INTEGER PRIMARY KEY, payload TEXT);");
            PodSandbox.Running litestream = pod.background("litestream");
            Replication.await(pod, "litestream", BOOKS, JOURNAL);
            Sqlite.exec(books, "INSERT INTO books(title) VALUES ('Ubik');");
            Map<String, String> replicated = Replication.await(pod, "litestream", BOOKS, JOURNAL);
            litestream.stop();
            assertThat(s3.keys(bucket, "lab/My Books/books db.sqlite3/generations/")).isNotEmpty();

            // Disk lost: restored under its path with spaces.
            pod.wipe("data");
            PodSandbox.StartUp restart = pod.start();
            assertThat(restart.succeeded()).as(restart.log()).isTrue();
            assertThat(Sqlite.dump(books)).isEqualTo(replicated.get(BOOKS));
            assertThat(files(books.getParent())).containsExactly("books db.sqlite3");

            // Corrupted: moved aside (the name keeps its spaces) and restored.
            Sqlite.exec(books, "PRAGMA writable_schema=ON;", "UPDATE sqlite_schema SET sql = 'CREATE INDEX"
                    + " books_title ON books(payload)' WHERE name = 'books_title';");
            assertThat(Sqlite.integrityCheck(books)).isNotEqualTo("ok");
            PodSandbox.StartUp third = pod.start();
            assertThat(third.succeeded()).as(third.log()).isTrue();
            assertThat(third.run("check-integrity").output()).contains(books + " failed PRAGMA integrity_check");
            assertThat(Sqlite.dump(books)).isEqualTo(replicated.get(BOOKS));
            assertThat(files(books.getParent())).contains("books db.sqlite3")
                    .anyMatch(f -> f.startsWith("books db.sqlite3.corrupt-"))
                    .allMatch(f -> f.equals("books db.sqlite3") || f.matches("books db\\.sqlite3(-wal|-shm)?"
                            + "\\.corrupt-\\d{8}T\\d{6}Z"));
        }
    }

    @Test
    void aRelaxedDatabaseWithCommittedRowsOnlyInItsWalLosesNothing() throws IOException {
        String bucket = s3.createBucket();
        try (PodSandbox pod = pod(bucket)) {
            assertThat(pod.start().succeeded()).isTrue();
            Path journal = pod.hostPath(JOURNAL);
            Sqlite.create(journal, "CREATE TABLE entries(id INTEGER PRIMARY KEY, payload TEXT);");
            Sqlite.insertRows(journal, "entries", 1, 100);
            PodSandbox.Running litestream = pod.background("litestream");
            Replication.await(pod, "litestream", JOURNAL);
            litestream.stop();
            // The app commits more while the sidecar is down, and the pod dies before any checkpoint.
            walOnlyInsert(journal, "INSERT INTO entries(id, payload) VALUES (101, 'a'), (102, 'b'), (103, 'c');");
            Path copy = work.resolve("main-file-only.db");
            Files.copy(journal, copy);
            assertThat(Sqlite.count(copy, "entries")).as("the new rows are only in the -wal").isEqualTo(100);
            assertThat(Path.of(journal + "-wal")).exists();

            PodSandbox.StartUp restart = pod.start();

            assertThat(restart.succeeded()).as(restart.log()).isTrue();
            assertThat(restart.log()).doesNotContain("journal.db failed").doesNotContain("journal.db is healthy");
            assertThat(restart.run("restore-journal").output()).contains("exists; keeping the local database");
            assertThat(Path.of(journal + "-wal")).as("the -wal is kept for the app to replay").exists();
            assertThat(Sqlite.count(journal, "entries")).isEqualTo(103);
            assertThat(Sqlite.integrityCheck(journal)).isEqualTo("ok");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> initContainers(Map<String, Object> spec) {
        return (List<Map<String, Object>>) spec.get("initContainers");
    }

    private static Map<String, Object> initContainer(Map<String, Object> spec, String name) {
        return initContainers(spec).stream().filter(c -> name.equals(c.get("name"))).findFirst().orElseThrow();
    }

    /** The positional parameters after {@code sh -c SCRIPT NAME}. */
    @SuppressWarnings("unchecked")
    private static List<String> args(Map<String, Object> container) {
        List<String> command = (List<String>) container.get("command");
        return command.subList(4, command.size());
    }
}
