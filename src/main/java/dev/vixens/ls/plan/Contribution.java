package dev.vixens.ls.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@link StartupStep} adds to an app's Component: containers, pod annotations and labels, the
 * single-writer settings, the pod's {@code fsGroup}, and files that become resources of the Component. Steps
 * return one; {@link #plus} folds them, in the order of the step list. Immutable; start from {@link #NONE}.
 *
 * @param replicas the pod count, when the step fixes it
 * @param recreate whether the step forces the {@code Recreate} strategy
 * @param resources files the Component lists as resources (a PodMonitor, the drill's CronJob)
 */
public record Contribution(List<ContainerPlan> initContainers, List<ContainerPlan> containers,
        Map<String, String> annotations, Map<String, String> podLabels, Optional<Integer> replicas, boolean recreate,
        Optional<PodPatch.FsGroup> fsGroup, List<EmittedFile> resources) {

    public static final Contribution NONE = new Contribution(List.of(), List.of(), Map.of(), Map.of(),
            Optional.empty(), false, Optional.empty(), List.of());

    public Contribution {
        initContainers = List.copyOf(initContainers);
        containers = List.copyOf(containers);
        annotations = Map.copyOf(annotations);
        podLabels = Map.copyOf(podLabels);
        resources = List.copyOf(resources);
    }

    public Contribution initContainer(ContainerPlan container) {
        return new Contribution(append(initContainers, container), containers, annotations, podLabels, replicas,
                recreate, fsGroup, resources);
    }

    public Contribution container(ContainerPlan container) {
        return new Contribution(initContainers, append(containers, container), annotations, podLabels, replicas,
                recreate, fsGroup, resources);
    }

    public Contribution annotation(String key, String value) {
        return new Contribution(initContainers, containers, put(annotations, key, value), podLabels, replicas,
                recreate, fsGroup, resources);
    }

    public Contribution podLabel(String key, String value) {
        return new Contribution(initContainers, containers, annotations, put(podLabels, key, value), replicas,
                recreate, fsGroup, resources);
    }

    public Contribution singleWriter(boolean recreateStrategy) {
        return new Contribution(initContainers, containers, annotations, podLabels, Optional.of(1),
                recreateStrategy, fsGroup, resources);
    }

    public Contribution fsGroup(PodPatch.FsGroup group) {
        return new Contribution(initContainers, containers, annotations, podLabels, replicas, recreate,
                Optional.of(group), resources);
    }

    public Contribution resource(EmittedFile file) {
        return new Contribution(initContainers, containers, annotations, podLabels, replicas, recreate, fsGroup,
                append(resources, file));
    }

    /** This contribution, then {@code next}'s: lists in that order, maps merged, settings of either. */
    public Contribution plus(Contribution next) {
        Map<String, String> allAnnotations = new LinkedHashMap<>(annotations);
        allAnnotations.putAll(next.annotations);
        Map<String, String> allLabels = new LinkedHashMap<>(podLabels);
        allLabels.putAll(next.podLabels);
        return new Contribution(concat(initContainers, next.initContainers), concat(containers, next.containers),
                allAnnotations, allLabels, next.replicas.or(() -> replicas), recreate || next.recreate,
                next.fsGroup.or(() -> fsGroup), concat(resources, next.resources));
    }

    /** Every container, init containers first. */
    public List<ContainerPlan> allContainers() {
        return concat(initContainers, containers);
    }

    private static <T> List<T> append(List<T> list, T item) {
        return concat(list, List.of(item));
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static Map<String, String> put(Map<String, String> map, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
