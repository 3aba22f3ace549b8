package dev.vixens.ls.importer;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The import report as printed: the files written, each database with its profile and why, the findings under
 * their headings (replaced, not carried over, kept, to review) in the order they were made, and the next steps.
 */
public final class ImportReport {

    private ImportReport() {
    }

    /**
     * @param wrote how the files are announced ("wrote", or "would write" for a dry run)
     * @param showContent print each file's content below its name (a dry run)
     * @param quiet only the files and the findings: no databases, no next steps
     */
    public static void print(PrintWriter out, ImportPlan plan, String wrote, boolean showContent, boolean quiet) {
        out.printf("import %s%n", plan.appDir());
        for (Map.Entry<String, String> file : plan.files().entrySet()) {
            out.printf("  %s %s%n", wrote, file.getKey());
            if (showContent) {
                out.print(file.getValue().indent(6));
            }
        }
        if (!quiet) {
            out.println("  databases:");
            for (ImportPlan.DatabaseChoice db : plan.databases()) {
                out.printf("    %-44s %-10s %s%n", db.path(), db.profile(), db.why());
            }
        }
        for (Finding.Kind kind : Finding.Kind.values()) {
            List<Finding> findings = plan.findings().stream().filter(f -> f.kind() == kind).toList();
            if (!findings.isEmpty()) {
                out.printf("  %s:%n", kind.heading());
                findings.forEach(f -> out.printf("    %s%n", f.format()));
            }
        }
        if (!quiet) {
            out.println("  next:");
            for (int i = 0; i < plan.nextSteps().size(); i++) {
                out.printf("    %d. %s%n", i + 1, plan.nextSteps().get(i));
            }
        }
    }
}
