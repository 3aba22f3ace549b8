package dev.vixens.ls.plan;

import dev.vixens.ls.plan.ContainerPlan.Script;
import java.util.List;

/**
 * Start-up step 4: deletes each ephemeral database with its -wal/-shm/-journal, by exact path. No glob:
 * a pattern such as {@code *.caches.db*} also matches files nobody declared.
 */
final class EphemeralCleanupStep implements StartupStep {

    static final String NAME = "cleanup-ephemeral";

    @Override
    public Contribution contribute(StepInput input) {
        List<String> ephemeral = input.paths(db -> !db.replicated());
        if (ephemeral.isEmpty()) {
            return Contribution.NONE;
        }
        return Contribution.NONE.initContainer(ContainerPlan.running(NAME, input.settings().busyboxImage(),
                new Script("cleanup-ephemeral.sh", ephemeral)).envFrom(input.parameters())
                .mounts(List.of(input.data())).securityContext(input.securityContext())
                .resources(input.initResources()).build());
    }
}
