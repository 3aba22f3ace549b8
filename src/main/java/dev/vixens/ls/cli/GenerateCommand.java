package dev.vixens.ls.cli;

import dev.vixens.ls.generate.FormatChange;
import dev.vixens.ls.generate.Generator;
import dev.vixens.ls.generate.OverlayHint;
import dev.vixens.ls.generate.PodSecurityWarning;
import dev.vixens.ls.output.CheckCache;
import dev.vixens.ls.output.GenerationOutput;
import dev.vixens.ls.output.OutputWriter;
import dev.vixens.ls.output.OutputWriter.Change;
import dev.vixens.ls.output.RepositoryLock;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate",
        description = "Writes the shared building blocks (apps/_shared/litestream/) and, for each app, the"
                + " Kustomize Component <app dir>/litestream/. Only changed files are written, each"
                + " atomically; files without the vixens-ls marker are never overwritten or deleted; bad input"
                + " writes nothing.")
public final class GenerateCommand implements Runnable {

    @Mixin
    RepositoryOption repository;

    @Mixin
    AppSelection selection;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Repository repo = repository.open();
        PrintWriter err = spec.commandLine().getErr();
        try (RepositoryLock lock = RepositoryLock.exclusive(repo.root(), "generate", err::println)) {
            generate(repo, spec.commandLine().getOut(), err);
        }
    }

    private void generate(Repository repo, PrintWriter out, PrintWriter err) {
        Generator generator = new Generator(repo);
        List<AppRef> apps = generator.select(selection.all, selection.apps);
        List<AppPlan> plans = generator.plan(apps);
        GenerationOutput output = generator.renderPlans(plans);
        if (selection.all) {
            output = output.managingAlso(generator.orphanedComponents());
        }
        List<String> formatChanges = FormatChange.warnings(repo, plans);
        List<Change> changes = OutputWriter.write(repo.root(), output);
        List<String> warnings = generator.warnings();
        if (selection.all && warnings.isEmpty()) {
            CheckCache.record(repo.root(), new CheckCache.Snapshot(CheckCache.selectionKey(true, List.of()),
                    repo.config().appDirs(), repo.config().profilesDir(), repo.inputFiles(), output));
        }
        for (Change change : changes) {
            out.printf("%-9s %s%n", change.action().name().toLowerCase(Locale.ROOT), change.path());
        }
        for (String hint : OverlayHint.missingComponents(repo, apps)) {
            err.println(hint);
        }
        for (String warning : formatChanges) {
            err.println(warning);
        }
        for (String warning : PodSecurityWarning.warnings(plans)) {
            err.println(warning);
        }
        warnings.forEach(err::println);
    }
}
