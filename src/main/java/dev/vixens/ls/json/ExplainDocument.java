package dev.vixens.ls.json;

import dev.vixens.ls.budget.StartupCheck;
import dev.vixens.ls.budget.StartupEstimate;
import dev.vixens.ls.budget.StartupThroughputs;
import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.litestream.LitestreamVersion;
import dev.vixens.ls.pipeline.Explanation;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.plan.BackupPolicy;
import dev.vixens.ls.plan.ContainerPlan;
import dev.vixens.ls.plan.LitestreamProcess;
import dev.vixens.ls.plan.PlannedDatabase;
import dev.vixens.ls.plan.RestoreDrill;
import dev.vixens.ls.source.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code explain --output json}: what generate decides for one app, as data (schema/explain.output.schema.json).
 * Built from the same plan the text is printed from, so the two never disagree.
 */
public final class ExplainDocument {

    private ExplainDocument() {
    }

    /**
     * @param restoreReads what a restore reads at a replica URL, in words (the text's own sentence)
     * @param overlays the verification of the app's overlays, for each one's start-up budget
     */
    public static JsonDocument of(AppPlan plan, List<String> notes, Function<String, String> restoreReads,
            StartupEstimate estimate, Explanation.Overlays overlays) {
        AppDescriptor d = plan.app();
        Settings s = d.settings();
        LitestreamVersion version = s.litestreamVersion();
        List<Map<String, Object>> databases = new ArrayList<>();
        for (PlannedDatabase db : plan.databases()) {
            Map<String, Object> item = JsonDocument.object("path", db.path(), "profile", db.profile().name());
            if (db.policy() instanceof BackupPolicy.Replicated r) {
                String url = replicaUrl(plan, db.path());
                item.putAll(JsonDocument.object("backedUp", true, "syncInterval", r.syncInterval().value().toString(),
                        "snapshotInterval", r.snapshotInterval().value().toString(),
                        "retention", r.retention().value().toString(), "integrityCheck", db.integrityChecked(),
                        "integrityDepth", r.integrityCheck().value().text(),
                        "replica", url, "restoreReads", restoreReads.apply(url)));
            } else {
                item.put("backedUp", false);
            }
            item.put("overrides", db.overrideSummary());
            databases.add(item);
        }
        return JsonDocument.of("explain")
                .put("app", d.app())
                .put("namespace", d.namespace())
                .put("workload", JsonDocument.object("kind", d.workload().kind().kind(), "name", d.workload().name()))
                .put("litestreamVersion", version.text())
                .put("descriptor", d.source().displayName())
                .put("component", plan.outputDir())
                .put("secret", s.secret())
                .put("bucketEnv", s.bucketEnv())
                .put("runAs", JsonDocument.object("uid", s.runAs().uid(), "gid", s.runAs().gid()))
                .put("overlayComponents", plan.overlayPlans().stream().map(o -> JsonDocument.object(
                        "overlay", o.overlay().orElseThrow(), "component", o.outputDir(),
                        "secret", o.app().settings().secret(), "bucketEnv", o.app().settings().bucketEnv())).toList())
                .put("databases", databases)
                .put("initContainers", plan.patch().initContainers().stream().map(ExplainDocument::container).toList())
                .put("sidecars", plan.processes().stream().map(p -> JsonDocument.object("name", p.containerName(),
                        "metricsPort", p.metricsPort(), "config", p.configFile(), "databases",
                        p.replicas().stream().map(LitestreamProcess.Replica::path).toList())).toList())
                .put("nativeSidecar", s.nativeSidecar())
                .put("drill", d.drill().map(drill -> (Object) JsonDocument.object("cronJob",
                        RestoreDrill.nameFor(d.app()), "schedule", drill.schedule())).orElse(Map.of()))
                .put("singleWriter", JsonDocument.object("replicas", plan.patch().replicas().orElse(0),
                        "recreate", plan.patch().recreate()))
                .put("notes", notes)
                .put("startupEstimate", estimate(estimate))
                .put("startupBudgets", overlays instanceof Explanation.Verified verified
                        ? verified.verification().reports().stream().filter(r -> r.startup().isPresent())
                                .map(r -> budget(r.overlay(), r.startup().get(), r.warnings())).toList()
                        : List.of());
    }

    /** The estimate, in seconds; {@code seconds} is 0 when no database declares a size. */
    private static Map<String, Object> estimate(StartupEstimate e) {
        StartupThroughputs t = e.throughputs();
        return JsonDocument.object("seconds", e.seconds(),
                "recommendedSeconds", e.present() ? e.recommendedSeconds() : 0,
                "databases", e.databases().stream().map(db -> JsonDocument.object("path", db.path(),
                        "expectedSize", db.size().text(), "bytes", db.size().bytes(),
                        "integrityDepth", db.depth().text(), "restoreSeconds", db.restoreSeconds(),
                        "checkSeconds", db.checkSeconds(), "checks", db.checks())).toList(),
                "unsized", e.unsized(),
                "restoreMiBps", t.restoreMiBps(), "integrityFullMiBps", t.integrityFullMiBps(),
                "integrityQuickMiBps", t.integrityQuickMiBps(), "safetyFactor", t.safetyFactor(),
                "fixedSeconds", t.fixedSeconds());
    }

    /** One overlay's budget, and the verdict against the estimate. */
    private static Map<String, Object> budget(String overlay, StartupCheck check, List<Problem> warnings) {
        return JsonDocument.object("overlay", overlay, "workload", check.budget().workload(),
                "verdict", check.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                "bounds", check.budget().bounds().stream().map(b -> JsonDocument.object("field", b.field(),
                        "seconds", b.seconds(), "written", b.written(), "file", b.at().file(), "line", b.at().line(),
                        "column", b.at().column())).toList(),
                "notCounted", check.budget().notCounted(),
                "warnings", warnings.stream().map(Problem::format).toList());
    }

    private static Map<String, Object> container(ContainerPlan c) {
        return JsonDocument.object("name", c.name(), "image", c.image(),
                "uid", c.securityContext().runAsUser(), "gid", c.securityContext().runAsGroup(),
                "script", c.script().map(ContainerPlan.Script::file).orElse(""),
                "arguments", c.script().map(ContainerPlan.Script::arguments).orElse(c.args()),
                "nativeSidecar", c.restartPolicy().isPresent());
    }

    private static String replicaUrl(AppPlan plan, String path) {
        return plan.processes().stream().flatMap(p -> p.replicas().stream()).filter(x -> x.path().equals(path))
                .findFirst().orElseThrow().url();
    }
}
