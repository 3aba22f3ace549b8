package dev.vixens.ls.litestream;

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
 * Reads the text of {@code releases.tsv} into a {@link ReleaseTable}: releases, each with every fact whose range
 * includes it. A class of its own because checking the table's rows (kinds, columns, ranges, overlaps) is one
 * job and answering questions about the releases ({@link ReleaseTable}) another. Written with plain loops
 * (no regular expressions, lambdas or streams): every command that plans or lints reads the table once, in a
 * fresh JVM, where each of those costs class loading and linking before any work is done.
 */
final class ReleaseTableParser {

    private record Row(int line, String kind, List<String> columns) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<ReleaseNumber> numbers = new ArrayList<>();
    private final Map<String, Integer> indexes = new HashMap<>();
    private final List<Row> releaseRows = new ArrayList<>();

    ReleaseTableParser(String text) {
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
