package dev.vixens.ls.plan;

import dev.vixens.ls.litestream.Command;
import dev.vixens.ls.litestream.Release;
import dev.vixens.ls.plan.ContainerPlan.Script;
import dev.vixens.ls.profile.IntegrityDepth;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up step 3: one container per replicated database. Keeps a local copy; restores a missing one from
 * its replica; starts empty only when the bucket answered that no replica exists; fails the pod when the
 * bucket cannot be read, so an empty database never replaces a backup that was merely unreachable.
 *
 * <p>Where the release offers {@code restore -integrity-check} (0.5.10 and later), a database whose profile
 * checks integrity is restored with {@code -integrity-check full} (or {@code quick}, at the database's depth): the same PRAGMA the
 * check-integrity step runs on local copies, now on the restored one, which nothing else checks before the app
 * opens it. It replaces nothing: check-integrity still judges (and moves aside) the local copies.
 */
final class RestoreStep implements StartupStep {

    static final String INTEGRITY_CHECK = "-integrity-check";

    @Override
    public Contribution contribute(StepInput input) {
        Release release = input.settings().litestreamVersion().release();
        Contribution contribution = Contribution.NONE;
        for (StepInput.Database db : input.databases()) {
            if (db.replicated()) {
                List<String> arguments = new ArrayList<>(List.of(db.path(),
                        StepInput.CONFIG_DIR + "/" + db.config().orElseThrow()));
                arguments.addAll(options(release, db.integrity()));
                contribution = contribution.initContainer(ContainerPlan.running("restore-" + db.name(),
                        input.settings().litestreamImageReference(), new Script("restore.sh", arguments))
                        .envFrom(input.withCredentials()).mounts(List.of(input.data(), StepInput.configMount()))
                        .scratch().securityContext(input.securityContext()).resources(input.initResources())
                        .build());
            }
        }
        return contribution;
    }

    /** The restore flags beyond the sequence's own that this release offers and this database needs. */
    static List<String> options(Release release, IntegrityDepth depth) {
        return depth != IntegrityDepth.OFF && release.has(Command.RESTORE, INTEGRITY_CHECK)
                ? List.of(INTEGRITY_CHECK, depth.text()) : List.of();
    }
}
