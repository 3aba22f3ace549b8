package dev.vixens.ls.cli;

import dev.vixens.ls.generate.Generator;
import dev.vixens.ls.generate.ReleaseWarnings;
import dev.vixens.ls.output.CheckCache;
import dev.vixens.ls.output.GenerationOutput;
import dev.vixens.ls.output.OutputChecker;
import dev.vixens.ls.output.OutputChecker.Difference;
import dev.vixens.ls.output.RepositoryLock;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "check",
        description = "Exits 0 when every generated file on disk is exactly what generate would write, 1"
                + " otherwise, printing a unified diff (a/ = on disk, b/ = generated) for each missing, edited"
                + " or stale file. Without APP or --all, checks every app. Writes nothing.")
public final class CheckCommand implements Callable<Integer> {

    /** The line a successful check prints; the fast path ({@link FastPath}) prints the same. */
    static final String CURRENT = "check: %d generated files are current%n";

    @Mixin
    RepositoryOption repository;

    @Mixin
    AppSelection selection;

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
        for (Difference difference : differences) {
            out.print(difference.diff());
        }
        warnings.forEach(err::println);
        if (differences.isEmpty()) {
            if (warnings.isEmpty()) {
                // the fast check answers from this record without planning, so it could not repeat warnings
                CheckCache.record(repo.root(), new CheckCache.Snapshot(CheckCache.selectionKey(all, selection.apps),
                        repo.config().appDirs(), repo.config().profilesDir(), repo.inputFiles(), output));
            }
            out.printf(CURRENT, output.files().size());
            return ExitCodes.OK;
        }
        for (Difference difference : differences) {
            out.printf("check: %s %s%n", difference.kind().name().toLowerCase(Locale.ROOT), difference.path());
        }
        out.printf("check: %d of %d generated files are not current; run: vixens-ls generate %s%n",
                differences.size(), output.files().size(), all ? "--all" : String.join(" ", selection.apps));
        return ExitCodes.DIFFERENCES;
    }
}
