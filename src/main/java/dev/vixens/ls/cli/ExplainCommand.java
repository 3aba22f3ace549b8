package dev.vixens.ls.cli;

import dev.vixens.ls.alerts.AlertRuleFile;
import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.json.ExplainDocument;
import dev.vixens.ls.litestream.LitestreamVersion;
import dev.vixens.ls.litestream.Release;
import dev.vixens.ls.litestream.ReleaseTable;
import dev.vixens.ls.litestream.ReplicaLayout;
import dev.vixens.ls.pipeline.Explanation;
import dev.vixens.ls.pipeline.Pipeline;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.plan.BackupPolicy;
import dev.vixens.ls.plan.ContainerPlan;
import dev.vixens.ls.plan.LitestreamProcess;
import dev.vixens.ls.plan.PlannedDatabase;
import dev.vixens.ls.plan.ResolvedApp;
import dev.vixens.ls.plan.RestoreDrill;
import dev.vixens.ls.plan.Setting;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.verify.OverlayVerifier;
import dev.vixens.ls.verify.OverlayVerifier.Verification;
import dev.vixens.ls.verify.SidecarShutdown;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain",
        description = "Shows what generate decides for one app: each database's effective values (overrides"
                + " marked *), which backups a restore of each would read, the start-up sequence in order, the"
                + " sidecars and the single-writer guard; the worst-case start-up estimated from the databases'"
                + " expectedSize; and what check finds in each of its overlays, built with kustomize, with each"
                + " overlay's start-up budget (docs/startup-budget.md).")
public final class ExplainCommand implements Runnable {

    /** The table's columns, the first as wide as the longest path (a long path must not push the rest). */
    private static final String ROW = "  %-{W}s %-10s %-6s %-9s %-10s %-6s %s%n";

    @Mixin
    RepositoryOption repository;

