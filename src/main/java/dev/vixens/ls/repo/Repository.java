package dev.vixens.ls.repo;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.descriptor.DescriptorLoader;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.profile.ProfileLoader;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.InputFiles;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.version.BuildInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A repository the tool manages: the directory holding {@value #CONFIG_FILE}, found like git finds
 * {@code .git}. Everything the tool reads or writes is resolved against this root and must stay inside it.
 */
public final class Repository {

    public static final String CONFIG_FILE = ".vixens-ls.yaml";

    private final Path root;
    private final RepoConfig config;
    private Map<String, AppRef> apps;
    private ProfileCatalog profiles;

    private Repository(Path root, RepoConfig config) {
        this.root = root;
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

    /** The nearest directory at or above {@code start} holding {@value #CONFIG_FILE}, or null. */
    public static Path findRoot(Path start) {
        for (Path candidate = start.toAbsolutePath().normalize(); candidate != null;
                candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve(CONFIG_FILE))) {
                return candidate;
            }
        }
        return null;
    }

    /** Opens the repository rooted exactly at {@code root}. */
    public static Repository open(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        Path file = absolute.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(file)) {
            throw new InputException(Location.commandLine(), "not a vixens-ls repository: " + absolute
                    + " has no " + CONFIG_FILE + "; run 'vixens-ls setup --repo " + absolute + "' to create one");
        }
        RepoConfig config = RepoConfigLoader.load(SourceFile.read(file, CONFIG_FILE));
        return new Repository(absolute, config);
    }

    /**
     * For commands that work on any files but run inside a repository (lint): refuses when the repository's
     * {@code requires:} does not admit this tool, without reading the rest of its configuration.
     */
    public static void checkRequiredVersion(Path root) {
        Path file = root.toAbsolutePath().normalize().resolve(CONFIG_FILE);
        if (Files.isRegularFile(file)) {
            RequiredVersion.check(SourceFile.read(file, CONFIG_FILE), BuildInfo.current());
        }
    }

    public Path root() {
        return root;
    }

    public RepoConfig config() {
        return config;
    }

    /** A path inside the repository as shown to the user: relative to the root, '/'-separated. */
    public String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (absolute.startsWith(root)) {
            return root.relativize(absolute).toString().replace(root.getFileSystem().getSeparator(), "/");
        }
        return absolute.toString();
    }

    /** Resolves a '/'-separated repository-relative path. */
    public Path resolve(String relative) {
        return root.resolve(relative.replace("/", root.getFileSystem().getSeparator())).normalize();
    }

    public ProfileCatalog profiles() {
        if (profiles == null) {
            profiles = ProfileLoader.load(resolve(config.profilesDir()), this::display);
        }
        return profiles;
    }

    /** Every app with a descriptor, ordered by name. */
    public Collection<AppRef> apps() {
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
        files.add(root.resolve(CONFIG_FILE));
        files.addAll(InputFiles.profiles(resolve(config.profilesDir())));
        apps().forEach(app -> files.add(app.descriptor()));
        return files;
    }

    public AppRef app(String name) {
        apps();
        AppRef app = apps.get(name);
        if (app == null) {
            throw new InputException(Location.commandLine(), "unknown app '" + name + "': no "
                    + DescriptorLoader.FILE_NAME + " in a directory named '" + name + "' under "
                    + String.join(", ", config.appDirs()) + (apps.isEmpty() ? "" : "; known apps: "
                    + String.join(", ", apps.keySet())));
        }
        return app;
    }

    public AppDescriptor load(AppRef app) {
        SourceFile source = SourceFile.read(app.descriptor(), display(app.descriptor()));
        return DescriptorLoader.load(source, app.directory(), config.defaults());
    }

    private Map<String, AppRef> discoverApps() {
        List<AppRef> found = new ArrayList<>();
        for (String dir : config.appDirs()) {
            Path start = resolve(dir);
            found.addAll(scan(start));
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
        return byName;
    }

    private List<AppRef> scan(Path start) {
        List<AppRef> found = new ArrayList<>();
        for (Path file : InputFiles.descriptors(start, DescriptorLoader.FILE_NAME)) {
            Path dir = file.getParent();
            found.add(new AppRef(dir.getFileName().toString(), display(dir), file));
        }
        return found;
    }
}
