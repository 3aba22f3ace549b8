package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.plan.ContainerPlan.EnvSource;
import dev.vixens.ls.plan.ContainerPlan.Mount;
import dev.vixens.ls.plan.ContainerPlan.Script;
import java.util.List;

/**
 * Start-up step 2: {@code PRAGMA integrity_check} on each declared database whose policy asks for it. Only
 * an output of exactly {@code ok} is healthy; anything else moves the database and its side files aside so
 * the restore step brings it back. Undeclared files are never looked at.
 */
final class IntegrityCheckStep implements PlanStep {

    static final String NAME = "check-integrity";

    @Override
    public void apply(PlanContext plan) {
        List<String> checked = plan.databases.stream()
                .filter(PlannedDatabase::integrityChecked)
                .map(PlannedDatabase::path)
                .toList();
        if (!checked.isEmpty()) {
            plan.initContainers.add(container(plan.app.settings().sqliteImage(), checked, plan.securityContext(),
                    plan.initResources(), plan.dataMount(), List.of()));
        }
    }

    static ContainerPlan container(String image, List<String> databases, SecurityContext securityContext,
            Settings.Resources resources, Mount data, List<EnvSource> env) {
        return ContainerPlan.running(NAME, image, new Script("check-integrity.sh", databases)).envFrom(env)
                .mounts(List.of(data)).scratch().securityContext(securityContext).resources(resources).build();
    }
}
