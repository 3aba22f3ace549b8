package dev.vixens.ls.plan;

import dev.vixens.ls.plan.ContainerPlan.Script;
import dev.vixens.ls.profile.IntegrityDepth;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up step 2: {@code PRAGMA integrity_check} (or {@code quick_check}, at the database's depth) on each declared
 * database whose policy asks for it. Only an output of exactly {@code ok} is healthy; anything else moves the
 * database and its side files aside so the restore step brings it back. Undeclared files are never looked at.
 */
final class IntegrityCheckStep implements StartupStep {

    static final String NAME = "check-integrity";

    @Override
    public Contribution contribute(StepInput input) {
        List<String> checked = arguments(input.databases());
        if (checked.isEmpty()) {
            return Contribution.NONE;
        }
        return Contribution.NONE.initContainer(ContainerPlan.running(NAME, input.settings().sqliteImage(),
                new Script("check-integrity.sh", checked)).envFrom(input.parameters()).mounts(List.of(input.data()))
                .scratch().securityContext(input.securityContext()).resources(input.initResources()).build());
    }

    /**
     * The checked databases, each preceded by its depth word where it differs from the one before (the script
     * starts at full), so an app whose checks are all full has the arguments it had before depths existed.
     */
    static List<String> arguments(List<StepInput.Database> databases) {
        List<String> arguments = new ArrayList<>();
        IntegrityDepth current = IntegrityDepth.FULL;
        for (StepInput.Database db : databases) {
            if (!db.integrityChecked()) {
                continue;
            }
            if (db.integrity() != current) {
                current = db.integrity();
                arguments.add(current.text());
            }
            arguments.add(db.path());
        }
        return arguments;
    }
}
