package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.plan.ContainerPlan.EnvSource;
import dev.vixens.ls.plan.ContainerPlan.Mount;
import dev.vixens.ls.plan.ContainerPlan.Script;
import java.util.List;

/**
 * Start-up step 4: deletes each ephemeral database with its -wal/-shm/-journal, by exact path. No glob:
 * a pattern such as {@code *.caches.db*} also matches files nobody declared.
 */
final class EphemeralCleanupStep implements PlanStep {

    static final String NAME = "cleanup-ephemeral";

    @Override
    public void apply(PlanContext plan) {
        List<String> ephemeral = plan.databases.stream()
                .filter(db -> !db.replicated())
                .map(PlannedDatabase::path)
                .toList();
        if (!ephemeral.isEmpty()) {
            plan.initContainers.add(container(plan.app.settings().busyboxImage(), ephemeral, plan.securityContext(),
                    plan.initResources(), plan.dataMount(), List.of()));
        }
    }

    static ContainerPlan container(String image, List<String> databases, SecurityContext securityContext,
            Settings.Resources resources, Mount data, List<EnvSource> env) {
        return ContainerPlan.running(NAME, image, new Script("cleanup-ephemeral.sh", databases)).envFrom(env)
                .mounts(List.of(data)).securityContext(securityContext).resources(resources).build();
    }
}
