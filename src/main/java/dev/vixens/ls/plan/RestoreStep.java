package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.litestream.Command;
import dev.vixens.ls.litestream.Release;
import dev.vixens.ls.plan.ContainerPlan.EnvSource;
import dev.vixens.ls.plan.ContainerPlan.Mount;
import dev.vixens.ls.plan.ContainerPlan.Script;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up step 3: one container per replicated database. Keeps a local copy; restores a missing one from
 * its replica; starts empty only when the bucket answered that no replica exists; fails the pod when the
 * bucket cannot be read, so an empty database never replaces a backup that was merely unreachable.
 *
 * <p>Where the release offers {@code restore -integrity-check} (0.5.10 and later), a database whose profile
 * checks integrity is restored with {@code -integrity-check full}: the same {@code PRAGMA integrity_check} the
 * check-integrity step runs on local copies, now on the restored one, which nothing else checks before the app
 * opens it. It replaces nothing: check-integrity still judges (and moves aside) the local copies.
 */
final class RestoreStep implements PlanStep {

    static final String INTEGRITY_CHECK = "-integrity-check";

    @Override
    public void apply(PlanContext plan) {
        Release release = plan.app.settings().litestreamVersion().release();
        for (PlannedDatabase db : plan.databases) {
            if (db.replicated()) {
                LitestreamProcess process = plan.processFor(db);
                plan.initContainers.add(container("restore-" + db.name(),
                        plan.app.settings().litestreamImageReference(), db.path(),
                        PlanContext.CONFIG_DIR + "/" + process.configFile(), options(release, db.integrityChecked()),
                        List.of(plan.credentials()), List.of(plan.dataMount(), PlanContext.configMount()),
                        plan.securityContext(), plan.initResources()));
            }
        }
    }

    /** The restore flags beyond the sequence's own that this release offers and this database needs. */
    static List<String> options(Release release, boolean integrityChecked) {
        return integrityChecked && release.has(Command.RESTORE, INTEGRITY_CHECK)
                ? List.of(INTEGRITY_CHECK, "full") : List.of();
    }

    static ContainerPlan container(String name, String image, String database, String config, List<String> options,
            List<EnvSource> env, List<Mount> mounts, SecurityContext securityContext, Settings.Resources resources) {
        List<String> arguments = new ArrayList<>(List.of(database, config));
        arguments.addAll(options);
        return ContainerPlan.running(name, image, new Script("restore.sh", arguments)).envFrom(env)
                .mounts(mounts).scratch().securityContext(securityContext).resources(resources).build();
    }
}
