package dev.vixens.ls.cli;

import dev.vixens.ls.importer.Finding;
import dev.vixens.ls.importer.ImportPlan;
import dev.vixens.ls.importer.ImportRequest;
import dev.vixens.ls.importer.Importer;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import",
        description = "Reads apps whose Litestream setup is hand-written (a base with restore init containers, a"
                + " Litestream sidecar and a ConfigMap with litestream.yml) and writes their descriptor, <app"
                + " dir>/vixens-backup.yaml. Reports what it replaced, what it could not carry over and what"
                + " to review. With --rewrite-kustomization it also writes <app dir>/litestream-migration/, a"
                + " Component that deletes the hand-written parts, and lists it before the generated Component"
                + " in each overlay. An app backed up by DataAngel (dataangel.io/* annotations) is read from its"
                + " built overlays: its databases move to the descriptor at the same replicas, and with"
                + " --rewrite-kustomization DataAngel keeps its file backups only (docs/migrating-from-dataangel.md)."
                + " Nothing is written unless every app imports cleanly.")
public final class ImportCommand implements Runnable {

    @Mixin
    RepositoryOption repository;

    @Parameters(paramLabel = "APP_DIR", arity = "1..*", description = "App directories (holding base/ and overlays/).")
    List<Path> appDirs = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "DB=PROFILE",
            description = "Profile of one database (DB: its path, file name or short name); an absolute path that"
                    + " is not in the old config adds that database (e.g. a cache to declare ephemeral).")
    Map<String, String> profiles = new LinkedHashMap<>();

    @Mixin
    RecommendOptions recommend;

    @Option(names = "--namespace", paramLabel = "NAME",
            description = "The app's namespace, when neither the base nor the overlays set one.")
    String namespace;

    @Option(names = "--rewrite-kustomization",
            description = "Also write the migration Component and add it, then the generated Component, to the"
                    + " components of each overlay.")
    boolean rewrite;

    @Option(names = "--force", description = "Replace an existing descriptor (and migration Component).")
    boolean force;

    @Mixin
    WriteOptions write;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        List<Path> dirs = appDirs.stream().map(repository::resolveArgument).toList();
        Repository repo = repository.given() != null ? repository.open()
                : Repository.discover(dirs.get(0).toAbsolutePath().getParent());
        if (namespace != null && appDirs.size() > 1) {
            throw new InputException(Location.commandLine(), "--namespace applies to one app; import"
                    + " the apps one at a time");
        }
        Importer importer = new Importer(repo);
        List<ImportPlan> plans = new ArrayList<>();
        for (Path dir : dirs) {
            plans.add(importer.plan(new ImportRequest(dir, profiles, recommend.answers(),
                    Optional.ofNullable(namespace), force, rewrite)));
        }
        Map<String, String> files = new LinkedHashMap<>();
        plans.forEach(plan -> files.putAll(plan.files()));
        write.writeUserFiles(repo.root(), files, "import", spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        for (ImportPlan plan : plans) {
            print(out, plan, write);
        }
        write.finish(spec.commandLine().getErr());
    }

    private static void print(PrintWriter out, ImportPlan plan, WriteOptions write) {
        out.printf("import %s%n", plan.appDir());
        for (Map.Entry<String, String> file : plan.files().entrySet()) {
            out.printf("  %s %s%n", write.verb("wrote", "would write"), file.getKey());
            if (write.dryRun()) {
                out.print(file.getValue().indent(6));
            }
        }
        if (!write.quiet()) {
            out.println("  databases:");
            for (ImportPlan.DatabaseChoice db : plan.databases()) {
                out.printf("    %-44s %-10s %s%n", db.path(), db.profile(), db.why());
            }
        }
        for (Finding.Kind kind : Finding.Kind.values()) {
            List<Finding> findings = plan.findings().stream().filter(f -> f.kind() == kind).toList();
            if (!findings.isEmpty()) {
                out.printf("  %s:%n", kind.heading());
                findings.forEach(f -> out.printf("    %s%n", f.format()));
            }
        }
        if (!write.quiet()) {
            out.println("  next:");
            for (int i = 0; i < plan.nextSteps().size(); i++) {
                out.printf("    %d. %s%n", i + 1, plan.nextSteps().get(i));
            }
        }
    }
}
