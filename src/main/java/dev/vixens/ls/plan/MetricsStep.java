package dev.vixens.ls.plan;

import java.util.Map;

/**
 * Step 5b: Prometheus scraping of the sidecars. The {@code prometheus.io/*} pod annotations (unless the
 * descriptor turns them off because the app uses them for its own metrics) name one port only, the first
 * process's. When a pod runs several Litestream processes (0.5 with mixed profiles), a PodMonitor in the
 * Component scrapes every port; it selects the pod by a label the same patch adds, so the Component needs
 * to know nothing about the labels of the app's base.
 */
final class MetricsStep implements StartupStep {

    /** The pod label the PodMonitor selects on; its value is the app name. */
    static final String POD_LABEL = "ls.vixens.dev/app";
    static final String PODMONITOR_FILE = "podmonitor.yaml";
    static final String PATH = "/metrics";

    /** Whether the pod's processes are scraped by a PodMonitor: when there are several. */
    static boolean hasPodMonitor(StepInput input) {
        return input.processes().size() > 1;
    }

    @Override
    public Contribution contribute(StepInput input) {
        if (input.processes().isEmpty()) {
            return Contribution.NONE;
        }
        Contribution contribution = Contribution.NONE;
        if (input.settings().metricsAnnotations()) {
            contribution = contribution.annotation("prometheus.io/scrape", "true")
                    .annotation("prometheus.io/port", Integer.toString(input.processes().get(0).metricsPort()))
                    .annotation("prometheus.io/path", PATH);
        }
        if (hasPodMonitor(input)) {
            PodMonitorPlan monitor = new PodMonitorPlan(input.target().configMapName(), input.target().namespace(),
                    Map.of(POD_LABEL, input.target().app()),
                    input.processes().stream().map(LitestreamProcess::portName).toList(), PATH);
            contribution = contribution.podLabel(POD_LABEL, input.target().app()).resource(
                    new EmittedFile.PodMonitor(input.target().componentDir() + "/" + PODMONITOR_FILE, monitor));
        }
        return contribution;
    }
}
