package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.plan.ContainerPlan.Mount;
import dev.vixens.ls.plan.ContainerPlan.Script;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The optional restore drill (descriptor key {@code drill}): ADR-014's "test restore times" and "validate
 * integrity checks working", done by the cluster on a schedule instead of by hand. A CronJob restores every
 * backed-up database from its replica into a scratch emptyDir, prints how long each restore took, checks
 * each restored file with {@code PRAGMA integrity_check} (exactly {@code ok}) and prints the row count of
 * every table; any failure fails the Job. A backup that cannot be restored is found on a quiet Sunday, not
 * on the day the disk dies.
 */
final class RestoreDrillStep implements PlanStep {

    static final String FILE = "restore-drill.yaml";
    /** The emptyDir the databases are restored into; its name is older than {@link ScratchSpace}. */
    static final String RESTORED_VOLUME = "drill-scratch";
    static final String RESTORED_DIR = "/drill";

    @Override
    public void apply(PlanContext plan) {
        Optional<AppDescriptor.Drill> drill = plan.app.drill();
        if (drill.isEmpty()) {
            return;
        }
        List<PlannedDatabase> backedUp = plan.databases.stream().filter(PlannedDatabase::replicated).toList();
        if (backedUp.isEmpty()) {
            throw new InputException(YamlLocator.locate(plan.app.source(), YamlPath.of("drill")),
                    "drill: no database of this app is backed up; there is nothing to restore");
        }
        List<String> restoreArgs = new ArrayList<>();
        restoreArgs.add(RESTORED_DIR);
        List<String> verifyArgs = new ArrayList<>();
        verifyArgs.add(RESTORED_DIR);
        for (PlannedDatabase db : backedUp) {
            restoreArgs.add(db.name());
            restoreArgs.add(db.path());
            restoreArgs.add(PlanContext.CONFIG_DIR + "/" + plan.processFor(db).configFile());
            verifyArgs.add(db.name());
        }
        Mount restored = new Mount(RESTORED_VOLUME, RESTORED_DIR, false);
        ContainerPlan restore = ContainerPlan.running("restore", plan.app.settings().litestreamImageReference(),
                new Script("drill-restore.sh", restoreArgs)).envFrom(List.of(plan.credentials()))
                .mounts(List.of(restored, PlanContext.configMount())).scratch()
                .securityContext(plan.securityContext()).resources(plan.initResources()).build();
        ContainerPlan verify = ContainerPlan.running("verify", plan.app.settings().sqliteImage(),
                new Script("drill-verify.sh", verifyArgs)).mounts(List.of(restored)).scratch()
                .securityContext(plan.securityContext()).resources(plan.initResources()).build();
        RestoreDrill cronJob = new RestoreDrill(RestoreDrill.nameFor(plan.app.app()), drill.get().schedule(),
                List.of(restore), List.of(verify), List.of(
                        PodPatch.Volume.configMap(PlanContext.CONFIG_VOLUME, plan.configMapName),
                        PodPatch.Volume.emptyDir(RESTORED_VOLUME), ScratchSpace.volume()));
        String dir = plan.componentDir;
        plan.extraFiles.add(new FileSpec(dir + "/" + FILE, "component/restore-drill.yaml.ftl",
                Map.of("drill", cronJob)));
        plan.extraResources.add(FILE);
    }
}
