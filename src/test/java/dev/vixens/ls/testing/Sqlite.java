package dev.vixens.ls.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The real {@code sqlite3} on host files: how the tests write data and read what came back. */
public final class Sqlite {

    private Sqlite() {
    }

    /** Runs each argument as one sqlite3 command line (SQL or dot-command) on {@code db}; fails on an error. */
    public static String exec(Path db, String... commands) {
        List<String> argv = new ArrayList<>();
        argv.add(TestTools.sqlite3().toString());
        argv.add("-bail");
        argv.add(db.toString());
        argv.addAll(List.of(commands));
        return Processes.output(new ProcessBuilder(argv));
    }

    /** Like {@link #exec} without failing: the exit code and output, for databases expected to be broken. */
    public static Processes.Result tryExec(Path db, String... commands) {
        List<String> argv = new ArrayList<>();
        argv.add(TestTools.sqlite3().toString());
        argv.add(db.toString());
        argv.addAll(List.of(commands));
        return Processes.run(new ProcessBuilder(argv));
    }

    /** A new database in WAL mode (as apps and Litestream use it) with {@code schema} applied. */
    public static void create(Path db, String schema) {
        try {
            Files.createDirectories(db.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        exec(db, "PRAGMA journal_mode=WAL;", schema);
    }

    /** Inserts {@code count} rows into {@code table(payload)}, one transaction per call. */
    public static void insertRows(Path db, String table, int from, int count) {
        exec(db, "WITH RECURSIVE n(i) AS (SELECT " + from + " UNION ALL SELECT i + 1 FROM n WHERE i < "
                + (from + count - 1) + ") INSERT INTO " + table + "(id, payload) SELECT i, printf('row %d ', i)"
                + " || hex(randomblob(64)) FROM n;");
    }

    /**
     * A crash in the middle of a transaction: {@code sql} runs in an open transaction with a tiny page cache
     * (so changed pages spill into the database file), then the process is killed before it commits. In
     * rollback-journal mode this leaves a hot {@code -journal}.
     */
    public static void crashMidTransaction(Path db, String sql) {
        Path journal = Path.of(db + "-journal");
        try {
            Process process = new ProcessBuilder(TestTools.sqlite3().toString(), db.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            OutputStream stdin = process.getOutputStream();
            stdin.write(("PRAGMA cache_size=2;\nBEGIN;\n" + sql + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(Files.exists(journal) && Files.size(journal) > 512)) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    process.destroyForcibly();
                    throw new AssertionError("sqlite3 never wrote a rollback journal for " + db);
                }
                Processes.sleep(20);
            }
            // Let the statement finish spilling pages, then kill -9: no commit, no rollback.
            Processes.sleep(300);
            process.destroyForcibly().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static long count(Path db, String table) {
        return Long.parseLong(exec(db, "SELECT count(*) FROM " + table + ";").strip());
    }

    /**
     * The app's logical content, as SQL ({@code .dump}): equal dumps mean every row of every table came back.
     * Litestream's own bookkeeping tables ({@code _litestream_seq}, {@code _litestream_lock}, which it adds
     * to every database it replicates and bumps on each sync) are left out.
     */
    public static String dump(Path db) {
        return exec(db, ".dump").lines().filter(line -> !line.contains("_litestream_"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** {@code PRAGMA integrity_check} output, stripped. */
    public static String integrityCheck(Path db) {
        return exec(db, "PRAGMA integrity_check;").strip();
    }
}
