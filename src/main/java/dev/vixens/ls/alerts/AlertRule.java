package dev.vixens.ls.alerts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One Prometheus alerting rule as generated: what the template lays out, every decision already made by
 * {@link AlertRules}. Labels and annotations are kept sorted so that the output is deterministic.
 *
 * @param forDuration the rule's {@code for}, a Prometheus duration such as {@code 15m}; empty: fires at once
 */
public record AlertRule(String alert, String expr, Optional<String> forDuration, Map<String, String> labels,
        Map<String, String> annotations) {

    public AlertRule {
        labels = new TreeMap<>(labels);
        annotations = new TreeMap<>(annotations);
    }

    public List<Map.Entry<String, String>> sortedLabels() {
        return List.copyOf(labels.entrySet());
    }

    public List<Map.Entry<String, String>> sortedAnnotations() {
        return List.copyOf(annotations.entrySet());
    }
}
