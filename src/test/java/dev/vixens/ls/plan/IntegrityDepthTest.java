package dev.vixens.ls.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vixens.ls.alerts.Monitoring;
import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.profile.IntegrityDepth;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 part 3: the start-up check's depth from the profile ({@code full | quick | off}, or the older
 * {@code mandatory | optional}) and the descriptor ({@code full | quick | off}, or the older {@code true | false}),
 * ADR-014's rule that a mandatory check is never off, and what the depth puts in the generated steps.
 */
class IntegrityDepthTest {

    @TempDir
    Path dir;

    private static final String QUICK_PROFILE = """
            backup: true
            syncInterval: 1s
            snapshotInterval: 6h
            retention: 168h
            integrityCheck: quick
            """;

    private static String app(String... databases) {
        return """
                app: notes
                namespace: notes
                workload: {kind: Deployment, name: notes, container: notes}
                volume: {name: data, mountPath: /data}
                databases:
                """ + String.join("", databases);
    }

    private static String db(String name, String profile, String override) {
        return "  - path: /data/" + name + ".db\n    profile: " + profile + "\n"
                + (override.isEmpty() ? "" : "    overrides:\n      integrityCheck: " + override + "\n");
    }

    private ResolvedApp resolve(String descriptor) {
        TestRepo.create(dir).descriptor("10-apps", "notes", descriptor).write("profiles/bulk.yaml", QUICK_PROFILE);
        Repository repo = Repository.open(dir);
        AppDescriptor app = repo.load(repo.app("notes"));
        return ResolvedApp.resolve(app, repo.profiles());
    }

    private List<String> depths(String descriptor) {
        return resolve(descriptor).databases().stream()
                .map(d -> d.integrityDepth().text() + (d.replication().integrityCheck().overridden() ? "*" : ""))
                .toList();
    }

    private StepInput input(String descriptor) {
        return AppPlanner.input(resolve(descriptor), "apps/10-apps/notes/litestream", Monitoring.DEFAULT);
    }

    @Test
    void profileWordsOldAndNewAndDescriptorWordsOldAndNew() {
        assertThat(depths(app(db("a", "critical", ""), db("b", "relaxed", ""), db("c", "bulk", ""),
                db("d", "relaxed", "true"), db("e", "critical", "true"), db("f", "critical", "quick"),
                db("g", "bulk", "full"), db("h", "relaxed", "false"), db("i", "relaxed", "quick"))))
                .containsExactly("full", "off", "quick", "full*", "full", "quick*", "full*", "off", "quick*");
    }

    @Test
    void aMandatoryCheckIsNeverSwitchedOffWhateverTheWord() {
        for (String off : List.of("'off'", "false")) {
            assertThatThrownBy(() -> resolve(app(db("a", "bulk", off)))).isInstanceOf(InputException.class)
                    .hasMessageContaining("apps/10-apps/notes/vixens-backup.yaml:9:23: databases[0].overrides"
                            + ".integrityCheck: profile 'bulk' makes the integrity check mandatory; it cannot be"
                            + " switched off");
        }
    }

    @Test
    void theCheckStepNamesADepthOnlyWhereItChanges() {
        assertThat(IntegrityCheckStep.arguments(input(app(db("a", "critical", ""), db("b", "relaxed", ""),
                db("c", "bulk", ""), db("d", "relaxed", "quick"), db("e", "standard", "")))
                .databases())).containsExactly("/data/a.db", "quick", "/data/c.db", "/data/d.db", "full",
                        "/data/e.db");
        assertThat(IntegrityCheckStep.arguments(input(app(db("a", "critical", ""), db("b", "standard", "true")))
                .databases())).as("all full: the arguments from before depths existed")
                .containsExactly("/data/a.db", "/data/b.db");
    }

    @Test
    void theRestoreChecksTheRestoredCopyAtTheSameDepth() {
        String descriptor = app(db("a", "critical", "quick"), db("b", "critical", ""), db("c", "relaxed", ""))
                + "litestream: {version: 0.5.12}\n";
        List<String> restoreArguments = input(descriptor).databases().stream()
                .map(d -> String.join(" ", RestoreStep.options(
                        input(descriptor).settings().litestreamVersion().release(), d.integrity())))
                .toList();

        assertThat(restoreArguments).containsExactly("-integrity-check quick", "-integrity-check full", "");
        assertThat(IntegrityDepth.QUICK.pragma()).isEqualTo("quick_check");
    }
}
