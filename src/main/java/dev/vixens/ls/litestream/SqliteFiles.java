package dev.vixens.ls.litestream;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which file names look like SQLite databases. Litestream replicates SQLite only: a key-value store
 * ({@code querylog.kv}) or a bbolt file named {@code .db} (AdGuard Home's {@code stats.db}) listed in its config is
 * at best never backed up and at worst "repaired" by an integrity check that moves it aside. Lint warns about
 * such paths and import leaves them out; both ask here.
 */
public final class SqliteFiles {

    public static final List<String> EXTENSIONS = List.of(".db", ".sqlite", ".sqlite3", ".db3", ".s3db", ".sl3");
    public static final List<String> SIDE_FILES = List.of("-wal", "-shm", "-journal");

    /** Files with a SQLite extension that are known not to be SQLite, by the app that writes them. */
    private record Known(String app, String fileName, String what) {
    }

    private static final List<Known> NOT_SQLITE = List.of(
            new Known("adguardhome", "stats.db", "AdGuard Home's statistics, a bbolt database"),
            new Known("adguardhome", "sessions.db", "AdGuard Home's sessions, a bbolt database"));

    private SqliteFiles() {
    }

    public static boolean isSideFile(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return SIDE_FILES.stream().anyMatch(lower::endsWith);
    }

    public static boolean hasSqliteExtension(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    /**
     * Why the file at {@code path} is not a SQLite database, when its name says so.
     *
     * @param context where the file is used (an image name, a path): a known file of an app is recognised only
     *     when the context names the app, since another app's {@code stats.db} may well be SQLite
     */
    public static Optional<String> notSqlite(String path, String context) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        if (isSideFile(path)) {
            return Optional.of("a SQLite side file (" + String.join(", ", SIDE_FILES) + "), not a database");
        }
        String where = (context + " " + path).toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (Known known : NOT_SQLITE) {
            if (fileName.equals(known.fileName()) && where.contains(known.app())) {
                return Optional.of(known.what() + ", not SQLite");
            }
        }
        if (!hasSqliteExtension(path)) {
            return Optional.of("its name has no SQLite extension (" + String.join(", ", EXTENSIONS.subList(0, 3))
                    + ")");
        }
        return Optional.empty();
    }
}
