package dev.vixens.ls.plan;

import dev.vixens.ls.plan.ContainerPlan.EnvSource;
import dev.vixens.ls.plan.ContainerPlan.Mount;
import dev.vixens.ls.plan.ContainerPlan.RunAs;
import dev.vixens.ls.plan.ContainerPlan.Script;
import java.util.List;
import java.util.Optional;

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
            plan.initContainers.add(container(plan.app.settings().busyboxImage(), ephemeral, plan.runAs(),
                    plan.dataMount(), List.of()));
        }
    }

    static ContainerPlan container(String image, List<String> databases, RunAs runAs, Mount data,
            List<EnvSource> env) {
        return new ContainerPlan(NAME, image, Optional.of(new Script("cleanup-ephemeral.sh", databases)),
                List.of(), env, List.of(data), Optional.of(runAs), Optional.empty(), List.of(),
                Optional.empty());
    }
}
