package dev.vixens.ls.plan;

import java.util.List;
import java.util.Map;

/**
 * A Prometheus Operator PodMonitor (monitoring.coreos.com/v1) that scrapes every Litestream metrics port of
 * the app's pod, by port name.
 *
 * @param selector pod labels it selects on; the Component's own patch puts them on the pod
 */
public record PodMonitorPlan(String name, String namespace, Map<String, String> selector, List<String> portNames, String path) {

    public PodMonitorPlan {
        selector = Map.copyOf(selector);
        portNames = List.copyOf(portNames);
    }

    public List<Map.Entry<String, String>> sortedSelector() {
        return selector.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }
}
