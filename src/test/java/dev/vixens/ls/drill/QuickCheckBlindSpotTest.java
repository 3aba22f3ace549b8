package dev.vixens.ls.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.Processes;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.Sqlite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, part 3: the corruption {@code PRAGMA quick_check} does not see, shown on the real sqlite3, passed by the
 * start-up check at depth quick and caught at depth full and by the restore drill (always full).
 * An index that lacks rows of its table (a crash or a bug that wrote the table but not the index) makes
 * {@code SELECT ... WHERE} through the index miss rows; quick_check does not compare indexes with their tables.
 * docs/integrity-check.md documents it; if a future sqlite3 catches it in quick_check, this test
 * fails and the page must be updated.
 */
class QuickCheckBlindSpotTest {

    /** A table whose index misses its last two rows: the index is hidden from the schema while they are written. */
    static void indexMissingRows(Path db) {
        Sqlite.exec(db, "CREATE TABLE t(x); CREATE INDEX i ON t(x);"
                + " WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 100)"
                + " INSERT INTO t SELECT n FROM c;");
        String root = Sqlite.exec(db, "SELECT rootpage FROM sqlite_master WHERE name = 'i';").strip();
        Sqlite.exec(db, "PRAGMA writable_schema = ON;", "DELETE FROM sqlite_master WHERE name = 'i';");
        Sqlite.exec(db, "INSERT INTO t VALUES (1000), (1001);");
        Sqlite.exec(db, "PRAGMA writable_schema = ON;",
                "INSERT INTO sqlite_master VALUES ('index', 'i', 't', " + root + ", 'CREATE INDEX i ON t(x)');");
    }

    @Test
    void quickCheckPassesAnIndexThatMissesRowsWhichTheFullCheckReports(@TempDir Path dir) {
        Path db = dir.resolve("app.db");
        indexMissingRows(db);

        assertThat(Sqlite.exec(db, "PRAGMA quick_check;").strip()).as("the documented blind spot").isEqualTo("ok");
        assertThat(Sqlite.exec(db, "PRAGMA integrity_check;")).contains("row 101 missing from index i",
                "wrong # of entries in index i");
        assertThat(Sqlite.exec(db, "SELECT count(*) FROM t WHERE x = 1000;").strip())
                .as("what the app sees: a row its queries no longer find").isEqualTo("0");
    }

    @Test
    void theStartUpCheckMovesItAsideAndTheDrillFailsOnIt(@TempDir Path dir) throws IOException {
        Path db = dir.resolve("data/app.db");
        Files.createDirectories(db.getParent());
        indexMissingRows(db);
        Path restored = dir.resolve("drill/app.db");
        Files.createDirectories(restored.getParent());
        Files.copy(db, restored);

        Processes.Result check = sh("check-integrity.sh", db.toString());
        Processes.Result drill = sh("drill-verify.sh", restored.getParent().toString(), "app");

        assertThat(check.output()).contains("failed PRAGMA integrity_check", "missing from index i");
        try (Stream<Path> files = Files.list(db.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(f -> f.matches("app\\.db\\.corrupt-\\d{8}T\\d{6}Z")).doesNotContain("app.db");
        }
        assertThat(drill.exitCode()).isNotZero();
        assertThat(drill.output()).contains("drill: FAILED: the restored app does not pass PRAGMA integrity_check");
    }

    /**
     * The start-up check at depth quick passes the blind spot (documented, not hidden), at depth full moves it
     * aside; a depth word applies to the databases after it, and a database with no word before it is checked
     * in full. The restore drill's verify always runs the full check, whatever the start-up depth.
     */
    @Test
    void theDepthWordChoosesThePragmaForTheDatabasesAfterIt(@TempDir Path dir) throws IOException {
        Path quick = dir.resolve("quick.db");
        Path full = dir.resolve("full.db");
        Path unmarked = dir.resolve("unmarked.db");
        for (Path db : List.of(quick, full, unmarked)) {
            indexMissingRows(db);
        }

        Processes.Result mixed = sh("check-integrity.sh", "quick", quick.toString(), "full", full.toString());
        Processes.Result byDefault = sh("check-integrity.sh", unmarked.toString());

        assertThat(mixed.exitCode()).isZero();
        assertThat(mixed.output()).contains(quick + " is healthy (PRAGMA quick_check)",
                full + " failed PRAGMA integrity_check:", "missing from index i");
        assertThat(byDefault.output()).contains(unmarked + " failed PRAGMA integrity_check:");
        assertThat(quick).exists();
        assertThat(full).doesNotExist();
        assertThat(unmarked).doesNotExist();
    }

    @Test
    void quickStillMovesAsideWhatItCanSee(@TempDir Path dir) throws IOException {
        Path db = dir.resolve("app.db");
        Files.write(db, "this is not a database, only text that a crash left in its place".getBytes());

        Processes.Result check = sh("check-integrity.sh", "quick", db.toString());

        assertThat(check.exitCode()).isZero();
        assertThat(check.output()).contains(db + " failed PRAGMA quick_check:", "moved " + db + " aside");
        assertThat(db).doesNotExist();
    }

    private static Processes.Result sh(String script, String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("sh",
                ProjectFiles.root().resolve("templates/scripts").resolve(script).toString()));
        argv.addAll(List.of(args));
        return Processes.run(new ProcessBuilder(argv));
    }
}
