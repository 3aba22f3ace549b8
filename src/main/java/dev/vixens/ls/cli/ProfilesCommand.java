package dev.vixens.ls.cli;

import dev.vixens.ls.json.JsonDocument;
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
import java.util.Map;
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

    @Mixin
    OutputOption output;

    @picocli.CommandLine.Parameters(paramLabel = "PROFILE", arity = "0..*",
            completionCandidates = AppNameCandidates.Profiles.class,
            description = "Show only these profiles (and the overrides of their databases).")
    List<String> only = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Repository repo = repository.openIfPresent().orElse(null);
        ProfileCatalog catalog = repo == null ? ProfileLoader.builtIn() : repo.profiles();
        List<String> known = catalog.all().stream().map(Profile::name).toList();
        for (String name : only) {
            if (!known.contains(name)) {
                throw new dev.vixens.ls.source.InputException(dev.vixens.ls.source.Location.commandLine(),
                        "unknown profile " + dev.vixens.ls.source.Problem.quote(name) + "; known profiles: "
                        + String.join(", ", known));
            }
        }
        List<Profile> profiles = catalog.all().stream().filter(p -> only.isEmpty() || only.contains(p.name()))
                .toList();
        List<DatabaseOverride> overrides = repo == null ? List.of() : overrides(repo).stream()
                .filter(o -> only.isEmpty() || only.contains(o.profile())).toList();
        if (repo != null) {
            catalog.warnings().forEach(spec.commandLine().getErr()::println);
        }
        if (output.json()) {
            JsonDocument.of("profiles").put("inRepository", repo != null)
                    .put("profiles", profiles.stream().map(ProfilesCommand::json).toList())
                    .put("overrides", overrides.stream().map(o -> JsonDocument.object("app", o.app(), "database",
                            o.database(), "profile", o.profile(), "overrides", o.summary())).toList())
                    .print(out);
            return;
        }
        if (repo == null) {
            out.println("(not inside a vixens-ls repository: built-in profiles only)");
        }
        out.printf(ROW, "PROFILE", "BACKUP", "SYNC", "SNAPSHOT", "RETENTION", "INTEGRITY CHECK", "SOURCE");
        for (Profile profile : profiles) {
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
        out.println();
        out.println(overrides.isEmpty() ? "No database overrides its profile." : "Overrides in this repository:");
        for (DatabaseOverride o : overrides) {
            out.println(String.format("  %s %s (%s): %s", o.app(), o.database(), o.profile(),
                    String.join(", ", o.summary())));
        }
    }

    /** A database whose descriptor changes a value of its profile. */
    private record DatabaseOverride(String app, String database, String profile, List<String> summary) {
    }

    private static List<DatabaseOverride> overrides(Repository repo) {
        List<DatabaseOverride> overrides = new ArrayList<>();
        for (ResolvedApp app : new Pipeline(repo).resolveAll()) {
            for (PlannedDatabase db : app.databases()) {
                if (!db.overrideSummary().isEmpty()) {
                    overrides.add(new DatabaseOverride(app.app().app(), db.path(), db.profile().name(),
                            db.overrideSummary()));
                }
            }
        }
        return overrides;
    }

    private static Map<String, Object> json(Profile profile) {
        if (profile instanceof Profile.BackedUp p) {
            return JsonDocument.object("name", p.name(), "backup", true, "syncInterval", p.syncInterval().toString(),
                    "snapshotInterval", p.snapshotInterval().toString(), "retention", p.retention().toString(),
                    "integrityCheck", p.integrityCheck().text(), "source", p.source());
        }
        return JsonDocument.object("name", profile.name(), "backup", false, "source", profile.source());
    }
}
