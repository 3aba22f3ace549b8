package dev.vixens.ls.importer;

import java.util.List;

/**
 * What the migration Component removes from the base, for its templates.
 *
 * @param base the base directory relative to the app directory, e.g. {@code base}
 * @param configMap the hand-written Litestream ConfigMap, or null when it stays (something else mounts it)
 */
public record MigrationModel(String base, String componentDir, List<String> patchFiles, String workloadKind,
        String workloadName, String workloadSource, List<String> initContainers, List<String> containers,
        List<String> volumes, String configSource, String configMap) {

    public MigrationModel {
        patchFiles = List.copyOf(patchFiles);
        initContainers = List.copyOf(initContainers);
        containers = List.copyOf(containers);
        volumes = List.copyOf(volumes);
    }
}
