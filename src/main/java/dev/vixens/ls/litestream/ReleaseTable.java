package dev.vixens.ls.litestream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    /** Built by {@link ReleaseTableParser} only. */
    ReleaseTable(List<Release> releases, Map<Level, Map<String, List<Release>>> readers) {
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
        return new ReleaseTableParser(text).table();
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
}
