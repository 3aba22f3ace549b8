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
import java.util.function.Supplier;

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
        static final ReleaseTable TABLE = parse(resource());
    }

    /** The table shipped in the jar, read once. */
    public static ReleaseTable get() {
        return Holder.TABLE;
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
        return ReleaseNumber.parse(version).flatMap(n -> releases.stream().filter(r -> r.number().equals(n))
                .findFirst());
    }

    public Release newest() {
        return releases.get(releases.size() - 1);
    }

    /** The releases of one line ({@code 0.5}), oldest first. */
    public List<Release> line(String line) {
        return releases.stream().filter(r -> r.line().equals(line)).toList();
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
        Optional<Release> known = releases.stream().filter(r -> r.number().equals(number.get())).findFirst();
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
            Optional<Release> first = line(release.line()).stream()
                    .filter(r -> r.isAfter(release) && r.tellsMissingReplicaApart()).findFirst();
            throw new IllegalArgumentException("Litestream " + version.text() + " cannot run the start-up restore:"
                    + " its restore has no -if-replica-exists, so it cannot tell a missing replica from a bucket it"
                    + " cannot read, and a missing database (first deploy, or moved aside by the integrity check)"
                    + " would stop the pod even with a backup"
                    + first.map(r -> "; use " + r.version() + " or later, the first " + r.line()
                    + " release with that flag").orElse(""));
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

    /** Reads the table text into releases, each with every fact whose range includes it. */
    private static final class Parser {

        private record Row(int line, String kind, List<String> columns) {
        }

        private final List<Row> rows = new ArrayList<>();
        private final List<ReleaseNumber> numbers = new ArrayList<>();
        private final List<String[]> releaseColumns = new ArrayList<>();

        Parser(String text) {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                int comment = line.indexOf('#');
                String data = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (data.isEmpty()) {
                    continue;
                }
                List<String> columns = List.of(data.split("\\s+"));
                rows.add(new Row(i + 1, columns.get(0), columns.subList(1, columns.size())));
            }
        }

        ReleaseTable table() {
            for (Row row : rows) {
                if (row.kind().equals("release")) {
                    expect(row, 3, 3);
                    ReleaseNumber number = ReleaseNumber.parse(row.columns().get(0))
                            .orElseThrow(() -> problem(row, "'" + row.columns().get(0) + "' is not a version"));
                    if (!numbers.isEmpty() && number.compareTo(numbers.get(numbers.size() - 1)) <= 0) {
                        throw problem(row, "releases must be listed oldest first, each once");
                    }
                    numbers.add(number);
                    releaseColumns.add(row.columns().toArray(String[]::new));
                }
            }
            if (numbers.isEmpty()) {
                throw new IllegalStateException("the release table lists no release");
            }
            int count = numbers.size();
            List<Map<Level, Map<String, KeyType>>> keys = fresh(count, () -> new EnumMap<>(Level.class));
            List<Map<Level, Map<String, String>>> writes = fresh(count, () -> new EnumMap<>(Level.class));
            List<Set<Level>> open = fresh(count, () -> EnumSet.noneOf(Level.class));
            List<Map<Command, Set<String>>> flags = fresh(count, () -> new EnumMap<>(Command.class));
            List<Set<Behaviour>> behaviours = fresh(count, () -> EnumSet.noneOf(Behaviour.class));
            List<Set<String>> metrics = fresh(count, LinkedHashSet::new);
            Map<Level, Map<String, boolean[]>> readBy = new EnumMap<>(Level.class);
            for (Row row : rows) {
                List<String> c = row.columns();
                switch (row.kind()) {
                    case "release" -> {
                    }
                    case "key" -> {
                        expect(row, 5, 6);
                        Level level = parse(row, () -> Level.ofTableName(c.get(0)));
                        String key = c.get(1);
                        KeyType type = parse(row, () -> KeyType.ofTableName(c.get(2)));
                        boolean[] read = readBy.computeIfAbsent(level, l -> new LinkedHashMap<>())
                                .computeIfAbsent(key, k -> new boolean[count]);
                        for (int i : range(row, c.get(3), c.get(4))) {
                            if (read[i]) {
                                throw problem(row, level.tableName() + " " + key + " overlaps another row for "
                                        + numbers.get(i));
                            }
                            read[i] = true;
                            keys.get(i).computeIfAbsent(level, l -> new LinkedHashMap<>()).put(key, type);
                            if (c.size() == 6) {
                                writes.get(i).computeIfAbsent(level, l -> new LinkedHashMap<>()).put(key, c.get(5));
                            }
                        }
                    }
                    case "open" -> {
                        expect(row, 3, 3);
                        Level level = parse(row, () -> Level.ofTableName(c.get(0)));
                        for (int i : range(row, c.get(1), c.get(2))) {
                            open.get(i).add(level);
                        }
                    }
                    case "flag" -> {
                        expect(row, 4, 4);
                        Command command = parse(row, () -> Command.ofTableName(c.get(0)));
                        for (int i : range(row, c.get(2), c.get(3))) {
                            flags.get(i).computeIfAbsent(command, k -> new LinkedHashSet<>()).add(c.get(1));
                        }
                    }
                    case "fact" -> {
                        expect(row, 3, 3);
                        Behaviour behaviour = parse(row, () -> Behaviour.ofTableName(c.get(0)));
                        for (int i : range(row, c.get(1), c.get(2))) {
                            behaviours.get(i).add(behaviour);
                        }
                    }
                    case "metric" -> {
                        expect(row, 3, 3);
                        for (int i : range(row, c.get(1), c.get(2))) {
                            metrics.get(i).add(c.get(0));
                        }
                    }
                    default -> throw problem(row, "unknown row kind '" + row.kind() + "'");
                }
            }
            List<Release> releases = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String[] columns = releaseColumns.get(i);
                releases.add(new Release(numbers.get(i), i, columns[1], columns[2], keys.get(i), writes.get(i),
                        open.get(i), flags.get(i), behaviours.get(i), metrics.get(i)));
            }
            Map<Level, Map<String, List<Release>>> readers = new EnumMap<>(Level.class);
            readBy.forEach((level, byKey) -> byKey.forEach((key, read) -> {
                List<Release> list = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    if (read[i]) {
                        list.add(releases.get(i));
                    }
                }
                readers.computeIfAbsent(level, l -> new HashMap<>()).put(key, List.copyOf(list));
            }));
            return new ReleaseTable(releases, readers);
        }

        /** The indexes of the releases from FROM up to, not including, UNTIL ({@code -}: the end). */
        private int[] range(Row row, String from, String until) {
            int start = index(row, from);
            int end = until.equals("-") ? numbers.size() : index(row, until);
            if (end <= start) {
                throw problem(row, "UNTIL " + until + " is not after FROM " + from);
            }
            int[] out = new int[end - start];
            for (int i = start; i < end; i++) {
                out[i - start] = i;
            }
            return out;
        }

        private int index(Row row, String version) {
            Optional<ReleaseNumber> number = ReleaseNumber.parse(version);
            int index = number.map(numbers::indexOf).orElse(-1);
            if (index < 0) {
                throw problem(row, "'" + version + "' is not a release of the table");
            }
            return index;
        }

        private static void expect(Row row, int min, int max) {
            if (row.columns().size() < min || row.columns().size() > max) {
                throw problem(row, row.kind() + " rows have " + (min == max ? min : min + " to " + max)
                        + " columns after the kind, not " + row.columns().size());
            }
        }

        private static <T> T parse(Row row, Supplier<T> parser) {
            try {
                return parser.get();
            } catch (IllegalArgumentException e) {
                throw problem(row, e.getMessage());
            }
        }

        private static <T> List<T> fresh(int count, Supplier<T> factory) {
            List<T> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                out.add(factory.get());
            }
            return out;
        }

        private static IllegalStateException problem(Row row, String message) {
            return new IllegalStateException("releases.tsv:" + row.line() + ": " + message);
        }
    }
}
