package dev.vixens.ls.plan;

/**
 * The pod-level half of running the generated containers hardened (each container's own half is its
 * {@link SecurityContext}; the scratch {@code emptyDir} their read-only root file systems leave them for
 * temporary files is defined by {@link PodVolumes} once a container mounts it): the descriptor's
 * {@code fsGroup}, the way to hand the data volume to the app's group without the root fix-permissions container.
 */
final class PodSecurityStep implements StartupStep {

    @Override
    public Contribution contribute(StepInput input) {
        return input.settings().fsGroup().isPresent()
                ? Contribution.NONE.fsGroup(new PodPatch.FsGroup(input.settings().fsGroup().getAsLong()))
                : Contribution.NONE;
    }
}
