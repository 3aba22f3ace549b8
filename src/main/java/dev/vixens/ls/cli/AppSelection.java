package dev.vixens.ls.cli;

import dev.vixens.ls.pipeline.Selection;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code APP... | --all}, shared by generate and check. */
public final class AppSelection {

    @Option(names = "--all", description = "Every app with a descriptor in the repository.")
    boolean all;

    @Parameters(paramLabel = "APP", arity = "0..*", completionCandidates = AppNameCandidates.class,
            description = "App names (the directory holding vixens-backup.yaml).")
    List<String> apps = new ArrayList<>();

    Selection selection() {
        return new Selection(all, apps);
    }
}