    @Parameters(paramLabel = "APP", completionCandidates = AppNameCandidates.class,
            description = "The app to explain.")
    String app;

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Explanation explanation = new Pipeline(repository.open()).explain(app);
        ResolvedApp resolved = explanation.resolved();
        AppPlan plan = explanation.plan();
        AppDescriptor d = resolved.app();
        PrintWriter out = spec.commandLine().getOut();
        LitestreamVersion version = d.settings().litestreamVersion();
        if (output.json()) {
            ExplainDocument.of(plan, explanation.notes(), url -> history(version.release(), url),
                    explanation.estimate(), explanation.overlays())
                    .print(out);
            return;
        }
        int pathWidth = Math.max(40, plan.databases().stream().mapToInt(db -> db.path().length()).max().orElse(0));
        String row = ROW.replace("{W}", String.valueOf(pathWidth));
        out.printf("%s: %s %s in namespace %s, Litestream %s%s%n", d.app(), d.workload().kind().kind(),
                d.workload().name(), d.namespace(), version.text(), version.assumed()
                        ? " (configured as " + version.release().version() + ", " + ReleaseTable.OPT_IN + ")" : "");
        out.printf("descriptor: %s%ncomponent:  %s/ (include it from each overlay)%n",
                d.source().displayName(), plan.outputDir());
        out.printf("runs as:    uid %d, gid %d (runAs); credentials from Secret %s (envFrom), bucket $%s%n",
                d.settings().runAs().uid(), d.settings().runAs().gid(), d.settings().secret(),
                d.settings().bucketEnv());
        for (AppPlan overlay : plan.overlayPlans()) {
            Settings s = overlay.app().settings();
            out.printf("            %s/ (overlay %s includes it instead: Secret %s, bucket $%s%s)%n",
                    overlay.outputDir(), overlay.overlay().orElseThrow(), s.secret(), s.bucketEnv(),
                    s.replicaPrefix().isEmpty() ? "" : ", replica prefix " + s.replicaPrefix());
        }
        out.println();
        out.println("Databases (* = overridden in the descriptor):");
        out.printf(row, "PATH", "PROFILE", "SYNC", "SNAPSHOT", "RETENTION", "CHECK", "REPLICA");
        for (PlannedDatabase db : resolved.databases()) {
            if (db.policy() instanceof BackupPolicy.Replicated r) {
                out.printf(row, db.path(), db.profile().name(), show(r.syncInterval()), show(r.snapshotInterval()),
                        show(r.retention()), r.integrityCheck().value().text()
                                + (r.integrityCheck().overridden() ? "*" : ""),
                        resolved.bucketKey(db).url(d.settings().bucketReference()));
            } else {
                out.printf(row, db.path(), db.profile().name(), "-", "-", "-", "-", "none: deleted at pod start");
            }
        }
        out.println();
        out.println("What a restore reads for a database missing at start-up:");
        for (LitestreamProcess p : plan.processes()) {
            for (LitestreamProcess.Replica replica : p.replicas()) {
                out.printf("  %-" + pathWidth + "s %s%n", replica.path(), history(version.release(), replica.url()));
            }
        }
        out.println();
        out.println("Start-up sequence (init containers, in order):");
        int step = 1;
        int nameWidth = Math.max(24, plan.patch().initContainers().stream().mapToInt(c -> c.name().length()).max()
                .orElse(0));
        for (ContainerPlan c : plan.patch().initContainers()) {
            out.printf("  %d. %-" + nameWidth + "s %s%n", step++, c.name(), what(c));
        }
        out.println(d.settings().nativeSidecar() ? "Sidecars (native, in the start-up sequence above):"
                : "Sidecars:");
        for (LitestreamProcess p : plan.processes()) {
            out.printf("  %-" + (nameWidth + 3) + "s metrics port %d (%s), config %s, %d database(s), image %s%n",
                    p.containerName(), p.metricsPort(), p.portName(), p.configFile(), p.replicas().size(),
                    java.util.stream.Stream.concat(plan.patch().containers().stream(),
                            plan.patch().initContainers().stream()).filter(c -> c.name().equals(p.containerName()))
                            .findFirst().map(ContainerPlan::image).orElse(d.settings().litestreamImage()));
        }
        d.drill().ifPresent(drill -> out.printf("Restore drill: CronJob %s, schedule \"%s\" (restores every"
                + " backed-up database into scratch, checks and counts it)%n", RestoreDrill.nameFor(d.app()),
                drill.schedule()));
        plan.files().stream().filter(f -> f.model().get("file") instanceof AlertRuleFile)
                .forEach(f -> out.printf("Alert rules: %s, %s (README, When a backup stops)%n", f.path(),
                        String.join(", ", ((AlertRuleFile) f.model().get("file")).rules().stream()
                                .map(r -> r.alert()).distinct().toList())));
        d.settings().heartbeat().ifPresent(h -> out.printf("Heartbeat: every %s to $%s (from Secret %s;"
                + " Litestream heartbeat-url)%n", h.interval(), h.urlEnv(), d.settings().secret()));
        if (!plan.processes().isEmpty()) {
            // the figure the built-overlay check holds the pod to, so the two lines of explain agree
            SidecarShutdown.Need need = SidecarShutdown.of(plan);
            out.printf("Sidecar stop: up to %ds after SIGTERM to ship the last writes; the pod's"
                    + " terminationGracePeriodSeconds must be %d or more (with a %ds margin)%n",
                    version.release().secondsToShipLastWrites(), need.seconds(), SidecarShutdown.MARGIN_SECONDS);
        }
        out.printf("Single writer: replicas %s%s%n", plan.patch().replicas().map(String::valueOf).orElse("-"),
                plan.patch().recreate() ? ", strategy Recreate" : "");
        out.println();
        explanation.estimate().lines().forEach(out::println);
        if (!explanation.notes().isEmpty()) {
            out.println();
            explanation.notes().forEach(out::println);
        }
        overlays(d.app(), explanation.overlays(), out);
    }

    /** What check finds in each overlay of the app; explain informs, so a missing kustomize is a note. */
    private static void overlays(String app, Explanation.Overlays overlays, PrintWriter out) {
        out.println();
        if (overlays instanceof Explanation.NotEnabled) {
            out.println("Overlays: not verified (verify.enabled: false in " + Repository.CONFIG_FILE + ")");
            return;
        }
        if (overlays instanceof Explanation.Stale) {
            out.printf("Overlays: not verified: the generated files of %s are not current; run vixens-ls generate"
                    + " %s first%n", app, app);
            return;
        }
        if (overlays instanceof Explanation.NotRun notRun) {
            out.println("Overlays: not verified: " + notRun.reason().format());
            return;
        }
        Verification verification = ((Explanation.Verified) overlays).verification();
        out.printf("Overlays (built with %s, as check verifies them):%n", verification.command().display());
        for (OverlayVerifier.OverlayReport report : verification.reports()) {
            out.printf("  %s%n", report.overlay());
            report.facts().forEach(fact -> out.printf("    %s%n", fact));
            report.findings().forEach(finding -> out.printf("    PROBLEM %s%n", finding.format()));
            report.warnings().forEach(warning -> out.printf("    %s%n", warning.format()));
            if (report.findings().isEmpty()) {
                out.println("    verified: the backup is in what the cluster will run");
            }
        }
        List<Problem> appLevel = verification.findings().stream()
                .filter(f -> verification.reports().stream().noneMatch(r -> r.findings().contains(f))).toList();
        appLevel.forEach(finding -> out.printf("  PROBLEM %s%n", finding.format()));
    }

    /**
     * Which backups a restore by {@code release} reads at {@code url}: its own layout, then the layouts it also
     * reads there; and a layout it does not read that a later release of its line does.
     */
    static String history(Release release, String url) {
        List<ReplicaLayout> reads = release.restoreReads();
        StringBuilder text = new StringBuilder(reads.get(0).description() + " at " + url);
        for (ReplicaLayout also : reads.subList(1, reads.size())) {
            text.append(", or the ").append(also.description()).append(" there when those are newer");
        }
        for (ReplicaLayout layout : ReplicaLayout.values()) {
            if (reads.contains(layout)) {
                continue;
            }
            ReleaseTable.get().line(release.line()).stream()
                    .filter(r -> r.isAfter(release) && r.restoreReads().contains(layout)).findFirst()
                    .ifPresent(r -> text.append(" (not the ").append(layout.description()).append(" there: ")
                            .append(r.version()).append(" and later read those)"));
        }
        return text.toString();
    }

    /**
     * What an init container runs, as the patch has it: the tool's scripts are inline ({@code /bin/sh -c}),
     * so the text names the script, never a file the pod would not have.
     */
    private static String what(ContainerPlan c) {
        String runs = c.script().map(s -> "runs the " + s.file().replaceFirst("\\.sh$", "") + " script (inline,"
                + " sh -c)" + (s.arguments().isEmpty() ? "" : " with " + String.join(" ", s.arguments())))
                .orElse(c.restartPolicy().isPresent() ? "native sidecar: starts here, stops after the app"
                        : String.join(" ", c.args()));
        return runs + "; image " + c.image() + ", uid " + c.securityContext().runAsUser();
    }

    private static String show(Setting<?> setting) {
        return setting.value() + (setting.overridden() ? "*" : "");
    }
}
