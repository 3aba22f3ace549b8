package dev.vixens.ls.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The strategic-merge patch applied to the app's workload: what the start-up sequence and the sidecar add
 * to the pod, and the single-writer guard.
 *
 * @param kind Deployment or StatefulSet; for shared building blocks any name, the target selects
 * @param replicas always 1 when present: two writers to one replica corrupt it
 * @param recreate whether to force the {@code Recreate} strategy (Deployments only)
 * @param labels pod labels the Component itself selects on (e.g. from its PodMonitor)
 * @param fsGroup the pod-level {@code fsGroup}, when the descriptor asks for it
 */
public record PodPatch(String kind, String name, Optional<Integer> replicas, boolean recreate,
        Map<String, String> annotations, List<ContainerPlan> initContainers, List<ContainerPlan> containers,
        List<Volume> volumes, Map<String, String> labels, Optional<FsGroup> fsGroup) {

    public PodPatch {
        annotations = Map.copyOf(annotations);
        initContainers = List.copyOf(initContainers);
        containers = List.copyOf(containers);
        volumes = List.copyOf(volumes);
        labels = Map.copyOf(labels);
    }

    /** A patch that adds no pod labels and no pod security context. */
    public PodPatch(String kind, String name, Optional<Integer> replicas, boolean recreate,
            Map<String, String> annotations, List<ContainerPlan> initContainers, List<ContainerPlan> containers,
            List<Volume> volumes) {
        this(kind, name, replicas, recreate, annotations, initContainers, containers, volumes, Map.of(),
                Optional.empty());
    }

    /** Annotations in a stable order. */
    public List<Map.Entry<String, String>> sortedAnnotations() {
        return annotations.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    /** Labels in a stable order. */
    public List<Map.Entry<String, String>> sortedLabels() {
        return labels.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    /** A pod volume: the ConfigMap it shows, or, without one, an empty scratch directory ({@code emptyDir}). */
    public record Volume(String name, Optional<String> configMap) {

        public static Volume configMap(String name, String configMap) {
            return new Volume(name, Optional.of(configMap));
        }

        public static Volume emptyDir(String name) {
            return new Volume(name, Optional.empty());
        }
    }

    /**
     * The restricted-friendly way to hand the data volume to the app and Litestream: the kubelet gives the
     * volume to this group (and makes it group-writable) when it mounts it, and adds the group to every
     * container's groups; no root container is needed. {@code OnRootMismatch} skips that recursive walk when
     * the volume's top directory already has the right group and mode, so a volume with many files does not
     * slow every start; files changed behind the kubelet's back below a correct top directory are not
     * repaired (fix-permissions does that).
     */
    public record FsGroup(long gid) {
        public String changePolicy() {
            return "OnRootMismatch";
        }
    }
}
