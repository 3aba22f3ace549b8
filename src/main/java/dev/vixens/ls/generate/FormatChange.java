package dev.vixens.ls.generate;

import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.descriptor.SettingsResolver;
import dev.vixens.ls.litestream.LitestreamVersion;
import dev.vixens.ls.output.Marker;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.plan.LitestreamProcess;
import dev.vixens.ls.repo.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Litestream 0.5 writes LTX files and cannot restore 0.3's generations (nor 0.3 0.5's). Switching an app's
 * version across that line is allowed, because it is how one upgrades, but it starts a new backup history:
 * until the new sidecar has replicated, a pod that lost its volume would find "no replica" and start empty.
 * Before {@code generate} writes, this compares the format of the config already generated on disk (its
 * header comment, which only vixens-ls writes) with the planned version, and words the warning. It reads,
 * never writes, and never fails the command.
 */
public final class FormatChange {

    /** The header line of the generated configs: {@code # Litestream 0.3 configuration...}. */
    private static final Pattern HEADER = Pattern.compile("(?m)^# Litestream (0\\.[0-9]+)[. ]");
    private static final Pattern URL = Pattern.compile("(?m)^\\s*(?:-\\s+)?url:\\s*\"?([^\"\\s]+)\"?\\s*$");

    private FormatChange() {
    }

    /** Warnings for the apps planned and for the shared building blocks (hand-written apps use them). */
    public static List<String> warnings(Repository repo, List<AppPlan> plans) {
        List<String> warnings = new ArrayList<>();
        for (AppPlan plan : plans) {
            List<String> urls = plan.processes().stream()
                    .flatMap(p -> p.replicas().stream())
                    .map(LitestreamProcess.Replica::url)
                    .toList();
            warnings.addAll(compare(plan.app().app(), repo.resolve(plan.outputDir()), 0,
                    plan.app().settings().litestreamVersion(), urls, "litestream.replicaPrefix"));
        }
        Settings defaults = SettingsResolver.resolve(List.of(repo.config().defaults()));
        // The shared pieces' replica paths all come from LITESTREAM_REPLICA_PATH: the same for both formats.
        warnings.addAll(compare(repo.config().sharedDir(), repo.resolve(repo.config().sharedDir()), 1,
                defaults.litestreamVersion(), defaults.replicaPrefix().isEmpty() ? List.of("") : List.of(),
                "defaults.litestream.replicaPrefix"));
        return warnings;
    }

    private static List<String> compare(String who, Path dir, int depth, LitestreamVersion version,
            List<String> urls, String prefixKey) {
        String next = format(version);
        Set<String> oldFormats = new LinkedHashSet<>();
        Set<String> oldUrls = new LinkedHashSet<>();
        for (String config : generatedConfigs(dir, depth)) {
            Matcher header = HEADER.matcher(config);
            if (header.find()) {
                oldFormats.add(header.group(1));
                Matcher url = URL.matcher(config);
                while (url.find()) {
                    oldUrls.add(url.group(1));
                }
            }
        }
        oldFormats.remove(next);
        if (oldFormats.isEmpty()) {
            return List.of();
        }
        String previous = oldFormats.iterator().next();
        List<String> warnings = new ArrayList<>();
        warnings.add("warning: " + who + ": Litestream " + previous + " -> " + version.text()
                + " changes the backup format, and " + next + " does not restore " + previous
                + " backups. Until the new sidecar has replicated each database, a pod that loses its volume"
                + " starts with an empty database; keep the " + previous + " backups (a Litestream "
                + previous + " image restores them).");
        Optional<String> shared = urls.stream().filter(u -> u.isEmpty() || oldUrls.contains(u)).findFirst();
        shared.ifPresent(url -> warnings.add("warning: " + who + ": the " + next + " replicas use the same"
                + " bucket paths as the " + previous + " backups" + (url.isEmpty() ? "" : " (e.g. " + url + ")")
                + "; set " + prefixKey + " (e.g. v" + next.replace(".", "") + ") to keep them apart."));
        return warnings;
    }

    /** {@code 0.3} or {@code 0.5}: the replica format, which is what restores depend on. */
    static String format(LitestreamVersion version) {
        return version instanceof LitestreamVersion.V05 ? "0.5" : "0.3";
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
