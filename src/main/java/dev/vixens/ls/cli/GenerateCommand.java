package dev.vixens.ls.cli;

import dev.vixens.ls.output.OutputWriter.Action;
import dev.vixens.ls.output.OutputWriter.Change;
import dev.vixens.ls.pipeline.GenerateReport;
import dev.vixens.ls.pipeline.Pipeline;
import java.io.PrintWriter;
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
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GenerateReport report = new Pipeline(repository.open()).generate(selection.selection(), write.dryRun(),
                err::println);
        for (Change change : report.changes()) {
            if (change.action() == Action.UNCHANGED && write.quiet()) {
                continue;
            }
            out.printf(write.dryRun() ? "%-12s %s%n" : "%-9s %s%n", switch (change.action()) {
                case WROTE -> write.verb("wrote", "would write");
                case DELETED -> write.verb("deleted", "would delete");
                case UNCHANGED -> "unchanged";
            }, change.path());
        }
        report.notes().forEach(err::println);
        write.finish(err);
    }
}
