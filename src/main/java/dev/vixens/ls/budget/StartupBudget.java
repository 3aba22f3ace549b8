package dev.vixens.ls.budget;

import dev.vixens.ls.kustomize.PodView;
import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.kustomize.WorkloadSource;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.YamlNodes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Kubernetes does to a pod whose start-up (the generated restore and integrity check, which run as init
 * containers before the app's containers) takes long, read from the built workload. Only two fields bound it:
 * a Deployment's {@code progressDeadlineSeconds} (600 s when unset), after which the rollout is reported failed
 * but the pod is left running, and the pod's {@code activeDeadlineSeconds}, after which the pod is killed.
 * A startupProbe does not bound the generated restore, and {@link #notCounted} says why for each probe the pod
 * has (docs/startup-budget.md): plain init containers cannot have probes, a native sidecar placed before the
 * restore must pass its startupProbe before the restore starts, and the other containers start after it.
 *
 * @param bounds every field that bounds the start-up, smallest first
 * @param notCounted the pod's startupProbes that do not bound it, each with the reason, for explain
 */
public record StartupBudget(String workload, List<Bound> bounds, List<String> notCounted) {

    /** Kubernetes' default {@code progressDeadlineSeconds} of a Deployment. */
    public static final long DEPLOYMENT_DEFAULT_PROGRESS_DEADLINE = 600;
    public static final String PROGRESS_DEADLINE = "progressDeadlineSeconds";
    public static final String ACTIVE_DEADLINE = "activeDeadlineSeconds";

    public StartupBudget {
        bounds = bounds.stream().sorted(Comparator.comparingLong(Bound::seconds)).toList();
        notCounted = List.copyOf(notCounted);
    }

    /**
     * One field that bounds the start-up.
     *
     * @param field the field's name ({@code progressDeadlineSeconds})
     * @param where where it is written, in words ({@code the Deployment's spec})
     * @param written whether the workload sets it (false: Kubernetes' default)
     * @param at where to change it: the field, or the workload when it is not written
     * @param consequence what happens when the start-up takes longer
     */
    public record Bound(String field, String where, long seconds, boolean written, Location at, String consequence) {

        /** {@code progressDeadlineSeconds 600 s (the Deployment default)}. */
        public String shown() {
            return field + " " + seconds + " s" + (written ? "" : " (the default)");
        }
    }

    /**
     * @param generatedInit the names of the init containers the generated Component adds (the restore among
     *     them): a native sidecar before the first of these runs before the restore
     */
    public static StartupBudget of(PodView pod, WorkloadSource source, Set<String> generatedInit) {
        String workload = pod.kind() + " " + pod.name();
        List<Bound> bounds = new ArrayList<>();
        if (pod.kind().equals("Deployment")) {
            Optional<Long> deadline = PodView.number(YamlNodes.path(pod.doc().root(), "spec", PROGRESS_DEADLINE));
            bounds.add(new Bound(PROGRESS_DEADLINE, "the Deployment's spec", deadline.orElse(
                    DEPLOYMENT_DEFAULT_PROGRESS_DEADLINE), deadline.isPresent(), source.spec(PROGRESS_DEADLINE),
                    "the rollout is reported failed (ProgressDeadlineExceeded: Argo CD shows the app Degraded, kubectl"
                    + " rollout status exits non-zero) while the pod goes on starting; the pod is not killed"));
        }
        PodView.number(YamlNodes.path(pod.doc().root(), "spec", "template", "spec", ACTIVE_DEADLINE))
                .ifPresent(seconds -> bounds.add(new Bound(ACTIVE_DEADLINE, "the pod spec", seconds, true,
                        source.podSpec(ACTIVE_DEADLINE), "the pod is killed, mid-restore, and a new pod starts the"
                        + " restore over")));
        return new StartupBudget(workload, bounds, notCounted(pod, generatedInit));
    }

    /** The smallest bound, empty when nothing bounds the start-up (a StatefulSet without activeDeadlineSeconds). */
    public Optional<Bound> smallest() {
        return bounds.stream().findFirst();
    }

    private static List<String> notCounted(PodView pod, Set<String> generatedInit) {
        List<String> out = new ArrayList<>();
        boolean beforeRestore = true;
        for (ContainerView c : pod.initContainers()) {
            if (generatedInit.contains(c.name())) {
                beforeRestore = false;
            }
            if (c.restartPolicy().filter("Always"::equals).isPresent() && hasStartupProbe(c)) {
                out.add("the startupProbe of native sidecar " + c.name() + (beforeRestore
                        ? " must pass before the restore starts (the kubelet starts the next init container only then)"
                        : " starts counting after the restore"));
            }
        }
        for (ContainerView c : pod.containers()) {
            if (hasStartupProbe(c)) {
                out.add("the startupProbe of container " + c.name() + " starts counting after the restore");
            }
        }
        return out;
    }

    private static boolean hasStartupProbe(ContainerView c) {
        return YamlNodes.child(c.node(), "startupProbe").isPresent();
    }
}
