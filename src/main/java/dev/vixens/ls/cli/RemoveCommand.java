package dev.vixens.ls.cli;

import dev.vixens.ls.output.RepositoryLock;
import dev.vixens.ls.remove.AppRemoval;
import dev.vixens.ls.repo.Repository;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "remove",
        description = "Takes an app out of vixens-ls: deletes its generated Component (files with the marker only),"
                + " takes the Component out of its overlays' components: (so they still build) and deletes its"
                + " descriptor. The app's base and overlays stay: it runs without a backup from its next deploy."
                + " The backups stay in the bucket, untouched; the report says where.")
public final class RemoveCommand implements Runnable {

    @Mixin
    RepositoryOption repository;

    @Parameters(paramLabel = "APP", completionCandidates = AppNameCandidates.class, description = "The app.")
    String app;

    @Mixin
    WriteOptions write;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Repository repo = repository.open();
        PrintWriter err = spec.commandLine().getErr();
        AppRemoval.Plan plan;
        try (RepositoryLock lock = RepositoryLock.exclusive(repo.root(), "remove", err::println)) {
            plan = AppRemoval.plan(repo, app);
            if (!write.dryRun()) {
                AppRemoval.apply(repo, plan);
            }
        }
        print(repo, plan, spec.commandLine().getOut());
        write.finish(err);
    }

    private void print(Repository repo, AppRemoval.Plan plan, PrintWriter out) {
        out.printf("remove %s%n", plan.app().name());
        for (Map.Entry<String, List<String>> edit : plan.removedEntries().entrySet()) {
            out.printf("  %s %s (components: no longer lists %s)%n", write.verb("edited", "would edit"),
                    edit.getKey(), String.join(", ", edit.getValue()));
        }
        for (String file : plan.generated()) {
            out.printf("  %s %s%n", write.verb("deleted", "would delete"), file);
        }
        out.printf("  %s %s%n", write.verb("deleted", "would delete"), repo.display(plan.app().descriptor()));
        if (write.quiet()) {
            return;
        }
        if (!plan.replicas().isEmpty()) {
            out.printf("backups: kept in the bucket, untouched: %s. No Litestream process of this app enforces their"
                    + " retention any more: only the bucket's lifecycle rule (vixens-ls lifecycle), if it has one,"
                    + " expires them. Keep them to restore the app later (describe it again with the same app name, or"
                    + " replicaPath), or delete those paths in the bucket to free the space.%n",
                    String.join(", ", plan.replicas()));
        }
        out.printf("next: the app's workload, base and overlays stay, and run without a backup from the next deploy;"
                + " commit the change (check --all is current)%n");
    }
}
