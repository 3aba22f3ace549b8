package dev.vixens.ls.output;

import dev.vixens.ls.descriptor.DescriptorLoader;
import dev.vixens.ls.kustomize.KustomizeCommand;
import dev.vixens.ls.kustomize.OverlayFinder;
import dev.vixens.ls.plan.AppPlanner;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.ConfinedPaths;
import dev.vixens.ls.source.InputFiles;
import dev.vixens.ls.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * <p>A check that verified the built overlays also keeps what the builds depended on: the overlay directories
 * of each app, every file the overlays read (a base manifest, a patch, a generator file, and every kustomization
 * file name, present or not) and the kustomize program (path, size, time). The fast check then also requires the
 * same overlays, the same digests and the same program; an overlay that reads anything the digests cannot cover
 * (a remote base, a Helm chart, a plugin, a link, a file outside the repository) is never cached.
 *
 * <p>The cache lives outside the repository ({@code $VIXENS_LS_CACHE} or the system property
 * {@code vixens.cache}, else {@code $XDG_CACHE_HOME/vixens-ls},
 * else {@code ~/.cache/vixens-ls}); {@code VIXENS_LS_CACHE=off} disables it. It is a cache: deleting it only
 * makes the next check slower.
 */
public final class CheckCache {

    private static final String HEADER = "vixens-ls check cache 3";
    /** The largest file an overlay reads whose digest is kept; a larger one is never cached. */
    private static final int MAX_OVERLAY_FILE = 64 << 20;
    /**
     * The start and end of the line a check prints when every generated file is current ({@link #currentLine});
     * the fast path prints the recorded line again.
     */
    private static final String CURRENT_START = "check: ";
    private static final String CURRENT_END = " generated files are current";

    /**
     * What the full pipeline saw, to be recorded.
     *
     * @param summary the line the check printed, which the fast check prints again
     * @param overlays what the overlay builds depended on, when they were verified
     */
    public record Snapshot(String selection, List<String> appDirs, String profilesDir, List<Path> inputs,
            GenerationOutput output, String summary, Optional<Overlays> overlays) {

        /** A snapshot of the generated files only (generate, or check without verifying the overlays). */
        public Snapshot(String selection, List<String> appDirs, String profilesDir, List<Path> inputs,
                GenerationOutput output) {
            this(selection, appDirs, profilesDir, inputs, output, currentLine(output.files().size()),
                    Optional.empty());
        }
    }

    /**
     * What the overlay builds depended on.
     *
     * @param patterns the overlay patterns of the repository config
     * @param kustomize the kustomize command as configured (empty: the first found)
     * @param program the program the command resolved to
     * @param overlays the overlay directories of each app directory, repository-relative
     * @param filesRead every file a build read, absolute
     * @param cacheable false when the builds depend on more than {@code filesRead}
     */
    public record Overlays(List<String> patterns, List<String> kustomize, Path program,
            Map<String, List<String>> overlays, Set<Path> filesRead, boolean cacheable) {
    }

    private CheckCache() {
    }

    /** What check prints first when the {@code files} generated files are all current. */
    public static String currentLine(int files) {
        return CURRENT_START + files + CURRENT_END;
    }

    /** The selection of a check of the generated files only (generate, check --no-verify). */
    public static String selectionKey(boolean all, List<String> apps) {
        return selectionKey(all, apps, false);
    }

    /**
     * How a selection of apps is written in the cache: {@code all}, or the app names in order, and whether the
     * check was asked to verify the overlays (the repository config, digested too, may still turn that off).
     */
    public static String selectionKey(boolean all, List<String> apps, boolean verify) {
        return (all ? "all" : "apps:" + String.join(",", new java.util.LinkedHashSet<>(apps)))
                + (verify ? "" : ";files-only");
    }

    /** The number of generated files proven current, or -1 when the full check must run. */
    public static int filesProvenCurrent(Path root, String selection) {
        String summary = provenSummary(root, selection);
        if (summary == null) {
            return -1;
        }
        Matcher files = Pattern.compile("^" + Pattern.quote(CURRENT_START) + "(\\d+)" + Pattern.quote(CURRENT_END))
                .matcher(summary);
        return files.find() ? Integer.parseInt(files.group(1)) : -1;
    }

