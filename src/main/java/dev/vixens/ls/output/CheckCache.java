package dev.vixens.ls.output;

import dev.vixens.ls.descriptor.DescriptorLoader;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.ConfinedPaths;
import dev.vixens.ls.source.InputFiles;
import dev.vixens.ls.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.Adler32;
import java.util.zip.CRC32C;

/**
 * Lets {@code check} prove "nothing changed" without parsing YAML or running a template.
 *
 * <p>After a full check (or {@code generate --all}) found every generated file current, the digests of
 * every input file (repository config, profile files, descriptors) and every generated file are kept in the
 * user's cache directory, keyed by the repository root and the exact tool build. The next check recomputes
 * those digests from disk: when the build, the selection, every input, the set of descriptors and profile
 * files, every generated file and the set of marked files in the managed directories are all the same, the
 * output of the full pipeline would be the same too, and check answers at once. Any difference at all falls
 * back to the full pipeline, which is the only one that reports differences.
 *
 * <p>The cache lives outside the repository ({@code $VIXENS_LS_CACHE} or the system property
 * {@code vixens.cache}, else {@code $XDG_CACHE_HOME/vixens-ls},
 * else {@code ~/.cache/vixens-ls}); {@code VIXENS_LS_CACHE=off} disables it. It is a cache: deleting it only
 * makes the next check slower.
 */
public final class CheckCache {

    private static final String HEADER = "vixens-ls check cache 2";
    /** {@code AppPlanner.COMPONENT_DIR}, repeated so the fast path does not load the planner. */
    static final String COMPONENT_DIR = "litestream";

    /** What the full pipeline saw, to be recorded. */
    public record Snapshot(String selection, List<String> appDirs, String profilesDir, List<Path> inputs,
            GenerationOutput output) {
    }

    private CheckCache() {
    }

    /** How a selection of apps is written in the cache: {@code all}, or the app names in order. */
    public static String selectionKey(boolean all, List<String> apps) {
        return all ? "all" : "apps:" + String.join(",", new java.util.LinkedHashSet<>(apps));
    }

