package dev.vixens.ls.alerts;

import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code monitoring:} section of the repository configuration: which kind of alert rules file every app's
 * Component carries, and how a Prometheus finds it. It is a repository's choice, not an app's: one Prometheus
 * watches them all.
 *
 * @param prometheusOperator a PrometheusRule in each Component (true) or a plain rules file beside it (false)
 * @param ruleLabels the PrometheusRule's labels, which a Prometheus' {@code ruleSelector} matches
 *     (often {@code release: <helm release>})
 * @param runbookBase where people read docs/troubleshooting.md; each rule's {@code runbook_url} is this plus
 *     the section's anchor
 */
public record Monitoring(boolean prometheusOperator, Map<String, String> ruleLabels, String runbookBase) {

    public static final String DEFAULT_RUNBOOK_BASE = "docs/troubleshooting.md";
    public static final Monitoring DEFAULT = new Monitoring(false, Map.of(), DEFAULT_RUNBOOK_BASE);

    /** A Kubernetes label key (optional DNS prefix, then a name of at most 63 characters) and value. */
    private static final Pattern LABEL_KEY = Pattern.compile(
            "([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

    public Monitoring {
        ruleLabels = new TreeMap<>(ruleLabels);
    }

    /** The section as written; every key is optional. */
    public record MonitoringDocument(Boolean prometheusOperator, Map<String, String> ruleLabels, String runbookBase) {
    }

    /** Reads the section of {@code source}; labels a PrometheusRule cannot carry are refused where written. */
    public static Monitoring of(SourceFile source, MonitoringDocument doc) {
        if (doc == null) {
            return DEFAULT;
        }
        Map<String, String> labels = doc.ruleLabels() == null ? Map.of() : doc.ruleLabels();
        for (Map.Entry<String, String> label : labels.entrySet()) {
            YamlPath at = YamlPath.of("monitoring", "ruleLabels", label.getKey());
            if (!LABEL_KEY.matcher(label.getKey()).matches()) {
                throw new InputException(YamlLocator.locateKey(source, at), "monitoring.ruleLabels: "
                        + Problem.quote(label.getKey()) + " is not a Kubernetes label key (such as release or"
                        + " prometheus)");
            }
            String value = label.getValue() == null ? "" : label.getValue();
            if (!LABEL_VALUE.matcher(value).matches()) {
                throw new InputException(YamlLocator.locate(source, at), "monitoring.ruleLabels." + label.getKey()
                        + ": " + Problem.quote(value) + " is not a Kubernetes label value (at most 63 letters, digits,"
                        + " '-', '_' or '.', starting and ending with a letter or digit)");
            }
        }
        String base = doc.runbookBase() == null || doc.runbookBase().isBlank() ? DEFAULT_RUNBOOK_BASE
                : doc.runbookBase().strip();
        if (base.contains("#")) {
            throw new InputException(YamlLocator.locate(source, YamlPath.of("monitoring", "runbookBase")),
                    "monitoring.runbookBase: " + Problem.quote(base) + " has an anchor; give the address of"
                    + " troubleshooting.md itself, each rule adds its section's anchor");
        }
        boolean operator = doc.prometheusOperator() != null && doc.prometheusOperator();
        if (!operator && !labels.isEmpty()) {
            throw new InputException(YamlLocator.locateKey(source, YamlPath.of("monitoring", "ruleLabels")),
                    "monitoring.ruleLabels: labels a PrometheusRule, which is generated only with"
                    + " prometheusOperator: true; set it, or remove ruleLabels");
        }
        return new Monitoring(operator, labels, base);
    }
}
