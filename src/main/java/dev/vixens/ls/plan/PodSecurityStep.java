package dev.vixens.ls.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pod-level half of running the generated containers hardened (each container's own half is its
 * {@link SecurityContext}): the scratch {@code emptyDir} that their read-only root file systems leave them
 * for temporary files, defined once when a container mounts it; and the descriptor's {@code fsGroup}, the
 * way to hand the data volume to the app's group without the root fix-permissions container.
 */
final class PodSecurityStep implements PlanStep {

    @Override
    public void apply(PlanContext plan) {
        List<ContainerPlan> all = new ArrayList<>(plan.initContainers);
        all.addAll(plan.containers);
        if (ScratchSpace.usedBy(all)) {
            plan.volumes.add(ScratchSpace.volume());
        }
        plan.app.settings().fsGroup().ifPresent(gid -> plan.fsGroup = Optional.of(new PodPatch.FsGroup(gid)));
    }
}
