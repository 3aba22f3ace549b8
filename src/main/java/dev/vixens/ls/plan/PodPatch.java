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
 */
public record PodPatch(String kind, String name, Optional<Integer> replicas, boolean recreate,
        Map<String, String> annotations, List<ContainerPlan> initContainers, List<ContainerPlan> containers,
        List<Volume> volumes, Map<String, String> labels) {

    public PodPatch {
        annotations = Map.copyOf(annotations);
        initContainers = List.copyOf(initContainers);
        containers = List.copyOf(containers);
        volumes = List.copyOf(volumes);
        labels = Map.copyOf(labels);
    }

    /** A patch that adds no pod labels. */
    public PodPatch(String kind, String name, Optional<Integer> replicas, boolean recreate,
            Map<String, String> annotations, List<ContainerPlan> initContainers, List<ContainerPlan> containers,
            List<Volume> volumes) {
        this(kind, name, replicas, recreate, annotations, initContainers, containers, volumes, Map.of());
    }

    /** Annotations in a stable order. */
    public List<Map.Entry<String, String>> sortedAnnotations() {
        return annotations.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    /** Labels in a stable order. */
    public List<Map.Entry<String, String>> sortedLabels() {
        return labels.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    /** A pod volume backed by a ConfigMap. */
    public record Volume(String name, String configMap) {
    }
}
