package dev.vixens.ls.pipeline;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.descriptor.DescriptorLoader;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InOrder;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.ProblemCollector;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The load stage: the selection, the profile catalog and every descriptor, read once into a
 * {@link LoadedRepository}. A problem in one selected app does not hide the next: every unknown app name, bad
 * profile file and bad descriptor of the run is collected and reported together (one exit code).
 */
final class Loader {

    private Loader() {
    }

    /**
     * Reads the repository, adding each problem of the selection to {@code problems}: the selected apps that do
     * not load are left out of the result, so that the next stages still report the problems of the others.
     * Stops at once only when nothing can go on (no profile catalog, a selection that is wrong as a whole).
     */
    static LoadedRepository load(Repository repo, Selection selection, ProblemCollector problems) {
        List<AppRef> requested = select(repo, selection, problems);
        Optional<ProfileCatalog> profiles = problems.attempt(repo::profiles);
        Set<String> names = new HashSet<>();
        requested.forEach(app -> names.add(app.name()));
        List<AppRef> apps = List.copyOf(repo.apps());
        List<Optional<AppDescriptor>> loaded = InOrder.map(apps, app -> names.contains(app.name())
                ? problems.attempt(() -> repo.load(app)) : loadOrSkip(repo, app));
        if (profiles.isEmpty()) {
            problems.throwIfAny();
        }
        Map<String, AppDescriptor> descriptors = new HashMap<>();
        Set<String> failed = new HashSet<>(names);
        for (int i = 0; i < apps.size(); i++) {
            AppRef app = apps.get(i);
            loaded.get(i).ifPresent(d -> {
                descriptors.put(app.name(), d);
                failed.remove(app.name());
            });
        }
        List<AppRef> selected = requested.stream().filter(app -> !failed.contains(app.name())).toList();
        return new LoadedRepository(repo, profiles.orElseThrow(), selected, descriptors, repo.warnings(),
                selection.all() ? orphanedComponents(repo) : List.of());
    }

    /** The apps named, or every app for {@code --all}; every unknown name is a problem of its own. */
    private static List<AppRef> select(Repository repo, Selection selection, ProblemCollector problems) {
        if (selection.all() && !selection.apps().isEmpty()) {
            throw new InputException(Location.commandLine(), "give app names or --all, not both");
        }
        if (selection.all()) {
            if (repo.apps().isEmpty()) {
                throw new InputException(Location.startOf(Repository.CONFIG_FILE), "no app descriptors ("
                        + DescriptorLoader.FILE_NAME + ") found under " + repo.searchedAppDirs() + "; describe an app"
                        + " with 'vixens-ls init APP' or 'vixens-ls import APP_DIR', or list your app directories"
                        + " under 'apps:'");
            }
            return List.copyOf(repo.apps());
        }
        if (selection.apps().isEmpty()) {
            throw new InputException(Location.commandLine(), "name at least one app, or pass --all");
        }
        List<AppRef> selected = new ArrayList<>();
        for (String name : new LinkedHashSet<>(selection.apps())) {
            problems.attempt(() -> repo.app(name)).ifPresent(selected::add);
        }
        return selected;
    }

    /** An app outside the selection: a broken one never blocks another's run (its own run reports it). */
    private static Optional<AppDescriptor> loadOrSkip(Repository repo, AppRef app) {
        try {
            return Optional.of(repo.load(app));
        } catch (InputException e) {
            return Optional.empty();
        }
    }

    /**
     * Generated Components of apps whose descriptor is gone ({@code <dir>/litestream} without
     * {@code <dir>/vixens-backup.yaml}). With {@code --all} they are managed too, so their marked files count as
     * stale: check reports them, generate deletes them (files without the marker stay).
     */
    private static List<String> orphanedComponents(Repository repo) {
        List<String> orphans = new ArrayList<>();
        for (Path component : repo.componentDirectories()) {
            if (!Files.isRegularFile(component.resolveSibling(DescriptorLoader.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
                orphans.add(repo.display(component));
            }
        }
        return orphans;
    }
}
