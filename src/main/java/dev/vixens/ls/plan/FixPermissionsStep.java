package dev.vixens.ls.plan;

import dev.vixens.ls.plan.ContainerPlan.RunAs;
import dev.vixens.ls.plan.ContainerPlan.Script;
import java.util.List;

/**
 * Start-up step 1 (optional): hands the data volume to the uid/gid the other steps and the app run as.
 * Runs as root because only root can chown; it is the only container that does (unless the whole app is
 * root's, {@code podSecurity: baseline}), so it meets the Pod Security Standard "baseline" only, and a
 * namespace enforcing "restricted" rejects the pod: {@code fsGroup} is the alternative there.
 */
final class FixPermissionsStep implements StartupStep {

    static final String NAME = "fix-permissions";

    @Override
    public Contribution contribute(StepInput input) {
        if (!input.settings().fixPermissions()) {
            return Contribution.NONE;
        }
        RunAs owner = input.runAs();
        Script script = new Script("fix-permissions.sh",
                List.of(Long.toString(owner.uid()), Long.toString(owner.gid()), input.data().path()));
        return Contribution.NONE.initContainer(ContainerPlan.running(NAME, input.settings().busyboxImage(), script)
                .mounts(List.of(input.data())).securityContext(SecurityContext.chownAsRoot())
                .resources(input.initResources()).build());
    }
}
