package dev.vixens.ls.plan;

/**
 * Adding sidecars changes which container {@code kubectl logs} and {@code kubectl exec} pick; this keeps it
 * the app's own container.
 */
final class DefaultContainerStep implements PlanStep {

    @Override
    public void apply(PlanContext plan) {
        plan.annotations.put("kubectl.kubernetes.io/default-container", plan.app.workload().container());
    }
}
