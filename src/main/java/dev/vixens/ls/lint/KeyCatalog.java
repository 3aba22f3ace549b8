package dev.vixens.ls.lint;

import dev.vixens.ls.litestream.Level;
import dev.vixens.ls.litestream.Release;
import dev.vixens.ls.litestream.ReleaseTable;
import dev.vixens.ls.litestream.SnapshotPlacement;
import dev.vixens.ls.source.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What lint says about a key a release does not read. Which keys each release reads, level by level, is the
 * release table's ({@link Release}); this class turns a key the release drops into the sentence a user needs:
 * <ul>
 *   <li>known: the release reads it;</li>
 *   <li>ignored: a real key (of another release, or of this one at another level), which this release drops
 *       without a word; the sentence says what it reads instead, or which releases read it;</li>
 *   <li>unknown: anything else, usually a typo.</li>
 * </ul>
 * Where the table does not list every key of a level ({@link Release#listsEveryKey}), an unknown key is reported
 * only when it looks like a typo of a known one.
 */
final class KeyCatalog {

    /** The levels whose keys may be misplaced among one another (a replica key under a database, ...). */
    private static final List<Level> STRUCTURE = List.of(Level.TOP, Level.DATABASE, Level.REPLICA);
    private static final List<String> DATABASE_DISCOVERY = List.of("dir", "pattern", "recursive", "watch");

    private KeyCatalog() {
    }

    static Set<String> known(Release release, Level level) {
        return release.keys(level);
    }

    static boolean complete(Release release, Level level) {
        return release.listsEveryKey(level);
    }

    /** The keys {@link #ignored} has something to say about at this level, to look misspellings up among. */
    static Set<String> ignoredKeys(Release release, Level level) {
        Set<String> keys = new HashSet<>();
        for (Level any : Level.values()) {
            for (String key : table().everyKey(any)) {
                if (!release.reads(level, key) && ignored(release, level, key).isPresent()) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /**
     * When {@code key} is a real Litestream key that {@code release} ignores at {@code level}: what this release
     * reads instead, or which releases read it (a clause that completes "is ignored by Litestream X; ...").
     */
    static Optional<String> ignored(Release release, Level level, String key) {
        if (release.reads(level, key)) {
            return Optional.empty();
        }
        List<String> clauses = new ArrayList<>();
        Optional<Hint> hint = hint(release, level, key);
        hint.ifPresent(h -> clauses.add(h.text()));
        if (hint.isEmpty()) {
            elsewhere(release, level, key).ifPresent(clauses::add);
        }
        Optional<String> sameLine = sameLine(release, level, key);
        if (hint.isEmpty() || hint.get().withSameLine()) {
            sameLine.ifPresent(clauses::add);
        }
        if (clauses.isEmpty()) {
            otherLine(release, level, key).ifPresent(clauses::add);
        }
        return clauses.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", clauses));
    }

    /** A sentence of its own for the keys one release line replaced with another. */
    private record Hint(String text, boolean withSameLine) {
    }

    private static Optional<Hint> hint(Release release, Level level, String key) {
        SnapshotPlacement placement = release.snapshotPlacement();
        String where = placement == SnapshotPlacement.DATABASE
                ? "on the database (or at the top level), equal for every database of the process"
                : "at the top level, one value for every database of the process";
        boolean perProcess = placement != SnapshotPlacement.REPLICA;
        if (perProcess && (level == Level.REPLICA || level == Level.TOP)) {
            switch (key) {
                case "snapshot-interval":
                    return hint("it reads snapshot.interval " + where, false);
                case "retention":
                    return hint("it reads snapshot.retention " + where, false);
                case "retention-check-interval":
                    return hint("it is a " + otherLines(release, Level.REPLICA, key) + " replica key; "
                            + release.line() + " reads the retention from snapshot.retention " + where, false);
                default:
                    break;
            }
        }
        if (!perProcess && (key.equals("snapshot") && (level == Level.TOP || level == Level.DATABASE))) {
            return hint("it reads snapshot-interval and retention under each replica", false);
        }
        if (perProcess && level == Level.DATABASE && key.equals("snapshot")) {
            return hint("it reads the top-level snapshot block (per-database snapshot settings start with "
                    + firstOfLine(release, Level.DATABASE, key).map(Release::version).orElse("a later release")
                    + ")", false);
        }
        if (level == Level.TOP && key.equals("validation") && release.reads(Level.REPLICA, "validation-interval")) {
            return hint("it reads validation-interval under each replica", true);
        }
        if (level == Level.DATABASE && key.equals("replica") && release.reads(Level.DATABASE, "replicas")) {
            return hint("it reads replicas (a list); as written, this database is not replicated at all", false);
        }
        if (level == Level.DATABASE && DATABASE_DISCOVERY.contains(key)) {
            return hint("it replicates only databases listed one by one with path", true);
        }
        if (level == Level.DATABASE && key.equals("restore-if-db-not-exists")
                && firstOfLine(release, level, key).isEmpty()) {
            return hint("it is a " + otherLines(release, level, key) + " key; with " + release.line()
                    + ", restore in an init container (litestream restore -if-db-not-exists)", false);
        }
        return Optional.empty();
    }

    private static Optional<Hint> hint(String text, boolean withSameLine) {
        return Optional.of(new Hint(text, withSameLine));
    }

    /** The release reads the key at another level of the config's structure: a misplaced key. */
    private static Optional<String> elsewhere(Release release, Level level, String key) {
        if (!STRUCTURE.contains(level)) {
            return Optional.empty();
        }
        List<String> places = new ArrayList<>();
        for (Level other : STRUCTURE) {
            if (other != level && release.reads(other, key)) {
                places.add(other == Level.REPLICA ? "under each replica" : other.phrase());
            }
        }
        return places.isEmpty() ? Optional.empty()
                : Optional.of("it reads " + key + " " + String.join(" and ", places));
    }

    /** Releases of the same line read the key at this level: from which one on, or up to which one. */
    private static Optional<String> sameLine(Release release, Level level, String key) {
        List<Release> readers = table().readers(level, key).stream()
                .filter(r -> r.line().equals(release.line())).toList();
        if (readers.isEmpty()) {
            return Optional.empty();
        }
        String there = level == Level.TOP ? "at the top level, " : "";
        if (readers.get(0).isAfter(release)) {
            List<Release> line = table().line(release.line());
            boolean toTheEnd = readers.get(readers.size() - 1).equals(line.get(line.size() - 1));
            return Optional.of(there + (toTheEnd ? readers.get(0).version() + " and later read it"
                    : table().describe(readers) + " read it"));
        }
        return Optional.of(there + "only " + table().describe(readers) + " read it");
    }

    /** Only releases of another line read the key at this level. */
    private static Optional<String> otherLine(Release release, Level level, String key) {
        String lines = otherLines(release, level, key);
        return lines.isEmpty() ? Optional.empty()
                : Optional.of("it is a " + lines + " key, and " + release.line() + " has no equivalent");
    }

    private static String otherLines(Release release, Level level, String key) {
        return String.join(" and ", table().readers(level, key).stream().map(Release::line)
                .filter(line -> !line.equals(release.line())).distinct().toList());
    }

    private static Optional<Release> firstOfLine(Release release, Level level, String key) {
        return table().readers(level, key).stream().filter(r -> r.line().equals(release.line())).findFirst();
    }

    private static ReleaseTable table() {
        return ReleaseTable.get();
    }

    /** The known key closest to a misspelt one, when it is close enough to be what was meant. */
    static Optional<String> closest(String key, Set<String> known) {
        return Suggestions.nearest(key.replace('_', '-'), known.stream().sorted().toList(), key.length() >= 5 ? 2 : 1);
    }
}
