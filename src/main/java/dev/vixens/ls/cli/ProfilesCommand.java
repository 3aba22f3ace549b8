package dev.vixens.ls.cli;

import dev.vixens.ls.pipeline.Pipeline;
import dev.vixens.ls.plan.PlannedDatabase;
import dev.vixens.ls.plan.ResolvedApp;
import dev.vixens.ls.profile.Profile;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.profile.ProfileLoader;
import dev.vixens.ls.repo.Repository;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "profiles",
        description = "Prints the profile matrix (built-in profiles and the repository's own), and every"
                + " per-database override used by the repository's apps.")
public final class ProfilesCommand implements Runnable {

    private static final String ROW = "%-12s %-7s %-6s %-9s %-10s %-16s %s%n";

    @Mixin
    RepositoryOption repository;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Repository repo = repository.openIfPresent().orElse(null);
        if (repo == null) {
            out.println("(not inside a vixens-ls repository: built-in profiles only)");
        }
        ProfileCatalog catalog = repo == null ? ProfileLoader.builtIn() : repo.profiles();
        out.printf(ROW, "PROFILE", "BACKUP", "SYNC", "SNAPSHOT", "RETENTION", "INTEGRITY CHECK", "SOURCE");
        for (Profile profile : catalog.all()) {
            if (profile instanceof Profile.BackedUp p) {
                out.printf(ROW, p.name(), "yes", p.syncInterval(), p.snapshotInterval(), p.retention(),
                        p.integrityCheck().text(), p.source());
            } else {
                out.printf(ROW, profile.name(), "no", "-", "-", "-", "n/a", profile.source());
            }
        }
        if (repo == null) {
            return;
        }
        catalog.warnings().forEach(spec.commandLine().getErr()::println);
        List<String> overrides = new ArrayList<>();
        for (ResolvedApp app : new Pipeline(repo).resolveAll()) {
            for (PlannedDatabase db : app.databases()) {
                if (!db.overrideSummary().isEmpty()) {
                    overrides.add(String.format("  %s %s (%s): %s", app.app().app(), db.path(), db.profile().name(),
                            String.join(", ", db.overrideSummary())));
                }
            }
        }
        out.println();
        out.println(overrides.isEmpty() ? "No database overrides its profile." : "Overrides in this repository:");
        overrides.forEach(out::println);
    }

}
