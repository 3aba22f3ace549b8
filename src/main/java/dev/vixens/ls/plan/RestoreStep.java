package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.plan.ContainerPlan.EnvSource;
import dev.vixens.ls.plan.ContainerPlan.Mount;
import dev.vixens.ls.plan.ContainerPlan.Script;
import java.util.List;

/**
 * Start-up step 3: one container per replicated database. Keeps a local copy; restores a missing one from
 * its replica; starts empty only when the bucket answered that no replica exists; fails the pod when the
 * bucket cannot be read, so an empty database never replaces a backup that was merely unreachable.
 */
final class RestoreStep implements PlanStep {

    @Override
    public void apply(PlanContext plan) {
        for (PlannedDatabase db : plan.databases) {
            if (db.replicated()) {
                LitestreamProcess process = plan.processFor(db);
                plan.initContainers.add(container("restore-" + db.name(),
                        plan.app.settings().litestreamImageReference(), db.path(),
                        PlanContext.CONFIG_DIR + "/" + process.configFile(), List.of(plan.credentials()),
                        List.of(plan.dataMount(), PlanContext.configMount()), plan.securityContext(),
                        plan.initResources()));
            }
        }
    }

    static ContainerPlan container(String name, String image, String database, String config,
            List<EnvSource> env, List<Mount> mounts, SecurityContext securityContext, Settings.Resources resources) {
        return ContainerPlan.running(name, image, new Script("restore.sh", List.of(database, config))).envFrom(env)
                .mounts(mounts).scratch().securityContext(securityContext).resources(resources).build();
    }
}
