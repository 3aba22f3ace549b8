package dev.vixens.ls.cli;

import dev.vixens.ls.json.JsonDocument;
import dev.vixens.ls.output.OutputChecker.Difference;
import dev.vixens.ls.pipeline.CheckReport;
import dev.vixens.ls.pipeline.Pipeline;
import dev.vixens.ls.source.Problem;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check",
        description = "Exits 0 when every generated file on disk is exactly what generate would write and every"
                + " overlay of the apps, built with kustomize, runs the generated backup; 1 otherwise, printing a"
                + " unified diff (a/ = on disk, b/ = generated) for each missing, edited or stale file and one"
                + " line file:line:column: message for each problem of a built overlay. Without APP or --all,"
                + " checks every app. Warns on stderr, without changing the exit code, when a workload allows its"
                + " start-up less time than the restore is estimated to take (docs/startup-budget.md). Writes nothing. --output json prints one document instead (schema/check.output.schema.json).")
public final class CheckCommand implements Callable<Integer> {

    @Mixin
    RepositoryOption repository;

    @Mixin
    AppSelection selection;

    @Option(names = "--no-verify", description = "Compare the generated files only; do not build the overlays"
            + " with kustomize to verify the backup in them (same as verify.enabled: false in .vixens-ls.yaml).")
    boolean noVerify;

    @Option(names = "--name-only", description = "Print the path of each file that is not current, one per line,"
            + " instead of its diff (the summary goes to stderr).")
    boolean nameOnly;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on stdout; the exit code says whether"
            + " everything is current.")
    boolean quiet;

    @Mixin
    OutputOption output;

    @Mixin
    DiffColour colour;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CheckReport report = new Pipeline(repository.open()).check(selection.selection(), !noVerify, err::println);
        int exit = report.current() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
        if (output.json()) {
            report.warnings().forEach(err::println);
            json(report).print(out);
            return exit;
        }
        PrintWriter shown = quiet ? new PrintWriter(java.io.Writer.nullWriter()) : out;
        PrintWriter summary = nameOnly ? err : shown;
        boolean coloured = !nameOnly && colour.enabled();
        for (Difference difference : report.differences()) {
            shown.print(nameOnly ? difference.path() + "\n"
                    : coloured ? DiffColour.colour(difference.diff()) : difference.diff());
        }
        report.findings().forEach(finding -> shown.println(finding.format()));
        report.warnings().forEach(err::println);
        if (report.current()) {
            summary.println(report.currentLine());
            return exit;
        }
        if (!nameOnly) {
            report.differenceLines().forEach(shown::println);
        }
        report.summaryLines().forEach(summary::println);
        shown.flush();
        return exit;
    }

    private static JsonDocument json(CheckReport report) {
        return JsonDocument.of("check").put("current", report.current()).put("files", report.files())
                .put("differences", report.differences().stream().map(d -> JsonDocument.object("kind",
                        d.kind().name().toLowerCase(Locale.ROOT), "path", d.path(), "diff", d.diff())).toList())
                .put("problems", report.findings().stream().map(CheckCommand::json).toList())
                .put("overlaysVerified", report.verification().map(v -> v.reports().size()).orElse(0))
                .put("notVerified", report.stale())
                .put("warnings", report.warnings())
                .put("startupWarnings", report.verification().map(v -> v.warnings().stream().map(CheckCommand::json)
                        .toList()).orElse(List.of()));
    }

    private static java.util.Map<String, Object> json(Problem f) {
        return JsonDocument.object("file", f.location().file(), "line", f.location().line(), "column",
                f.location().column(), "message", f.message());
    }
}