    /** The number of generated files proven current, or -1 when the full check must run. */
    public static int filesProvenCurrent(Path root, String selection) {
        try {
            Path file = location(root);
            String build = buildId();
            if (file == null || build == null) {
                return -1;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                return -1;
            }
            return verify(new ConfinedPaths(root), lines, build, selection);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Applies the full check's file rules on the way: every input and output must be a regular file reached
     * without a link (a generated file replaced by a link to an identical copy is refused by the full check,
     * so it is never "current" here), marked files count by their first line, and temporary files of an
     * interrupted run are not output.
     */
    private static int verify(ConfinedPaths paths, List<String> lines, String build, String selection)
            throws IOException {
        Path root = paths.root();
        if (lines.size() < 3 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("build\t" + build)
                || !lines.get(2).equals("selection\t" + selection)) {
            return -1;
        }
        Set<String> inputs = new HashSet<>();
        Set<String> outputs = new HashSet<>();
        List<String> appDirs = new ArrayList<>();
        List<String> managed = new ArrayList<>();
        Set<String> components = new HashSet<>();
        String profilesDir = null;
        for (String line : lines.subList(3, lines.size())) {
            String[] f = line.split("\t", -1);
            String kind = f[0];
            if (kind.equals("appdir")) {
                appDirs.add(f[1]);
            } else if (kind.equals("profiles")) {
                profilesDir = f[1];
            } else if (kind.equals("managed")) {
                managed.add(f[1]);
            } else if (kind.equals("component")) {
                components.add(f[1]);
            } else if (kind.equals("input") || kind.equals("output")) {
                if (!digest(paths, f[1], kind.equals("input") ? SourceFile.MAX_BYTES : OutputTree.MAX_READ)
                        .equals(f[2])) {
                    return -1;
                }
                (kind.equals("input") ? inputs : outputs).add(f[1]);
            } else {
                return -1;
            }
        }
        if (profilesDir == null) {
            return -1;
        }
        Set<String> current = new HashSet<>();
        current.add(relative(root, root.resolve(Repository.CONFIG_FILE)));
        if (!paths.allows(root.resolve(profilesDir))) {
            return -1;
        }
        for (Path profile : InputFiles.profiles(root.resolve(profilesDir))) {
            current.add(relative(root, profile));
        }
        Set<String> currentComponents = new HashSet<>();
        for (String dir : appDirs) {
            if (!paths.allows(root.resolve(dir))) {
                return -1;
            }
            InputFiles.AppScan scan = InputFiles.apps(root.resolve(dir), DescriptorLoader.FILE_NAME, COMPONENT_DIR);
            if (!scan.suspects().isEmpty() || !scan.linkedDirectories().isEmpty()) {
                return -1; // the full check refuses these or warns about them
            }
            for (Path descriptor : scan.descriptors()) {
                current.add(relative(root, descriptor));
            }
            scan.componentDirectories().forEach(component -> currentComponents.add(relative(root, component)));
        }
        if (!current.equals(inputs) || !components.equals(currentComponents)) {
            return -1;
        }
        for (String dir : managed) {
            Path start = root.resolve(dir);
            if (!Files.isDirectory(start)) {
                continue;
            }
            if (!paths.allows(start)) {
                return -1;
            }
            for (Path p : InputFiles.regularFiles(start)) {
                if (!outputs.contains(relative(root, p)) && !OutputFiles.isTemporary(p) && Marker.startsFile(p)) {
                    return -1;
                }
            }
        }
        return outputs.size();
    }

    /** Records what a full check (or generate) found current. Failing to write the cache is not an error. */
    public static void record(Path root, Snapshot snapshot) {
        try {
            Path file = location(root);
            String build = buildId();
            if (file == null || build == null) {
                return;
            }
            ConfinedPaths paths = new ConfinedPaths(root);
            Path absolute = paths.root();
            StringBuilder out = new StringBuilder();
            out.append(HEADER).append('\n');
            out.append("build\t").append(build).append('\n');
            out.append("selection\t").append(snapshot.selection()).append('\n');
            for (String dir : snapshot.appDirs()) {
                out.append("appdir\t").append(dir).append('\n');
            }
            out.append("profiles\t").append(snapshot.profilesDir()).append('\n');
            for (String dir : snapshot.output().managedDirs()) {
                out.append("managed\t").append(dir).append('\n');
            }
            for (String dir : componentDirs(absolute, snapshot.appDirs())) {
                out.append("component\t").append(dir).append('\n');
            }
            for (Path input : snapshot.inputs()) {
                String relative = relative(absolute, input);
                out.append("input\t").append(relative).append('\t')
                        .append(digest(paths, relative, SourceFile.MAX_BYTES)).append('\n');
            }
            for (GeneratedFile generated : snapshot.output().files()) {
                out.append("output\t").append(generated.path()).append('\t')
                        .append(digest(generated.content().getBytes(StandardCharsets.UTF_8))).append('\n');
            }
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "check", ".tmp");
            Files.writeString(temp, out, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written only makes the next check slower
        }
    }

    /**
     * Every generated-Component directory below the app directories: one appearing where no descriptor is
     * (a copied or orphaned Component) changes what the full check manages, so it must be seen here too.
     */
    private static Set<String> componentDirs(Path root, List<String> appDirs) {
        Set<String> dirs = new HashSet<>();
        for (String dir : appDirs) {
            for (Path component : InputFiles.apps(root.resolve(dir), DescriptorLoader.FILE_NAME, COMPONENT_DIR)
                    .componentDirectories()) {
                dirs.add(relative(root, component));
            }
        }
        return dirs;
    }

    /** The cache file of a repository, or null when caching is off. */
    static Path location(Path root) {
        Path dir = UserCache.checkCacheOff() ? null : UserCache.dir();
        if (dir == null) {
            return null;
        }
        String key = digest(root.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        return dir.resolve("check-" + key + ".tsv");
    }

    /**
     * Identifies this exact build of the tool: the jar's path, size and modification time. A run from
     * classes (tests) has no stable identity and does not cache unless {@code vixens.buildId} is set.
     */
    static String buildId() {
        String configured = System.getProperty("vixens.buildId");
        if (configured != null) {
            return configured;
        }
        try {
            Path code = Path.of(CheckCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(code)) {
                return null;
            }
            return code.toAbsolutePath() + "|" + Files.size(code) + "|" + Files.getLastModifiedTime(code).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString()
                .replace(root.getFileSystem().getSeparator(), "/");
    }

    /**
     * The digest of a repository file, "absent" when there is none, or "refused" when the full check would
     * refuse it (a link on the way, a special file, more than it reads): never equal to a recorded digest.
     */
    private static String digest(ConfinedPaths paths, String relative, int maxBytes) throws IOException {
        Path file = paths.absolute(relative);
        if (paths.problem(file, "read") != null) {
            return "refused";
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return "absent";
        }
        if (!attributes.isRegularFile() || attributes.size() > maxBytes) {
            return "refused";
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return digest(in.readNBytes(maxBytes));
        }
    }

    /**
     * Length, CRC-32C and Adler-32 of the content: enough to notice any edit (this is a cache of "did it
     * change", not a security boundary), and cheap at start-up, unlike the JCA providers behind
     * MessageDigest.
     */
    static String digest(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        Adler32 adler = new Adler32();
        adler.update(bytes, 0, bytes.length);
        return Integer.toString(bytes.length) + '-' + Long.toHexString(crc.getValue()) + '-'
                + Long.toHexString(adler.getValue());
    }
}
