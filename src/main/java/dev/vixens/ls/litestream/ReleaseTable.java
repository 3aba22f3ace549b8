package dev.vixens.ls.litestream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Litestream releases vixens-ls knows, read from the release table shipped in the jar
 * ({@code litestream/releases.tsv}), and the one place that turns a version as a user writes it into a
 * {@link LitestreamVersion}: exactly the releases of the table, a newer patch of a known line only with the
 * explicit opt-in, nothing guessed from a number.
 */
public final class ReleaseTable {

    static final String RESOURCE = "/litestream/releases.tsv";

    /** The opt-in key, under {@code litestream:} in a descriptor or under {@code defaults.litestream:}. */
    public static final String OPT_IN = "allowNewerRelease";

    private final List<Release> releases;
    /** Every (level, key) row, to answer which releases read a key. */
    private final Map<Level, Map<String, List<Release>>> readers;

    private ReleaseTable(List<Release> releases, Map<Level, Map<String, List<Release>>> readers) {
        this.releases = List.copyOf(releases);
        this.readers = readers;
    }

    private static final class Holder {
        static final ReleaseTable TABLE = read();
    }

    /** The table shipped in the jar, read once. */
    public static ReleaseTable get() {
        return Holder.TABLE;
    }

    /** Reads the table shipped in the jar again ({@link #get()} keeps the first read; benchmarks time this). */
    public static ReleaseTable read() {
        return parse(resource());
    }

