package dev.vixens.ls.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@link StartupStep} adds to an app's Component: containers, pod annotations and labels, the
 * single-writer settings, the pod's {@code fsGroup}, and files that become resources of the Component. Steps
 * return one; {@link #fold} makes one of them, in the order of the step list. Immutable; start from
 * {@link #NONE}.
 *
 * @param replicas the pod count, when the step fixes it
 * @param recreate whether the step forces the {@code Recreate} strategy
 * @param resources files the Component lists as resources (a PodMonitor, the drill's CronJob)
 * @param files files written beside the Component that are not its resources (a plain alert rules file)
 */
public record Contribution(List<ContainerPlan> initContainers, List<ContainerPlan> containers,
        Map<String, String> annotations, Map<String, String> podLabels, Optional<Integer> replicas, boolean recreate,
        Optional<PodPatch.FsGroup> fsGroup, List<EmittedFile> resources, List<EmittedFile> files) {

    public static final Contribution NONE = new Contribution(List.of(), List.of(), Map.of(), Map.of(),
            Optional.empty(), false, Optional.empty(), List.of(), List.of());

    public Contribution {
        initContainers = List.copyOf(initContainers);
        containers = List.copyOf(containers);
        annotations = Map.copyOf(annotations);
        podLabels = Map.copyOf(podLabels);
        resources = List.copyOf(resources);
        files = List.copyOf(files);
    }

    public Contribution initContainer(ContainerPlan container) {
        return new Contribution(append(initContainers, container), containers, annotations, podLabels, replicas,
                recreate, fsGroup, resources, files);
    }

    public Contribution container(ContainerPlan container) {
        return new Contribution(initContainers, append(containers, container), annotations, podLabels, replicas,
                recreate, fsGroup, resources, files);
    }

    public Contribution annotation(String key, String value) {
        return new Contribution(initContainers, containers, put(annotations, key, value), podLabels, replicas,
                recreate, fsGroup, resources, files);
    }

    public Contribution podLabel(String key, String value) {
        return new Contribution(initContainers, containers, annotations, put(podLabels, key, value), replicas,
                recreate, fsGroup, resources, files);
    }

    public Contribution singleWriter(boolean recreateStrategy) {
        return new Contribution(initContainers, containers, annotations, podLabels, Optional.of(1),
                recreateStrategy, fsGroup, resources, files);
    }

    public Contribution fsGroup(PodPatch.FsGroup group) {
        return new Contribution(initContainers, containers, annotations, podLabels, replicas, recreate,
                Optional.of(group), resources, files);
    }

    public Contribution resource(EmittedFile file) {
        return new Contribution(initContainers, containers, annotations, podLabels, replicas, recreate, fsGroup,
                append(resources, file), files);
    }

    public Contribution file(EmittedFile file) {
        return new Contribution(initContainers, containers, annotations, podLabels, replicas, recreate, fsGroup,
                resources, append(files, file));
    }

    /**
     * The fold: every contribution's lists in the order given, their maps merged, the settings any of them
     * makes (a later one wins). One pass, so that planning many apps copies each list once.
     */
    public static Contribution fold(List<Contribution> parts) {
        List<ContainerPlan> init = new ArrayList<>();
        List<ContainerPlan> main = new ArrayList<>();
        Map<String, String> annotations = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Optional<Integer> replicas = Optional.empty();
        boolean recreate = false;
        Optional<PodPatch.FsGroup> fsGroup = Optional.empty();
        List<EmittedFile> resources = new ArrayList<>();
        List<EmittedFile> files = new ArrayList<>();
        for (Contribution part : parts) {
            init.addAll(part.initContainers);
            main.addAll(part.containers);
            annotations.putAll(part.annotations);
            labels.putAll(part.podLabels);
            replicas = part.replicas.isPresent() ? part.replicas : replicas;
            recreate |= part.recreate;
            fsGroup = part.fsGroup.isPresent() ? part.fsGroup : fsGroup;
            resources.addAll(part.resources);
            files.addAll(part.files);
        }
        return new Contribution(init, main, annotations, labels, replicas, recreate, fsGroup, resources, files);
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
