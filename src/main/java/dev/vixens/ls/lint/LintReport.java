package dev.vixens.ls.lint;

import java.util.List;

/**
 * What one {@code lint} run found, in file/line/column order.
 *
 * @param configs how many Litestream configs were read
 */
public record LintReport(List<Finding> findings, int configs) {

    public LintReport {
        findings = findings.stream().sorted(Finding.ORDER).distinct().toList();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }
}
