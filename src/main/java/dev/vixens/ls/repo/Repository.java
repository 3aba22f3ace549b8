package dev.vixens.ls.repo;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.descriptor.DescriptorLoader;
import dev.vixens.ls.plan.AppPlanner;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.profile.ProfileLoader;
import dev.vixens.ls.source.ConfinedPaths;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.InputFiles;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.version.BuildInfo;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A repository the tool manages: the directory holding {@value #CONFIG_FILE}, found like git finds
 * {@code .git}. Everything the tool reads or writes is resolved against this root through
 * {@link ConfinedPaths} and must stay inside it, never through a symbolic link. The apps and the profile
 * catalog are found on first use (a command that needs neither never walks the tree or reads a profile), once,
 * under this object's lock, so any thread may ask first; the pipeline's load stage reads them into the
 * immutable {@code pipeline.LoadedRepository} before anything goes parallel.
 */
public final class Repository {

    public static final String CONFIG_FILE = ".vixens-ls.yaml";

    private final ConfinedPaths paths;
    private final RepoConfig config;
    private final List<String> warnings = new ArrayList<>();
    private final List<Path> components = new ArrayList<>();
    private Map<String, AppRef> apps;
    private ProfileCatalog profiles;

    private Repository(ConfinedPaths paths, RepoConfig config) {
        this.paths = paths;
        this.config = config;
    }

    /** Walks up from {@code start} to the first directory holding {@value #CONFIG_FILE}. */
    public static Repository discover(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        Path root = findRoot(dir);
        if (root != null) {
            return open(root);
        }
        throw new InputException(Location.commandLine(), "no " + CONFIG_FILE + " in " + dir + " or any parent"
                + " directory: this is not a repository vixens-ls manages yet; run 'vixens-ls setup' at your"
                + " repository's root to create one, or pass --repo DIR");
    }

    /** The nearest directory at or above {@code start} holding {@value #CONFIG_FILE} (even a broken one), or null. */
    public static Path findRoot(Path start) {
        for (Path candidate = start.toAbsolutePath().normalize(); candidate != null;
                candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve(CONFIG_FILE), LinkOption.NOFOLLOW_LINKS)) {
                return candidate;
            }
        }
        return null;
    }

    /** Opens the repository rooted exactly at {@code root}. */
    public static Repository open(Path root) {
        ConfinedPaths paths = new ConfinedPaths(root);
        Path file = paths.root().resolve(CONFIG_FILE);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(Location.commandLine(), "not a vixens-ls repository: " + paths.root()
                    + " has no " + CONFIG_FILE + "; run 'vixens-ls setup --repo " + paths.root() + "' to create one");
        }
        RepoConfig config = RepoConfigLoader.load(paths.read(file));
        RepoConfigLoader.checkDirectories(config, paths);
        return new Repository(paths, config);
    }

    /**
     * For commands that work on any files but run inside a repository (lint): refuses when the repository's
     * {@code requires:} does not admit this tool, without reading the rest of its configuration.
     */
    public static void checkRequiredVersion(Path root) {
        Path file = root.toAbsolutePath().normalize().resolve(CONFIG_FILE);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            RequiredVersion.check(SourceFile.read(file, CONFIG_FILE), BuildInfo.current());
        }
    }

    public Path root() {
        return paths.root();
    }

    public RepoConfig config() {
        return config;
    }

    /** The rules every path the tool reads or writes in this repository goes through. */
    public ConfinedPaths paths() {
        return paths;
    }

    /** A path inside the repository as shown to the user: relative to the root, '/'-separated. */
    public String display(Path path) {
        return paths.display(path);
    }

    /** Resolves a '/'-separated repository-relative path (not checked; read and write through {@link #paths}). */
    public Path resolve(String relative) {
        return paths.absolute(relative);
    }

    /**
     * What the tool noticed and says on every run, one line each, for the command to print on stderr: what it
     * skipped while looking at the repository (a symbolic link to an app directory), and a repository profile
     * that stops the backups of a built-in one.
     */
    public synchronized List<String> warnings() {
        apps();
        List<String> all = new ArrayList<>(warnings);
        all.addAll(profiles().warnings());
        return all;
    }

    /** Every directory named like a generated Component below the apps directories (found with the apps). */
    public synchronized List<Path> componentDirectories() {
        apps();
        return List.copyOf(components);
    }

    public synchronized ProfileCatalog profiles() {
        if (profiles == null) {
            profiles = ProfileLoader.load(resolve(config.profilesDir()), paths);
        }
        return profiles;
    }

    /** Every app with a descriptor, ordered by name. */
    public synchronized Collection<AppRef> apps() {
        if (apps == null) {
            apps = discoverApps();
        }
        return apps.values();
    }

    /**
     * Every file whose content can change what generate writes: the repository config, the repository's
     * profile files and every descriptor (all of them, since any can make another app's name a duplicate).
     */
    public List<Path> inputFiles() {
        List<Path> files = new ArrayList<>();
        files.add(root().resolve(CONFIG_FILE));
        files.addAll(InputFiles.profiles(resolve(config.profilesDir())));
        apps().forEach(app -> files.add(app.descriptor()));
        return files;
    }

    /** The apps directories as a person reads them: "apps/ (which does not exist)" says why nothing was found. */
    public String searchedAppDirs() {
        return String.join(", ", config.appDirs().stream()
                .map(dir -> dir + "/" + (Files.isDirectory(resolve(dir)) ? "" : " (which does not exist)"))
                .toList());
    }

    public synchronized AppRef app(String name) {
        apps();
        AppRef app = apps.get(name);
        if (app == null) {
            throw new InputException(Location.commandLine(), "unknown app " + Problem.quote(name) + ": no "
                    + DescriptorLoader.FILE_NAME + " in a directory of that name under "
                    + String.join(", ", config.appDirs()) + (apps.isEmpty() ? "" : "; known apps: "
                    + Problem.list(apps.keySet(), 30)));
        }
        return app;
    }

    public AppDescriptor load(AppRef app) {
        return DescriptorLoader.load(paths.read(app.descriptor()), app.directory(), config.defaults());
    }

    private Map<String, AppRef> discoverApps() {
        List<AppRef> found = new ArrayList<>();
        for (String dir : config.appDirs()) {
            Path start = resolve(dir);
            InputFiles.AppScan scan = InputFiles.apps(start, DescriptorLoader.FILE_NAME, AppPlanner.COMPONENT_DIR);
            for (Path file : scan.descriptors()) {
                Path appDir = file.getParent();
                found.add(new AppRef(appDir.getFileName().toString(), display(appDir), file));
            }
            for (Path suspect : scan.suspects()) {
                refuseSuspect(suspect);
            }
            for (Path link : scan.linkedDirectories()) {
                warnings.add("warning: " + display(link) + " is a symbolic link to a directory; vixens-ls follows no"
                        + " link inside the repository, so no app below it is generated or checked (move the"
                        + " directory there instead of linking it)");
            }
            components.addAll(scan.componentDirectories());
        }
        found.sort((a, b) -> a.name().equals(b.name())
                ? a.directory().compareTo(b.directory())
                : a.name().compareTo(b.name()));
        Map<String, AppRef> byName = new LinkedHashMap<>();
        for (AppRef app : found) {
            AppRef first = byName.putIfAbsent(app.name(), app);
            if (first != null) {
                throw new InputException(Location.startOf(display(app.descriptor())), "app '" + app.name()
                        + "' is declared twice: in " + first.directory() + " and in " + app.directory()
                        + "; app names must be unique");
            }
        }
        RepoConfigLoader.checkShared(config, found.stream().map(AppRef::directory).toList(),
                components.stream().map(this::display).toList());
        return byName;
    }

    /**
     * A file that looks like a descriptor but would not be read as one. Skipping it would be silent: the app
     * would not be generated or checked, and {@code generate --all} would delete its Component as orphaned.
     */
    private void refuseSuspect(Path suspect) {
        String shown = display(suspect);
        Path exact = suspect.resolveSibling(DescriptorLoader.FILE_NAME);
        boolean exactIsFile = Files.isRegularFile(exact, LinkOption.NOFOLLOW_LINKS);
        if (suspect.getFileName().toString().equals(DescriptorLoader.FILE_NAME)) {
            SourceFile.read(suspect, shown); // a link or a special file: refused with its reason
        }
        if (exactIsFile) {
            return; // a copy beside the real descriptor (vixens-backup.yml.orig style): not an app of its own
        }
        throw new InputException(Location.startOf(shown), "named like an app descriptor, but vixens-ls reads only"
                + " files named exactly " + DescriptorLoader.FILE_NAME + "; rename it (without a descriptor,"
                + " generate --all would take " + display(suspect.resolveSibling(AppPlanner.COMPONENT_DIR))
                + "/ for an orphaned Component and delete it)");
    }
}
