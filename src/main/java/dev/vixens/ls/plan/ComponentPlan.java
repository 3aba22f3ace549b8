package dev.vixens.ls.plan;

import java.util.List;
import java.util.Optional;

/**
 * A Kustomize Component: the Components it includes, its patches, generated ConfigMaps and plain resources.
 */
public record ComponentPlan(List<String> components, List<Patch> patches, List<ConfigMapGenerator> configMaps,
        List<String> resources) {

    public ComponentPlan {
        components = List.copyOf(components);
        patches = List.copyOf(patches);
        configMaps = List.copyOf(configMaps);
        resources = List.copyOf(resources);
    }

    /** A patch file, applied to the resource it names or to every resource the target selects. */
    public record Patch(String path, Optional<String> targetKind) {
    }

    /**
     * @param namespace the app's namespace; without it, a base that sets the namespace while the overlay does
     *     not leaves the ConfigMap in another namespace, and Kustomize no longer rewrites the volume's
     *     reference to the hashed name
     */
    public record ConfigMapGenerator(String name, Optional<String> namespace, List<String> files) {
        public ConfigMapGenerator {
            files = List.copyOf(files);
        }
    }
}
