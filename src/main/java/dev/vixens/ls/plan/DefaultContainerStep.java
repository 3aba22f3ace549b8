package dev.vixens.ls.plan;

/**
 * Adding sidecars changes which container {@code kubectl logs} and {@code kubectl exec} pick; this keeps it
 * the app's own container.
 */
final class DefaultContainerStep implements StartupStep {

    @Override
    public Contribution contribute(StepInput input) {
        return Contribution.NONE.annotation("kubectl.kubernetes.io/default-container", input.target().appContainer());
    }
}
