package dev.vixens.ls.plan;

import dev.vixens.ls.alerts.AlertRuleFile;
import dev.vixens.ls.alerts.AlertRules;
import dev.vixens.ls.alerts.AlertSubject;
import dev.vixens.ls.descriptor.AppDescriptor;
import java.util.List;
import java.util.Optional;

/**
 * Last step: the app's alert rules (issue 14), so that a backup that stops is noticed before a restore needs
 * it. The rules themselves are decided in {@link AlertRules}; this step only tells it what the plan builds (the
 * pods, the scrape setup, the drill) and adds the file: a PrometheusRule is a resource of the Component, a
 * plain rules file sits beside it.
 */
final class AlertRulesStep implements StartupStep {

    @Override
    public Contribution contribute(StepInput input) {
        List<AlertSubject.Database> databases = input.databases().stream()
                .filter(db -> db.replicated() && db.profile().isPresent())
                .map(db -> new AlertSubject.Database(db.name(), db.path(), db.profile().get().name(),
                        db.profile().get().alerting()))
                .toList();
        if (databases.isEmpty()) {
            return Contribution.NONE;
        }
        StepInput.Target target = input.target();
        Optional<String> podMonitorJob = MetricsStep.hasPodMonitor(input)
                ? Optional.of(target.namespace() + "/" + target.configMapName()) : Optional.empty();
        Optional<String> drill = input.drill().map(d -> RestoreDrill.nameFor(target.app()));
        AlertSubject subject = new AlertSubject(target.app(), target.namespace(),
                podPattern(target.kind(), target.workloadName()), input.settings().litestreamVersion().release(),
                podMonitorJob, databases, drill);
        AlertRuleFile file = AlertRules.file(subject, input.monitoring());
        EmittedFile.AlertRules rules = new EmittedFile.AlertRules(target.componentDir() + "/" + file.fileName(), file);
        return file.prometheusRule() ? Contribution.NONE.resource(rules) : Contribution.NONE.file(rules);
    }

    /** The names the workload's controller gives its pods: {@code <name>-<hash>-<id>}, {@code <name>-<ordinal>}. */
    static String podPattern(AppDescriptor.WorkloadKind kind, String workloadName) {
        String name = AlertRules.regex(workloadName);
        return kind == AppDescriptor.WorkloadKind.STATEFUL_SET ? name + "-[0-9]+" : name + "-[a-z0-9]+-[a-z0-9]+";
    }
}
