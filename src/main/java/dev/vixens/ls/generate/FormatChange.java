package dev.vixens.ls.generate;

import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.litestream.LitestreamVersion;
import dev.vixens.ls.litestream.Release;
import dev.vixens.ls.litestream.ReleaseTable;
import dev.vixens.ls.litestream.ReplicaLayout;
import dev.vixens.ls.output.Marker;
import dev.vixens.ls.plan.AppPlanner;
import dev.vixens.ls.plan.LitestreamProcess;
import dev.vixens.ls.plan.ResolvedApp;
import dev.vixens.ls.plan.SharedPlanner;
import dev.vixens.ls.repo.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Switching an app between Litestream lines changes the replica layout (0.3's generations, 0.5's LTX files),
 * and what a restore finds after the switch depends on the release: from 0.5.7, restore also reads the 0.3
 * generations at the same replica path (while they are newer), so keeping the paths keeps the history; before
 * 0.5.7, and from 0.5 back to 0.3, nothing reads the other layout, so until the new sidecar has replicated, a
 * pod that lost its volume would find "no replica" and start empty. While the config already generated on disk
 * (the format its header records, which only vixens-ls writes) and the descriptor disagree on the layout, this
 * words what happens and what to do about the replica paths. It reads, never writes, and never fails the
 * command.
 */
public final class FormatChange {

    /** The format the header records ({@link Marker#format}): {@code Litestream 0.3}. */
    private static final Pattern FORMAT = Pattern.compile("Litestream ([0-9]+\\.[0-9]+)");
    /**
     * Configs generated before the header recorded the format name the dialect in their first comment, the 0.5
     * one with its release: {@code # Litestream 0.3 configuration...}, {@code # Litestream 0.5.12 configuration...}.
     * Read only when the header has no format line, so that switching vixens-ls releases keeps the warnings.
     */
    private static final Pattern OLD_HEADER = Pattern.compile("(?m)^# Litestream ([0-9]+\\.[0-9]+)[. ]");
    private static final Pattern URL = Pattern.compile("(?m)^\\s*(?:-\\s+)?url:\\s*\"?([^\"\\s]+)\"?\\s*$");

    private FormatChange() {
    }

    /** What to say about one resolved app, comparing with its Component on disk. */
    public static List<String> forApp(Repository repo, ResolvedApp app) {
        List<String> urls = app.processes().stream()
                .flatMap(p -> p.replicas().stream())
                .map(LitestreamProcess.Replica::url)
                .toList();
        return compare(app.app().app(), repo.resolve(app.app().directory() + "/" + AppPlanner.COMPONENT_DIR), 0,
                app.app().settings().litestreamVersion(), urls, true, "litestream.replicaPrefix");
    }

    /** What to say about the shared building blocks (hand-written apps use them), planned from the defaults. */
    public static List<String> forShared(Repository repo, Settings defaults) {
        // the shared pieces' replica URLs hold the app's path as a variable: no example worth showing
        return compare(repo.config().sharedDir(), repo.resolve(repo.config().sharedDir()), 1,
                defaults.litestreamVersion(), List.of(SharedPlanner.replicaUrl(defaults)), false,
                "defaults.litestream.replicaPrefix");
    }

