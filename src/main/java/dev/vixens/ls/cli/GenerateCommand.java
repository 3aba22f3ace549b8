package dev.vixens.ls.cli;

import dev.vixens.ls.output.OutputWriter.Change;
import dev.vixens.ls.pipeline.GenerateReport;
import dev.vixens.ls.pipeline.Pipeline;
import java.io.PrintWriter;
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
        PrintWriter err = spec.commandLine().getErr();
        GenerateReport report = new Pipeline(repository.open()).generate(selection.selection(), err::println);
        for (Change change : report.changes()) {
            spec.commandLine().getOut().printf("%-9s %s%n", change.action().name().toLowerCase(Locale.ROOT),
                    change.path());
        }
        report.notes().forEach(err::println);
    }
}
