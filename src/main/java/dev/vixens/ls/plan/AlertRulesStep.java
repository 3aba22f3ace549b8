package dev.vixens.ls.plan;

import dev.vixens.ls.alerts.AlertRuleFile;
import dev.vixens.ls.alerts.AlertRules;
import dev.vixens.ls.alerts.AlertSubject;
import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.profile.Profile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Last step: the app's alert rules (issue 14), so that a backup that stops is noticed before a restore needs
 * it. The rules themselves are decided in {@link AlertRules}; this step only tells it what the plan built (the
 * pods, the scrape setup, the drill) and adds the file: a PrometheusRule is a resource of the Component, a
 * plain rules file sits beside it.
 */
final class AlertRulesStep implements PlanStep {

    @Override
    public void apply(PlanContext plan) {
        List<AlertSubject.Database> databases = plan.databases.stream().filter(PlannedDatabase::replicated)
                .map(db -> new AlertSubject.Database(db.name(), db.path(), db.profile().name(),
                        ((Profile.BackedUp) db.profile()).alerting()))
                .toList();
        if (databases.isEmpty()) {
            return;
        }
        AppDescriptor app = plan.app;
        Optional<String> podMonitorJob = plan.extraResources.contains(MetricsStep.PODMONITOR_FILE)
                ? Optional.of(app.namespace() + "/" + plan.configMapName) : Optional.empty();
        Optional<String> drill = app.drill().map(d -> RestoreDrill.nameFor(app.app()));
        AlertSubject subject = new AlertSubject(app.app(), app.namespace(), podPattern(app.workload()),
                app.settings().litestreamVersion().release(), podMonitorJob, databases, drill);
        AlertRuleFile file = AlertRules.file(subject, plan.monitoring);
        if (file.prometheusRule()) {
            plan.extraResources.add(file.fileName());
        }
        plan.extraFiles.add(new FileSpec(plan.componentDir + "/" + file.fileName(), "component/alert-rules.yaml.ftl",
                Map.of("file", file)));
    }

    /** The names the workload's controller gives its pods: {@code <name>-<hash>-<id>}, {@code <name>-<ordinal>}. */
    static String podPattern(AppDescriptor.Workload workload) {
        String name = AlertRules.regex(workload.name());
        return workload.kind() == AppDescriptor.WorkloadKind.STATEFUL_SET ? name + "-[0-9]+"
                : name + "-[a-z0-9]+-[a-z0-9]+";
    }
}
