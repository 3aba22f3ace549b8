package dev.vixens.ls.plan;

import dev.vixens.ls.plan.ContainerPlan.Mount;
import dev.vixens.ls.plan.ContainerPlan.RunAs;
import dev.vixens.ls.plan.ContainerPlan.Script;
import java.util.List;
import java.util.Optional;

/**
 * Start-up step 1 (optional): hands the data volume to the uid/gid the other steps and the app run as.
 * Runs as root because only root can chown; it is the only container that does.
 */
final class FixPermissionsStep implements PlanStep {

    static final String NAME = "fix-permissions";

    @Override
    public void apply(PlanContext plan) {
        if (plan.app.settings().fixPermissions()) {
            plan.initContainers.add(container(plan.app.settings().busyboxImage(), plan.runAs(), plan.dataMount()));
        }
    }

    static ContainerPlan container(String image, RunAs owner, Mount data) {
        Script script = new Script("fix-permissions.sh",
                List.of(Long.toString(owner.uid()), Long.toString(owner.gid()), data.path()));
        return new ContainerPlan(NAME, image, Optional.of(script), List.of(), List.of(), List.of(data),
                Optional.of(new RunAs(0, 0)), Optional.empty(), List.of(), Optional.empty());
    }
}