    private static List<String> compare(String who, Path dir, int depth, LitestreamVersion version,
            List<String> urls, boolean showUrls, String prefixKey) {
        Release release = version.release();
        ReplicaLayout next = release.layout();
        Map<ReplicaLayout, String> previous = new LinkedHashMap<>();
        Set<String> oldUrls = new LinkedHashSet<>();
        for (String config : generatedConfigs(dir, depth)) {
            Optional<String> dialect = dialectOf(config);
            if (dialect.isPresent()) {
                layoutOf(dialect.get()).ifPresent(layout -> previous.putIfAbsent(layout, dialect.get()));
                Matcher url = URL.matcher(config);
                while (url.find()) {
                    oldUrls.add(url.group(1));
                }
            }
        }
        previous.remove(next);
        if (previous.isEmpty() || urls.isEmpty()) {
            return List.of();
        }
        ReplicaLayout old = previous.keySet().iterator().next();
        String from = previous.get(old);
        String change = who + ": Litestream " + from + " -> " + version.text() + " changes the backup format";
        String moved = urls.stream().filter(u -> !oldUrls.contains(u)).findFirst().orElse("");
        boolean samePaths = moved.isEmpty();
        if (release.restoreReads().contains(old)) {
            if (samePaths) {
                return List.of("note: " + change + "; " + version.text() + " restores the " + from + " backups"
                        + " at the same replica paths while they are newer than its own, so a pod that loses its"
                        + " volume before the new sidecar has replicated still gets its data back: keep the replica"
                        + " paths as they are (no " + prefixKey + ").");
            }
            return List.of("warning: " + change + ", and the replica paths change with it" + (showUrls ? " (e.g. "
                    + moved + ")" : "") + ": "
                    + version.text() + " restores " + from + " backups only at the same path. Until the new sidecar"
                    + " has replicated each database, a pod that loses its volume starts with an empty database;"
                    + " keep the old paths (no " + prefixKey + ") unless you want a fresh start.");
        }
        List<String> warnings = new ArrayList<>();
        Optional<Release> bridge = ReleaseTable.get().line(release.line()).stream()
                .filter(r -> r.isAfter(release) && r.restoreReads().contains(old)).findFirst();
        warnings.add("warning: " + change + ", and " + version.text() + " does not restore " + from + " backups"
                + bridge.map(r -> " (" + r.version() + " and later do, at the same replica paths)").orElse("")
                + ". Until the new sidecar has replicated each database, a pod that loses its volume starts with an"
                + " empty database; keep the " + from + " backups (a Litestream " + from + " image restores them).");
        String example = showUrls ? " (e.g. " + urls.get(0) + ")" : "";
        if (samePaths && bridge.isPresent()) {
            warnings.add("warning: " + who + ": the " + release.line() + " replicas use the same bucket paths as the "
                    + from + " backups" + example + "; set " + prefixKey + " (e.g. v" + release.line().replace(".", "")
                    + ") to keep them apart, or use " + bridge.get().version() + " or later, which restores them"
                    + " there.");
        } else if (samePaths) {
            warnings.add("warning: " + who + ": the " + release.line() + " replicas use the bucket paths of the "
                    + from + " backups" + example + "; if " + release.line() + " backups from before " + from
                    + " are still there, they are older than every write made under " + from + ", and a restore"
                    + " would bring them back: set " + prefixKey + " (e.g. v" + release.line().replace(".", "")
                    + ") to start this history apart.");
        }
        return warnings;
    }

    /** The dialect a generated config is written in: from its header, else from the older first comment. */
    static Optional<String> dialectOf(String config) {
        if (!Marker.carries(config)) {
            return Optional.empty();
        }
        Optional<String> format = Marker.format(config);
        Matcher matcher = format.isPresent() ? FORMAT.matcher(format.get()) : OLD_HEADER.matcher(config);
        return (format.isPresent() ? matcher.matches() : matcher.find()) ? Optional.of(matcher.group(1))
                : Optional.empty();
    }

    /** The layout the releases of a dialect write, e.g. generations for {@code 0.3}. */
    private static Optional<ReplicaLayout> layoutOf(String dialect) {
        return ReleaseTable.get().releases().stream().filter(r -> r.dialect().equals(dialect))
                .map(Release::layout).findFirst();
    }

    /** The generated {@code *.yml} files in {@code dir} and, to {@code depth} levels, below it. */
    private static List<String> generatedConfigs(Path dir, int depth) {
        List<String> configs = new ArrayList<>();
        if (!Files.isDirectory(dir) || Files.isSymbolicLink(dir)) {
            return configs;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, depth + 1)) {
            files = walk.sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return configs;
        }
        for (Path file : files) {
            boolean yml = file.getFileName().toString().endsWith(".yml");
            if (yml && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                read(file).filter(Marker::carries).ifPresent(configs::add);
            }
        }
        return configs;
    }

    /**
     * A generated file's text; a file of the user's (no marker on its first line, or far larger than any
     * generated config) is not read at all. A warning that cannot be worked out must not stop generate; the
     * write stage reports I/O errors.
     */
    private static Optional<String> read(Path file) {
        try {
            if (Files.size(file) > (8 << 20) || !Marker.startsFile(file)) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
