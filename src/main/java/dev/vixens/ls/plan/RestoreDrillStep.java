package dev.vixens.ls.plan;

import dev.vixens.ls.plan.ContainerPlan.Mount;
import dev.vixens.ls.plan.ContainerPlan.Script;
import dev.vixens.ls.source.InputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The optional restore drill (descriptor key {@code drill}): ADR-014's "test restore times" and "validate
 * integrity checks working", done by the cluster on a schedule instead of by hand. A CronJob restores every
 * backed-up database from its replica into a scratch emptyDir, prints how long each restore took, checks
 * each restored file with {@code PRAGMA integrity_check} (exactly {@code ok}) and prints the row count of
 * every table; any failure fails the Job. A backup that cannot be restored is found on a quiet Sunday, not
 * on the day the disk dies.
 */
final class RestoreDrillStep implements StartupStep {

    static final String FILE = "restore-drill.yaml";
    /** The emptyDir the databases are restored into; its name is older than {@link ScratchSpace}. */
    static final String RESTORED_VOLUME = "drill-scratch";
    static final String RESTORED_DIR = "/drill";

    @Override
    public Contribution contribute(StepInput input) {
        if (input.drill().isEmpty()) {
            return Contribution.NONE;
        }
        List<StepInput.Database> backedUp = input.databases().stream().filter(StepInput.Database::replicated)
                .toList();
        if (backedUp.isEmpty()) {
            throw new InputException(input.drill().get().at(),
                    "drill: no database of this app is backed up; there is nothing to restore");
        }
        List<String> restoreArgs = new ArrayList<>();
        restoreArgs.add(RESTORED_DIR);
        List<String> verifyArgs = new ArrayList<>();
        verifyArgs.add(RESTORED_DIR);
        for (StepInput.Database db : backedUp) {
            restoreArgs.add(db.name());
            restoreArgs.add(db.path());
            restoreArgs.add(StepInput.CONFIG_DIR + "/" + db.config().orElseThrow());
            verifyArgs.add(db.name());
        }
        Mount restored = new Mount(RESTORED_VOLUME, RESTORED_DIR, false);
        ContainerPlan restore = ContainerPlan.running("restore", input.settings().litestreamImageReference(),
                new Script("drill-restore.sh", restoreArgs)).envFrom(input.withCredentials())
                .mounts(List.of(restored, StepInput.configMount())).scratch()
                .securityContext(input.securityContext()).resources(input.initResources()).build();
        ContainerPlan verify = ContainerPlan.running("verify", input.settings().sqliteImage(),
                new Script("drill-verify.sh", verifyArgs)).mounts(List.of(restored)).scratch()
                .securityContext(input.securityContext()).resources(input.initResources()).build();
        StepInput.Target target = input.target();
        RestoreDrill cronJob = new RestoreDrill(RestoreDrill.nameFor(target.app()), input.drill().get().schedule(),
                List.of(restore), List.of(verify), List.of(
                        PodPatch.Volume.configMap(StepInput.CONFIG_VOLUME, target.configMapName()),
                        PodPatch.Volume.emptyDir(RESTORED_VOLUME), ScratchSpace.volume()));
        return Contribution.NONE.resource(new EmittedFile.RestoreDrillJob(target.componentDir() + "/" + FILE, cronJob));
    }
}