    /** The line the full check printed when it found everything current, or null when it must run again. */
    public static String provenSummary(Path root, String selection) {
        try {
            Path file = CacheKeys.location(root);
            String build = CacheKeys.buildId();
            if (file == null || build == null) {
                return null;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                return null;
            }
            return verify(new ConfinedPaths(root), lines, build, selection);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Applies the full check's file rules on the way: every input and output must be a regular file reached
     * without a link (a generated file replaced by a link to an identical copy is refused by the full check,
     * so it is never "current" here), marked files count by their first line, and temporary files of an
     * interrupted run are not output.
     */
    private static String verify(ConfinedPaths paths, List<String> lines, String build, String selection)
            throws IOException {
        Path root = paths.root();
        if (lines.size() < 4 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("build\t" + build)
                || !lines.get(2).equals("selection\t" + selection) || !lines.get(3).startsWith("summary\t")) {
            return null;
        }
        String summary = lines.get(3).substring("summary\t".length());
        Set<String> inputs = new HashSet<>();
        Set<String> outputs = new HashSet<>();
        List<String> appDirs = new ArrayList<>();
        List<String> managed = new ArrayList<>();
        Set<String> components = new HashSet<>();
        String profilesDir = null;
        List<String> patterns = new ArrayList<>();
        List<String> kustomize = null;
        String program = null;
        Map<String, List<String>> overlays = new LinkedHashMap<>();
        for (String line : lines.subList(4, lines.size())) {
            String[] f = line.split("\t", -1);
            String kind = f[0];
            if (kind.equals("pattern")) {
                patterns.add(f[1]);
            } else if (kind.equals("kustomize")) {
                kustomize = List.of(f).subList(1, f.length);
            } else if (kind.equals("program")) {
                program = f[1];
            } else if (kind.equals("overlays")) {
                overlays.put(f[1], List.of(f).subList(2, f.length));
            } else if (kind.equals("read")) {
                if (!CacheKeys.digest(paths, f[1], MAX_OVERLAY_FILE).equals(f[2])) {
                    return null;
                }
            } else if (kind.equals("appdir")) {
                appDirs.add(f[1]);
            } else if (kind.equals("profiles")) {
                profilesDir = f[1];
            } else if (kind.equals("managed")) {
                managed.add(f[1]);
            } else if (kind.equals("component")) {
                components.add(f[1]);
            } else if (kind.equals("input") || kind.equals("output")) {
                if (!CacheKeys.digest(paths, f[1], kind.equals("input") ? SourceFile.MAX_BYTES : OutputTree.MAX_READ)
                        .equals(f[2])) {
                    return null;
                }
                (kind.equals("input") ? inputs : outputs).add(f[1]);
            } else {
                return null;
            }
        }
        if (profilesDir == null) {
            return null;
        }
        if (kustomize != null && !sameOverlays(root, patterns, kustomize, program, overlays)) {
            return null;
        }
        Set<String> current = new HashSet<>();
        current.add(relative(root, root.resolve(Repository.CONFIG_FILE)));
        if (!paths.allows(root.resolve(profilesDir))) {
            return null;
        }
        for (Path profile : InputFiles.profiles(root.resolve(profilesDir))) {
            current.add(relative(root, profile));
        }
        Set<String> currentComponents = new HashSet<>();
        for (String dir : appDirs) {
            if (!paths.allows(root.resolve(dir))) {
                return null;
            }
            InputFiles.AppScan scan = InputFiles.apps(root.resolve(dir), DescriptorLoader.FILE_NAME,
                    AppPlanner.COMPONENT_DIR);
            if (!scan.suspects().isEmpty() || !scan.linkedDirectories().isEmpty()) {
                return null; // the full check refuses these or warns about them
            }
            for (Path descriptor : scan.descriptors()) {
                current.add(relative(root, descriptor));
            }
            scan.componentDirectories().forEach(component -> currentComponents.add(relative(root, component)));
        }
        if (!current.equals(inputs) || !components.equals(currentComponents)) {
            return null;
        }
        for (String dir : managed) {
            Path start = root.resolve(dir);
            if (!Files.isDirectory(start)) {
                continue;
            }
            if (!paths.allows(start)) {
                return null;
            }
            for (Path p : InputFiles.regularFiles(start)) {
                if (!outputs.contains(relative(root, p)) && !OutputFiles.isTemporary(p) && Marker.startsFile(p)) {
                    return null;
                }
            }
        }
        return summary;
    }

    /** The same kustomize program, and the same overlay directories for every app. */
    private static boolean sameOverlays(Path root, List<String> patterns, List<String> kustomize, String program,
            Map<String, List<String>> overlays) {
        if (program == null || !program.equals(programId(KustomizeCommand.program(kustomize)))) {
            return false;
        }
        for (Map.Entry<String, List<String>> app : overlays.entrySet()) {
            List<String> found = new ArrayList<>();
            for (Path dir : OverlayFinder.find(root.resolve(app.getKey()), patterns)) {
                found.add(relative(root, dir));
            }
            if (!found.equals(app.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Path, size and modification time of the kustomize program: another build of it may build differently. */
    private static String programId(Path program) {
        try {
            return program == null ? "none" : program + "|" + Files.size(program) + "|"
                    + Files.getLastModifiedTime(program).toMillis();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** Records what a full check (or generate) found current. Failing to write the cache is not an error. */
    public static void record(Path root, Snapshot snapshot) {
        try {
            Path file = CacheKeys.location(root);
            String build = CacheKeys.buildId();
            if (file == null || build == null) {
                return;
            }
            if (snapshot.overlays().filter(o -> !o.cacheable()).isPresent()
                    || snapshot.summary().contains("\n") || snapshot.summary().contains("\t")) {
                Files.deleteIfExists(file);
                return;
            }
            ConfinedPaths paths = new ConfinedPaths(root);
            Path absolute = paths.root();
            StringBuilder out = new StringBuilder();
            out.append(HEADER).append('\n');
            out.append("build\t").append(build).append('\n');
            out.append("selection\t").append(snapshot.selection()).append('\n');
            out.append("summary\t").append(snapshot.summary()).append('\n');
            if (snapshot.overlays().isPresent() && !overlays(out, snapshot, paths)) {
                Files.deleteIfExists(file);
                return;
            }
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
                        .append(CacheKeys.digest(paths, relative, SourceFile.MAX_BYTES)).append('\n');
            }
            for (GeneratedFile generated : snapshot.output().files()) {
                out.append("output\t").append(generated.path()).append('\t')
                        .append(CacheKeys.digest(generated.content().getBytes(StandardCharsets.UTF_8))).append('\n');
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
     * The lines of what the overlay builds depended on; false when one of the files cannot be covered by a
     * digest (a link, a special or huge file), and so nothing may be cached.
     */
    private static boolean overlays(StringBuilder out, Snapshot snapshot, ConfinedPaths paths) throws IOException {
        Overlays overlays = snapshot.overlays().orElseThrow();
        overlays.patterns().forEach(p -> out.append("pattern\t").append(p).append('\n'));
        out.append("kustomize");
        overlays.kustomize().forEach(word -> out.append('\t').append(word));
        out.append('\n');
        out.append("program\t").append(programId(overlays.program())).append('\n');
        overlays.overlays().forEach((app, dirs) -> {
            out.append("overlays\t").append(app);
            dirs.forEach(dir -> out.append('\t').append(dir));
            out.append('\n');
        });
        Set<String> generated = new HashSet<>();
        snapshot.output().files().forEach(f -> generated.add(f.path()));
        for (Path read : overlays.filesRead()) {
            String path = relative(paths.root(), read);
            if (generated.contains(path)) {
                continue; // a generated file read by an overlay is digested once, as an output
            }
            String digest = CacheKeys.digest(paths, path, MAX_OVERLAY_FILE);
            if (digest.equals("refused")) {
                return false;
            }
            out.append("read\t").append(path).append('\t').append(digest).append('\n');
        }
        return true;
    }

    /**
     * Every generated-Component directory below the app directories: one appearing where no descriptor is
     * (a copied or orphaned Component) changes what the full check manages, so it must be seen here too.
     */
    private static Set<String> componentDirs(Path root, List<String> appDirs) {
        Set<String> dirs = new HashSet<>();
        for (String dir : appDirs) {
            for (Path component : InputFiles.apps(root.resolve(dir), DescriptorLoader.FILE_NAME,
                    AppPlanner.COMPONENT_DIR).componentDirectories()) {
                dirs.add(relative(root, component));
            }
        }
        return dirs;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString()
                .replace(root.getFileSystem().getSeparator(), "/");
    }
}