    private static String resource() {
        try (InputStream in = ReleaseTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the release table " + RESOURCE + " is not in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a table in the format documented at the top of {@code releases.tsv}. */
    static ReleaseTable parse(String text) {
        return new Parser(text).table();
    }

    public List<Release> releases() {
        return releases;
    }

    public Optional<Release> find(String version) {
        Optional<ReleaseNumber> number = ReleaseNumber.parse(version);
        return number.isEmpty() ? Optional.empty() : find(number.get());
    }

    private Optional<Release> find(ReleaseNumber number) {
        for (Release release : releases) {
            if (release.number().equals(number)) {
                return Optional.of(release);
            }
        }
        return Optional.empty();
    }

    public Release newest() {
        return releases.get(releases.size() - 1);
    }

    /** The releases of one line ({@code 0.5}), oldest first. */
    public List<Release> line(String line) {
        List<Release> out = new ArrayList<>();
        for (Release release : releases) {
            if (release.line().equals(line)) {
                out.add(release);
            }
        }
        return out;
    }

    /** The releases that read {@code key} at {@code level}, oldest first. */
    public List<Release> readers(Level level, String key) {
        return readers.getOrDefault(level, Map.of()).getOrDefault(key, List.of());
    }

    /** Whether any release of the table reads {@code key} at {@code level}. */
    public boolean anyReads(Level level, String key) {
        return !readers(level, key).isEmpty();
    }

    /** Every key any release reads at {@code level}. */
    public Set<String> everyKey(Level level) {
        return readers.getOrDefault(level, Map.of()).keySet();
    }

    // --- versions as users write them -----------------------------------------------------------------------

    /**
     * The release {@code text} names, for reading a config (lint): any release of the table.
     *
     * @param allowNewer the opt-in is set: a patch newer than the newest known of its line is read as that one
     * @param optInKey how the caller's user sets the opt-in (for the refusal), or null when there is none
     * @throws IllegalArgumentException with the reason, to be located by the caller
     */
    public LitestreamVersion lookup(String text, boolean allowNewer, String optInKey) {
        Optional<ReleaseNumber> number = ReleaseNumber.parse(text);
        if (number.isEmpty()) {
            throw new IllegalArgumentException(notAVersion(text));
        }
        Optional<Release> known = find(number.get());
        if (known.isPresent()) {
            return new LitestreamVersion(known.get().version(), known.get());
        }
        String line = number.get().line();
        List<Release> ofLine = line(line);
        if (ofLine.isEmpty()) {
            boolean newer = number.get().compareTo(newest().number()) > 0;
            throw new IllegalArgumentException("Litestream " + number.get() + " is not a release vixens-ls knows"
                    + " (its releases: " + describe(releases) + ")" + (newer ? "; a new release line's configuration"
                    + " language is not verified, and " + OPT_IN + " covers only newer patches of a known line" : ""));
        }
        Release newestOfLine = ofLine.get(ofLine.size() - 1);
        if (number.get().compareTo(newestOfLine.number()) < 0) {
            throw new IllegalArgumentException("Litestream " + number.get() + " is not a release vixens-ls knows;"
                    + " its " + line + " releases are " + describe(ofLine));
        }
        if (!allowNewer) {
            throw new IllegalArgumentException("Litestream " + number.get() + " is newer than the newest " + line
                    + " release vixens-ls knows (" + newestOfLine.version() + "), so its keys and flags are not"
                    + " verified; use " + newestOfLine.version()
                    + (optInKey == null ? "" : ", or set " + optInKey + ": true to configure it as "
                    + newestOfLine.version() + " reads its config"));
        }
        return new LitestreamVersion(number.get().toString(), newestOfLine);
    }

    /**
     * The release {@code text} names, for generating a pod: as {@link #lookup}, and the release must run the
     * generated start-up sequence, whose restore step needs {@code -if-replica-exists}.
     */
    public LitestreamVersion forGenerate(String text, boolean allowNewer, String optInKey) {
        LitestreamVersion version = lookup(text, allowNewer, optInKey);
        Release release = version.release();
        if (!release.tellsMissingReplicaApart()) {
            Optional<Release> first = Optional.empty();
            for (Release r : line(release.line())) {
                if (first.isEmpty() && r.isAfter(release) && r.tellsMissingReplicaApart()) {
                    first = Optional.of(r);
                }
            }
            throw new IllegalArgumentException("Litestream " + version.text() + " cannot run the start-up restore:"
                    + " its restore has no -if-replica-exists, so it cannot tell a missing replica from a bucket it"
                    + " cannot read, and a missing database (first deploy, or moved aside by the integrity check)"
                    + " would stop the pod even with a backup"
                    + (first.isEmpty() ? "" : "; use " + first.get().version() + " or later, the first "
                    + first.get().line() + " release with that flag"));
        }
        return version;
    }

    private String notAVersion(String text) {
        String example = "such as " + releases.get(0).version() + " or " + newest().version();
        if (text != null && text.endsWith("-scratch") && ReleaseNumber.parse(text.replace("-scratch", ""))
                .isPresent()) {
            return "'" + text + "' names a scratch image, which has no shell for the start-up steps; give the"
                    + " version alone: " + text.substring(0, text.length() - "-scratch".length());
        }
        return "'" + text + "' is not a Litestream version " + example;
    }

    /** {@code 0.3.13, 0.3.14 and 0.5.0 to 0.5.16}: consecutive releases of one line as a range. */
    public String describe(List<Release> some) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < some.size()) {
            int j = i;
            while (j + 1 < some.size() && some.get(j + 1).index() == some.get(j).index() + 1
                    && some.get(j + 1).line().equals(some.get(i).line())) {
                j++;
            }
            if (j - i >= 2) {
                parts.add(some.get(i).version() + " to " + some.get(j).version());
            } else {
                for (int k = i; k <= j; k++) {
                    parts.add(some.get(k).version());
                }
            }
            i = j + 1;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /**
     * Reads the table text into releases, each with every fact whose range includes it. Written with plain loops
     * (no regular expressions, lambdas or streams): every command that plans or lints reads the table once, in a
     * fresh JVM, where each of those costs class loading and linking before any work is done.
     */
    private static final class Parser {

        private record Row(int line, String kind, List<String> columns) {
        }

        private final List<Row> rows = new ArrayList<>();
        private final List<ReleaseNumber> numbers = new ArrayList<>();
        private final Map<String, Integer> indexes = new HashMap<>();
        private final List<Row> releaseRows = new ArrayList<>();

        Parser(String text) {
            int line = 0;
            int start = 0;
            while (start <= text.length()) {
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    end = text.length();
                }
                line++;
                List<String> words = words(text, start, end);
                if (!words.isEmpty()) {
                    rows.add(new Row(line, words.get(0), words.subList(1, words.size())));
                }
                start = end + 1;
            }
        }

        /** The words of one line, up to a '#'. */
        private static List<String> words(String text, int start, int end) {
            List<String> words = new ArrayList<>();
            int i = start;
            while (i < end && text.charAt(i) != '#') {
                if (Character.isWhitespace(text.charAt(i))) {
                    i++;
                    continue;
                }
                int from = i;
                while (i < end && text.charAt(i) != '#' && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                words.add(text.substring(from, i));
            }
            return words;
        }

        ReleaseTable table() {
            for (Row row : rows) {
                if (row.kind().equals("release")) {
                    expect(row, 3, 3);
                    Optional<ReleaseNumber> number = ReleaseNumber.parse(row.columns().get(0));
                    if (number.isEmpty()) {
                        throw problem(row, "'" + row.columns().get(0) + "' is not a version");
                    }
                    if (!numbers.isEmpty() && number.get().compareTo(numbers.get(numbers.size() - 1)) <= 0) {
                        throw problem(row, "releases must be listed oldest first, each once");
                    }
                    indexes.put(row.columns().get(0), numbers.size());
                    numbers.add(number.get());
                    releaseRows.add(row);
                }
            }
            if (numbers.isEmpty()) {
                throw new IllegalStateException("the release table lists no release");
            }
            int count = numbers.size();
            List<Map<Level, Map<String, KeyType>>> keys = new ArrayList<>();
            List<Map<Level, Map<String, String>>> writes = new ArrayList<>();
            List<Set<Level>> open = new ArrayList<>();
            List<Map<Command, Set<String>>> flags = new ArrayList<>();
            List<Set<Behaviour>> behaviours = new ArrayList<>();
            List<Set<String>> metrics = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                keys.add(new EnumMap<>(Level.class));
                writes.add(new EnumMap<>(Level.class));
                open.add(EnumSet.noneOf(Level.class));
                flags.add(new EnumMap<>(Command.class));
                behaviours.add(EnumSet.noneOf(Behaviour.class));
                metrics.add(new LinkedHashSet<>());
            }
            Map<Level, Map<String, boolean[]>> readBy = new EnumMap<>(Level.class);
            for (Row row : rows) {
                List<String> c = row.columns();
                switch (row.kind()) {
                    case "release" -> {
                    }
                    case "key" -> {
                        expect(row, 5, 6);
                        Level level = level(row, c.get(0));
                        String key = c.get(1);
                        KeyType type;
                        try {
                            type = KeyType.ofTableName(c.get(2));
                        } catch (IllegalArgumentException e) {
                            throw problem(row, "unknown type '" + c.get(2) + "'");
                        }
                        Map<String, boolean[]> byKey = readBy.get(level);
                        if (byKey == null) {
                            byKey = new LinkedHashMap<>();
                            readBy.put(level, byKey);
                        }
                        boolean[] read = byKey.get(key);
                        if (read == null) {
                            read = new boolean[count];
                            byKey.put(key, read);
                        }
                        int end = end(row, c.get(3), c.get(4));
                        for (int i = index(row, c.get(3)); i < end; i++) {
                            if (read[i]) {
                                throw problem(row, level.tableName() + " " + key + " overlaps another row for "
                                        + numbers.get(i));
                            }
                            read[i] = true;
                            entries(keys.get(i), level).put(key, type);
                            if (c.size() == 6) {
                                entries(writes.get(i), level).put(key, c.get(5));
                            }
                        }
                    }
                    case "open" -> {
                        expect(row, 3, 3);
                        Level level = level(row, c.get(0));
                        int end = end(row, c.get(1), c.get(2));
                        for (int i = index(row, c.get(1)); i < end; i++) {
                            open.get(i).add(level);
                        }
                    }
                    case "flag" -> {
                        expect(row, 4, 4);
                        Command command;
                        try {
                            command = Command.ofTableName(c.get(0));
                        } catch (IllegalArgumentException e) {
                            throw problem(row, "unknown command '" + c.get(0) + "'");
                        }
                        int end = end(row, c.get(2), c.get(3));
                        for (int i = index(row, c.get(2)); i < end; i++) {
                            Set<String> names = flags.get(i).get(command);
                            if (names == null) {
                                names = new LinkedHashSet<>();
                                flags.get(i).put(command, names);
                            }
                            names.add(c.get(1));
                        }
                    }
                    case "fact" -> {
                        expect(row, 3, 3);
                        Behaviour behaviour;
                        try {
                            behaviour = Behaviour.ofTableName(c.get(0));
                        } catch (IllegalArgumentException e) {
                            throw problem(row, "unknown fact '" + c.get(0) + "'");
                        }
                        int end = end(row, c.get(1), c.get(2));
                        for (int i = index(row, c.get(1)); i < end; i++) {
                            behaviours.get(i).add(behaviour);
                        }
                    }
                    case "metric" -> {
                        expect(row, 3, 3);
                        int end = end(row, c.get(1), c.get(2));
                        for (int i = index(row, c.get(1)); i < end; i++) {
                            metrics.get(i).add(c.get(0));
                        }
                    }
                    default -> throw problem(row, "unknown row kind '" + row.kind() + "'");
                }
            }
            List<Release> releases = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                List<String> columns = releaseRows.get(i).columns();
                releases.add(new Release(numbers.get(i), i, columns.get(1), columns.get(2), keys.get(i), writes.get(i),
                        open.get(i), flags.get(i), behaviours.get(i), metrics.get(i)));
            }
            Map<Level, Map<String, List<Release>>> readers = new EnumMap<>(Level.class);
            for (Map.Entry<Level, Map<String, boolean[]>> level : readBy.entrySet()) {
                Map<String, List<Release>> byKey = new HashMap<>();
                for (Map.Entry<String, boolean[]> key : level.getValue().entrySet()) {
                    List<Release> list = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        if (key.getValue()[i]) {
                            list.add(releases.get(i));
                        }
                    }
                    byKey.put(key.getKey(), List.copyOf(list));
                }
                readers.put(level.getKey(), byKey);
            }
            return new ReleaseTable(releases, readers);
        }

