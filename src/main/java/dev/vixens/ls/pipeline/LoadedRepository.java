package dev.vixens.ls.pipeline;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import java.util.List;
import java.util.Map;

/**
 * What the load stage read, frozen: the repository (its root and configuration), the profile catalog, and the
 * descriptor of every app that loaded. Built at once by {@link Loader}, which collects every problem of the
 * selected apps before anything plans, so no later stage finds a half-read repository or has to warm a lazy
 * one before going parallel.
 *
 * @param selected the apps the run works on that loaded, in the order given (by name for {@code --all})
 * @param descriptors every app that loaded, by name: all the selected ones, and the others that could be read
 *     (their replicas are compared with the selected apps'); an unreadable other app is left out here and
 *     reported by its own run
 * @param warnings what the run says on stderr however current the tree is (skipped links, a repository profile
 *     that stops the backups of a built-in one)
 * @param orphanedComponents generated Components without a descriptor, when every app is selected
 */
public record LoadedRepository(Repository repository, ProfileCatalog profiles, List<AppRef> selected,
        Map<String, AppDescriptor> descriptors, List<String> warnings, List<String> orphanedComponents) {

    public LoadedRepository {
        selected = List.copyOf(selected);
        descriptors = Map.copyOf(descriptors);
        warnings = List.copyOf(warnings);
        orphanedComponents = List.copyOf(orphanedComponents);
    }

    public AppDescriptor descriptor(AppRef app) {
        return descriptors.get(app.name());
    }

    /** The apps outside the selection that loaded, by name. */
    public List<AppDescriptor> others() {
        return descriptors.entrySet().stream()
                .filter(e -> selected.stream().noneMatch(app -> app.name().equals(e.getKey())))
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
    }
}
