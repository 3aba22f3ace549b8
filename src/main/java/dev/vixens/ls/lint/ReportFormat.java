package dev.vixens.ls.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@code lint} prints its findings: one line each for people and editors, JSON for scripts, SARIF
 * 2.1.0 for code-scanning UIs (which show each finding on the line it is about).
 */
public enum ReportFormat {
    TEXT {
        @Override
        public void write(LintReport report, String toolVersion, PrintWriter out) {
            report.findings().forEach(f -> out.println(f.format()));
        }
    },
    JSON {
        @Override
        public void write(LintReport report, String toolVersion, PrintWriter out) {
            List<Map<String, Object>> findings = new ArrayList<>();
            for (Finding f : report.findings()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("file", f.location().file());
                item.put("line", f.location().line());
                item.put("column", f.location().column());
                item.put("severity", f.severity().text());
                item.put("rule", f.rule().id());
                item.put("message", f.message());
                findings.add(item);
            }
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("configs", report.configs());
            document.put("errors", report.count(Severity.ERROR));
            document.put("warnings", report.count(Severity.WARNING));
            document.put("findings", findings);
            print(document, out);
        }
    },
    SARIF {
        @Override
        public void write(LintReport report, String toolVersion, PrintWriter out) {
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Rule rule : Rule.values()) {
                rules.add(map("id", rule.id(),
                        "shortDescription", map("text", rule.summary()),
                        "help", map("text", "See docs/lint-rules.md#" + rule.id() + " in the vixens-ls repository."),
                        "defaultConfiguration", map("level", level(rule.severity()))));
            }
            List<Map<String, Object>> results = new ArrayList<>();
            for (Finding f : report.findings()) {
                Map<String, Object> region = map("startLine", f.location().line(),
                        "startColumn", f.location().column());
                Map<String, Object> physical = map("artifactLocation", map("uri", uri(f.location().file())),
                        "region", region);
                results.add(map("ruleId", f.rule().id(),
                        "ruleIndex", f.rule().ordinal(),
                        "level", level(f.severity()),
                        "message", map("text", f.message()),
                        "locations", List.of(map("physicalLocation", physical))));
            }
            Map<String, Object> driver = map("name", "vixens-ls", "version", toolVersion, "rules", rules);
            Map<String, Object> run = map("tool", map("driver", driver), "results", results);
            print(map("$schema", "https://json.schemastore.org/sarif-2.1.0.json", "version", "2.1.0",
                    "runs", List.of(run)), out);
        }
    };

    public abstract void write(LintReport report, String toolVersion, PrintWriter out);

    static String level(Severity severity) {
        return severity == Severity.ERROR ? "error" : "warning";
    }

    /** SARIF wants URIs: a relative path stays relative (to the checkout), an absolute one is a file: URI. */
    static String uri(String file) {
        String path = file.replace('\\', '/');
        StringBuilder out = new StringBuilder(path.startsWith("/") ? "file://" : "");
        for (char c : path.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || "/-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    out.append(String.format("%%%02X", b & 0xff));
                }
            }
        }
        return out.toString();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static void print(Object document, PrintWriter out) {
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the lint report", e);
        }
    }
}
