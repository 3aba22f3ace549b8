package dev.vixens.ls.plan;

/**
 * Step 5b: Prometheus scraping of the sidecar through the {@code prometheus.io/*} pod annotations (unless the
 * descriptor turns them off because the app uses them for its own metrics).
 */
final class MetricsStep implements PlanStep {

    @Override
    public void apply(PlanContext plan) {
        if (!plan.app.settings().metricsAnnotations() || plan.processes.isEmpty()) {
            return;
        }
        plan.annotations.put("prometheus.io/scrape", "true");
        plan.annotations.put("prometheus.io/port", Integer.toString(plan.processes.get(0).metricsPort()));
        plan.annotations.put("prometheus.io/path", "/metrics");
    }
}