        private static <V> Map<String, V> entries(Map<Level, Map<String, V>> byLevel, Level level) {
            Map<String, V> entries = byLevel.get(level);
            if (entries == null) {
                entries = new LinkedHashMap<>();
                byLevel.put(level, entries);
            }
            return entries;
        }

        /** The index after the last release of a range: UNTIL's, or the end for {@code -}. */
        private int end(Row row, String from, String until) {
            int end = until.equals("-") ? numbers.size() : index(row, until);
            if (end <= index(row, from)) {
                throw problem(row, "UNTIL " + until + " is not after FROM " + from);
            }
            return end;
        }

        private int index(Row row, String version) {
            Integer index = indexes.get(version);
            if (index == null) {
                throw problem(row, "'" + version + "' is not a release of the table");
            }
            return index;
        }

        private static Level level(Row row, String text) {
            try {
                return Level.ofTableName(text);
            } catch (IllegalArgumentException e) {
                throw problem(row, e.getMessage());
            }
        }

        private static void expect(Row row, int min, int max) {
            if (row.columns().size() < min || row.columns().size() > max) {
                throw problem(row, row.kind() + " rows have " + (min == max ? min : min + " to " + max)
                        + " columns after the kind, not " + row.columns().size());
            }
        }

        private static IllegalStateException problem(Row row, String message) {
            return new IllegalStateException("releases.tsv:" + row.line() + ": " + message);
        }
    }
}
