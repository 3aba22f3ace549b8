package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.plan.ContainerPlan.Mount;
import dev.vixens.ls.plan.ContainerPlan.RunAs;
import dev.vixens.ls.plan.ContainerPlan.Script;
import java.util.List;

/**
 * Start-up step 1 (optional): hands the data volume to the uid/gid the other steps and the app run as.
 * Runs as root because only root can chown; it is the only container that does (unless the whole app is
 * root's, {@code podSecurity: baseline}), so it meets the Pod Security Standard "baseline" only, and a
 * namespace enforcing "restricted" rejects the pod: {@code fsGroup} is the alternative there.
 */
final class FixPermissionsStep implements PlanStep {

    static final String NAME = "fix-permissions";

    @Override
    public void apply(PlanContext plan) {
        if (plan.app.settings().fixPermissions()) {
            plan.initContainers.add(container(plan.app.settings().busyboxImage(), plan.runAs(), plan.dataMount(),
                    plan.initResources()));
        }
    }

    static ContainerPlan container(String image, RunAs owner, Mount data, Settings.Resources resources) {
        Script script = new Script("fix-permissions.sh",
                List.of(Long.toString(owner.uid()), Long.toString(owner.gid()), data.path()));
        return ContainerPlan.running(NAME, image, script).mounts(List.of(data))
                .securityContext(SecurityContext.chownAsRoot()).resources(resources).build();
    }
}
