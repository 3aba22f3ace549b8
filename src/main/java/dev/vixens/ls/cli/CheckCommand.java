package dev.vixens.ls.cli;

import dev.vixens.ls.pipeline.CheckReport;
import dev.vixens.ls.pipeline.Pipeline;
import java.io.PrintWriter;
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
                + " checks every app. Writes nothing.")
public final class CheckCommand implements Callable<Integer> {

    @Mixin
    RepositoryOption repository;

    @Mixin
    AppSelection selection;

    @Option(names = "--no-verify", description = "Compare the generated files only; do not build the overlays"
            + " with kustomize to verify the backup in them (same as verify.enabled: false in .vixens-ls.yaml).")
    boolean noVerify;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        CheckReport report = new Pipeline(repository.open()).check(selection.selection(), !noVerify, err::println);
        spec.commandLine().getOut().print(report.output());
        report.warnings().forEach(err::println);
        return report.current() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
    }
}
