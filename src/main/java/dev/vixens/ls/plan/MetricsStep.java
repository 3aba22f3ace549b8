package dev.vixens.ls.plan;

import java.util.Map;

/**
 * Step 5b: Prometheus scraping of the sidecars. The {@code prometheus.io/*} pod annotations (unless the
 * descriptor turns them off because the app uses them for its own metrics) name one port only, the first
 * process's. When a pod runs several Litestream processes (0.5 with mixed profiles), a PodMonitor in the
 * Component scrapes every port; it selects the pod by a label the same patch adds, so the Component needs
 * to know nothing about the labels of the app's base.
 */
final class MetricsStep implements PlanStep {

    /** The pod label the PodMonitor selects on; its value is the app name. */
    static final String POD_LABEL = "ls.vixens.dev/app";
    static final String PODMONITOR_FILE = "podmonitor.yaml";
    static final String PATH = "/metrics";

    @Override
    public void apply(PlanContext plan) {
        if (plan.processes.isEmpty()) {
            return;
        }
        if (plan.app.settings().metricsAnnotations()) {
            plan.annotations.put("prometheus.io/scrape", "true");
            plan.annotations.put("prometheus.io/port", Integer.toString(plan.processes.get(0).metricsPort()));
            plan.annotations.put("prometheus.io/path", PATH);
        }
        if (plan.processes.size() > 1) {
            plan.podLabels.put(POD_LABEL, plan.app.app());
            PodMonitorPlan monitor = new PodMonitorPlan(plan.configMapName, plan.app.namespace(),
                    Map.of(POD_LABEL, plan.app.app()),
                    plan.processes.stream().map(LitestreamProcess::portName).toList(), PATH);
            String dir = plan.componentDir;
            plan.extraResources.add(PODMONITOR_FILE);
            plan.extraFiles.add(new FileSpec(dir + "/" + PODMONITOR_FILE, "component/podmonitor.yaml.ftl",
                    Map.of("monitor", monitor)));
        }
    }
}
