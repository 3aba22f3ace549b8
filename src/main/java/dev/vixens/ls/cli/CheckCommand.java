package dev.vixens.ls.cli;

import dev.vixens.ls.generate.Generator;
import dev.vixens.ls.generate.ReleaseWarnings;
import dev.vixens.ls.json.JsonDocument;
import dev.vixens.ls.output.CheckCache;
import dev.vixens.ls.output.GenerationOutput;
import dev.vixens.ls.output.OutputChecker;
import dev.vixens.ls.output.OutputChecker.Difference;
import dev.vixens.ls.output.RepositoryLock;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.verify.OverlayVerifier;
import dev.vixens.ls.verify.OverlayVerifier.Verification;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
                + " checks every app. Writes nothing. --output json prints one document instead (schema/check.output.schema.json).")
public final class CheckCommand implements Callable<Integer> {

    /** The line a successful check prints; the fast path ({@link FastPath}) prints the same, from the cache. */
    static final String CURRENT = "check: %d generated files are current";

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
        Repository repo = repository.open();
        PrintWriter err = spec.commandLine().getErr();
        try (RepositoryLock lock = RepositoryLock.shared(repo.root(), "check", err::println)) {
            return check(repo, spec.commandLine().getOut(), err);
        }
    }

    private int check(Repository repo, PrintWriter out, PrintWriter err) {
        Generator generator = new Generator(repo);
        boolean all = selection.all || selection.apps.isEmpty();
        List<AppRef> apps = generator.select(all, selection.apps);
        List<AppPlan> plans = generator.plan(apps);
        GenerationOutput output = generator.renderPlans(plans);
        if (all) {
            output = output.managingAlso(generator.orphanedComponents());
        }
        List<String> warnings = new ArrayList<>(ReleaseWarnings.of(repo, plans));
        warnings.addAll(generator.warnings());
        List<Difference> differences = OutputChecker.check(repo.root(), output);
        boolean verify = !noVerify && repo.config().verify().enabled();
        // An app whose generated files are stale is verified once they are current: its overlays build from
        // the files on disk, and findings about them would only repeat the diff, misleadingly.
        List<AppPlan> stale = plans.stream().filter(p -> differences.stream()
                .anyMatch(d -> d.path().startsWith(p.outputDir() + "/"))).toList();
        Optional<Verification> verification = verify ? Optional.of(OverlayVerifier.verify(repo, plans.stream()
                .filter(p -> !stale.contains(p)).toList())) : Optional.empty();
        List<Problem> findings = verification.map(Verification::findings).orElse(List.of());
        boolean current = differences.isEmpty() && findings.isEmpty();
        if (current && warnings.isEmpty()) {
            // the fast check answers from this record without planning, so it could not repeat warnings
            CheckCache.record(repo.root(), new CheckCache.Snapshot(CheckCache.selectionKey(all, selection.apps,
                    verify), repo.config().appDirs(), repo.config().profilesDir(), repo.inputFiles(), output,
                    summary(output, verification), verification.map(v -> overlays(repo, v))));
        }
        if (this.output.json()) {
            warnings.forEach(err::println);
            JsonDocument.of("check").put("current", current).put("files", output.files().size())
                    .put("differences", differences.stream().map(d -> JsonDocument.object("kind",
                            d.kind().name().toLowerCase(Locale.ROOT), "path", d.path(), "diff", d.diff())).toList())
                    .put("problems", findings.stream().map(f -> JsonDocument.object("file", f.location().file(),
                            "line", f.location().line(), "column", f.location().column(), "message", f.message()))
                            .toList())
                    .put("overlaysVerified", verification.map(v -> v.reports().size()).orElse(0))
                    .put("notVerified", stale.stream().map(p -> p.app().app()).toList())
                    .put("warnings", warnings).print(out);
            return current ? ExitCodes.OK : ExitCodes.DIFFERENCES;
        }
        PrintWriter report = quiet ? new PrintWriter(java.io.Writer.nullWriter()) : out;
        PrintWriter summary = nameOnly ? err : report;
        boolean coloured = !nameOnly && colour.enabled();
        for (Difference difference : differences) {
            report.print(nameOnly ? difference.path() + "\n"
                    : coloured ? DiffColour.colour(difference.diff()) : difference.diff());
        }
        for (Problem finding : findings) {
            report.println(finding.format());
        }
        warnings.forEach(err::println);
        if (current) {
            summary.println(summary(output, verification));
            return ExitCodes.OK;
        }
        if (!nameOnly) {
            for (Difference difference : differences) {
                report.printf("check: %s %s%n", difference.kind().name().toLowerCase(Locale.ROOT), difference.path());
            }
        }
        if (!differences.isEmpty()) {
            List<String> inTheWay = OutputChecker.notGenerated(repo.root(), differences);
            summary.printf("check: %d of %d generated files are not current; run: %svixens-ls generate %s%n",
                    differences.size(), output.files().size(), inTheWay.isEmpty() ? "" : "move away "
                    + String.join(", ", inTheWay) + " (not generated by vixens-ls: no marker, so generate will not"
                    + " overwrite it), then ", all ? "--all" : String.join(" ", selection.apps));
        }
        if (verify && !stale.isEmpty()) {
            summary.printf("check: the overlays of %s are verified once their generated files are current%n",
                    String.join(", ", stale.stream().map(p -> p.app().app()).toList()));
        }
        if (!findings.isEmpty()) {
            summary.printf("check: %d %s in the overlays built with %s (listed above); docs/troubleshooting.md says"
                    + " what each means%n", findings.size(), findings.size() == 1 ? "problem" : "problems",
                    verification.orElseThrow().command().display());
        }
        report.flush();
        return ExitCodes.DIFFERENCES;
    }

    /** The line of a check that finds everything current (the fast path prints it from the cache). */
    private static String summary(GenerationOutput output, Optional<Verification> verification) {
        return String.format(CURRENT, output.files().size()) + verification.map(v -> ", "
                + v.reports().size() + " overlays verified with " + v.command().display()).orElse("");
    }

    /** What the verified builds depended on, for the fast check. */
    private static CheckCache.Overlays overlays(Repository repo, Verification verification) {
        return new CheckCache.Overlays(repo.config().verify().overlays(), repo.config().verify().kustomize(),
                verification.command().program(),
                verification.overlays(), verification.filesRead(), verification.cacheable());
    }
}
