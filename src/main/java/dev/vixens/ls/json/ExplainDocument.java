package dev.vixens.ls.json;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.litestream.LitestreamVersion;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.plan.BackupPolicy;
import dev.vixens.ls.plan.ContainerPlan;
import dev.vixens.ls.plan.LitestreamProcess;
import dev.vixens.ls.plan.PlannedDatabase;
import dev.vixens.ls.plan.RestoreDrill;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code explain --output json}: what generate decides for one app, as data (schema/explain.output.schema.json).
 * Built from the same plan the text is printed from, so the two never disagree.
 */
public final class ExplainDocument {

    private ExplainDocument() {
    }

    /** @param restoreReads what a restore reads at a replica URL, in words (the text's own sentence) */
    public static JsonDocument of(AppPlan plan, List<String> notes, Function<String, String> restoreReads) {
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
                .put("notes", notes);
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
