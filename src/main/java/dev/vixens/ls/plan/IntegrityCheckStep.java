package dev.vixens.ls.plan;

import dev.vixens.ls.plan.ContainerPlan.Script;
import java.util.List;

/**
 * Start-up step 2: {@code PRAGMA integrity_check} on each declared database whose policy asks for it. Only
 * an output of exactly {@code ok} is healthy; anything else moves the database and its side files aside so
 * the restore step brings it back. Undeclared files are never looked at.
 */
final class IntegrityCheckStep implements StartupStep {

    static final String NAME = "check-integrity";

    @Override
    public Contribution contribute(StepInput input) {
        List<String> checked = input.paths(StepInput.Database::integrityChecked);
        if (checked.isEmpty()) {
            return Contribution.NONE;
        }
        return Contribution.NONE.initContainer(ContainerPlan.running(NAME, input.settings().sqliteImage(),
                new Script("check-integrity.sh", checked)).envFrom(input.parameters()).mounts(List.of(input.data()))
                .scratch().securityContext(input.securityContext()).resources(input.initResources()).build());
    }
}
