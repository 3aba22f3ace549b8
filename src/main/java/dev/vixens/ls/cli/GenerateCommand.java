package dev.vixens.ls.cli;

import dev.vixens.ls.generate.Generator;
import dev.vixens.ls.generate.OverlayHint;
import dev.vixens.ls.generate.PodSecurityWarning;
import dev.vixens.ls.generate.ReleaseWarnings;
import dev.vixens.ls.output.CheckCache;
import dev.vixens.ls.output.GenerationOutput;
import dev.vixens.ls.output.OutputWriter;
import dev.vixens.ls.output.OutputWriter.Action;
import dev.vixens.ls.output.OutputWriter.Change;
import dev.vixens.ls.output.RepositoryLock;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate",
        description = "Writes the shared building blocks (apps/_shared/litestream/) and, for each app, the"
                + " Kustomize Component <app dir>/litestream/. Only changed files are written, each"
                + " atomically; files without the vixens-ls marker are never overwritten or deleted; bad input"
                + " writes nothing; --dry-run prints what it would write.")
public final class GenerateCommand implements Runnable {

    @Mixin
    RepositoryOption repository;

    @Mixin
    AppSelection selection;

    @Mixin
    WriteOptions write;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Repository repo = repository.open();
        PrintWriter err = spec.commandLine().getErr();
        try (RepositoryLock lock = write.dryRun() ? RepositoryLock.shared(repo.root(), "generate", err::println)
                : RepositoryLock.exclusive(repo.root(), "generate", err::println)) {
            generate(repo, spec.commandLine().getOut(), err);
        }
        write.finish(err);
    }

    private void generate(Repository repo, PrintWriter out, PrintWriter err) {
        Generator generator = new Generator(repo);
        List<AppRef> apps = generator.select(selection.all, selection.apps);
        List<AppPlan> plans = generator.plan(apps);
        GenerationOutput output = generator.renderPlans(plans);
        if (selection.all) {
            output = output.managingAlso(generator.orphanedComponents());
        }
        List<String> releaseWarnings = ReleaseWarnings.of(repo, plans);
        List<String> repositoryWarnings = generator.warnings();
        List<Change> changes = write.dryRun() ? OutputWriter.dryRun(repo.root(), output)
                : OutputWriter.write(repo.root(), output);
        // a check answered from the cache would not repeat the warnings: record only a run without any
        if (!write.dryRun() && selection.all && releaseWarnings.isEmpty() && repositoryWarnings.isEmpty()) {
            CheckCache.record(repo.root(), new CheckCache.Snapshot(CheckCache.selectionKey(true, List.of()),
                    repo.config().appDirs(), repo.config().profilesDir(), repo.inputFiles(), output));
        }
        for (Change change : changes) {
            if (change.action() == Action.UNCHANGED && write.quiet()) {
                continue;
            }
            out.printf(write.dryRun() ? "%-12s %s%n" : "%-9s %s%n", switch (change.action()) {
                case WROTE -> write.verb("wrote", "would write");
                case DELETED -> write.verb("deleted", "would delete");
                case UNCHANGED -> "unchanged";
            }, change.path());
        }
        for (String hint : OverlayHint.missingComponents(repo, apps)) {
            err.println(hint);
        }
        releaseWarnings.forEach(err::println);
        for (String warning : PodSecurityWarning.warnings(plans)) {
            err.println(warning);
        }
        repositoryWarnings.forEach(err::println);
    }
}
