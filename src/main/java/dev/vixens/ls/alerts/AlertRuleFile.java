package dev.vixens.ls.alerts;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alert rules of one app, as the file the Component carries: a Prometheus Operator {@code PrometheusRule}
 * (listed in the Component's resources) when the repository says the operator runs, else a plain Prometheus
 * rules file beside the Component (not a Kubernetes object, so not a resource of it) that a Prometheus loads
 * with {@code rule_files}.
 *
 * @param name the PrometheusRule's name, also the rule group's name
 * @param ruleLabels the PrometheusRule's labels, by which a Prometheus selects rules
 */
public record AlertRuleFile(String name, String namespace, boolean prometheusRule, Map<String, String> ruleLabels,
        List<AlertRule> rules) {

    /** Rules file of the plain kind, beside the Component's files. */
    public static final String RULES_FILE = "alert-rules.yaml";
    /** The PrometheusRule, a resource of the Component. */
    public static final String PROMETHEUS_RULE_FILE = "prometheusrule.yaml";

    public AlertRuleFile {
        ruleLabels = new TreeMap<>(ruleLabels);
        rules = List.copyOf(rules);
    }

    public String fileName() {
        return prometheusRule ? PROMETHEUS_RULE_FILE : RULES_FILE;
    }

    public List<Map.Entry<String, String>> sortedRuleLabels() {
        return List.copyOf(ruleLabels.entrySet());
    }
}
