package dev.vixens.ls.cli;

import dev.vixens.ls.importer.ImportPlan;
import dev.vixens.ls.importer.ImportReport;
import dev.vixens.ls.importer.ImportRequest;
import dev.vixens.ls.importer.ImportService;
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

    @Option(names = "--run-as", paramLabel = "UID[:GID]",
            description = "Run the generated containers as this user instead of the one the old containers ran as"
                    + " (root when they set none); also sets fixPermissions, which gives the data volume's files to"
                    + " it at every start.")
    String runAs;

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
        List<ImportRequest> requests = dirs.stream().map(dir -> new ImportRequest(dir, profiles, recommend.answers(),
                Optional.ofNullable(namespace), force, rewrite, Optional.ofNullable(runAs))).toList();
        List<ImportPlan> plans = new ImportService(repo).planAll(requests);
        Map<String, String> files = new LinkedHashMap<>();
        plans.forEach(plan -> files.putAll(plan.files()));
        write.writeUserFiles(repo.root(), files, "import", spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        for (ImportPlan plan : plans) {
            ImportReport.print(out, plan, write.verb("wrote", "would write"), write.dryRun(), write.quiet());
        }
        write.finish(spec.commandLine().getErr());
    }
}
