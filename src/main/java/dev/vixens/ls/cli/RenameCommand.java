package dev.vixens.ls.cli;

import dev.vixens.ls.output.OutputWriter;
import dev.vixens.ls.output.RepositoryLock;
import dev.vixens.ls.rename.AppRename;
import dev.vixens.ls.repo.Repository;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rename",
        description = "Renames an app and keeps its backup history: pins each backed-up database's replicaPath in"
                + " the descriptor to where its backups already are (the bucket path does not change), moves the"
                + " app directory to NEW beside it (overlays included, their components: stay right), sets app:"
                + " NEW and generates the Component again.")
public final class RenameCommand implements Runnable {

    @Mixin
    RepositoryOption repository;

    @Parameters(index = "0", paramLabel = "APP", completionCandidates = AppNameCandidates.class,
            description = "The app.")
    String app;

    @Parameters(index = "1", paramLabel = "NEW", description = "Its new name (also its new directory name).")
    String newName;

    @Mixin
    WriteOptions write;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Repository repo = repository.open();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        AppRename.Plan plan;
        List<OutputWriter.Change> generated = List.of();
        try (RepositoryLock lock = RepositoryLock.exclusive(repo.root(), "rename", err::println)) {
            plan = AppRename.plan(repo, app, newName);
            if (!write.dryRun()) {
                generated = AppRename.apply(repo, plan);
            }
        }
        out.printf("rename %s %s%n", plan.app().name(), plan.newName());
        out.printf("  %s %s to %s%n", write.verb("moved", "would move"), plan.app().directory(), plan.newDirectory());
        out.printf("  %s %s/vixens-backup.yaml (app: %s)%n", write.verb("wrote", "would write"), plan.newDirectory(),
                plan.newName());
        for (Map.Entry<String, String> pin : plan.pinned().entrySet()) {
            out.printf("    %s: replicaPath: %s (the backups stay where they are)%n", pin.getKey(), pin.getValue());
        }
        if (write.dryRun()) {
            out.print(plan.descriptor().indent(4));
        }
        for (OutputWriter.Change change : generated) {
            if (change.action() != OutputWriter.Action.UNCHANGED || !write.quiet()) {
                out.printf("  %-9s %s%n", change.action().name().toLowerCase(Locale.ROOT), change.path());
            }
        }
        if (!write.quiet()) {
            out.printf("next: update what names %s/ outside it (an Argo CD Application, a parent kustomization),"
                    + " and commit; the workload keeps its name, and its restore drill is now CronJob %s-drill%n",
                    plan.app().directory(), plan.newName());
        }
        write.finish(err);
    }
}
