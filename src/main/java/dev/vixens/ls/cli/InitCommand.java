package dev.vixens.ls.cli;

import dev.vixens.ls.init.InitPlan;
import dev.vixens.ls.init.InitRequest;
import dev.vixens.ls.init.InitRequest.DatabaseSpec;
import dev.vixens.ls.init.InitService;
import dev.vixens.ls.init.Prompter;
import dev.vixens.ls.repo.Repository;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init",
        description = "Writes the descriptor of a new app: <apps dir>/<layer>/<app>/vixens-backup.yaml (--layer),"
                + " the directory given with --dir, or the one existing directory named APP. Workload,"
                + " container, data volume and namespace are read from the app's base/ when it exists;"
                + " profiles come from --db PATH=PROFILE or the decision tree (recommend's options). At a"
                + " terminal, init asks for what is missing. The descriptor is checked like generate would"
                + " before it is written.")
public final class InitCommand implements Runnable {

    @Mixin
    RepositoryOption repository;

    @Parameters(paramLabel = "APP", description = "The app name (also its directory name).")
    String app;

    @Option(names = "--dir", paramLabel = "DIR", description = "The app directory (named APP), inside the repository.")
    Path dir;

    @Option(names = "--layer", paramLabel = "LAYER", completionCandidates = AppNameCandidates.Layers.class,
            description = "Put the app in <first apps dir>/LAYER/APP, e.g. --layer 60-services.")
    String layer;

    @Option(names = "--namespace", paramLabel = "NAME", description = "The app's namespace.")
    String namespace;

    @Option(names = "--db", paramLabel = "PATH[=PROFILE]",
            description = "A database (repeat for each); without =PROFILE the decision tree chooses.")
    List<String> databases = new ArrayList<>();

    @Option(names = "--kind", paramLabel = "KIND", description = "Deployment or StatefulSet.")
    String kind;

    @Option(names = "--workload", paramLabel = "NAME", description = "The workload's name in the base.")
    String workload;

    @Option(names = "--container", paramLabel = "NAME", description = "The app's own container.")
    String container;

    @Option(names = "--volume", paramLabel = "NAME", description = "The pod volume holding the databases.")
    String volume;

    @Option(names = "--mount-path", paramLabel = "PATH", description = "Where that volume is mounted.")
    String mountPath;

    @Option(names = "--uid", paramLabel = "UID",
            description = "runAs.uid of the generated containers; 0 (root) also writes podSecurity: baseline.")
    Long uid;

    @Option(names = "--gid", paramLabel = "GID", description = "runAs.gid.")
    Long gid;

    @Option(names = "--fix-permissions", description = "Add the fix-permissions init container.")
    boolean fixPermissions;

    @Mixin
    RecommendOptions recommend;

    @Option(names = "--no-prompt", description = "Never ask, even at a terminal: missing values are errors.")
    boolean noPrompt;

    @Option(names = "--force", description = "Replace an existing descriptor.")
    boolean force;

    @Mixin
    WriteOptions write;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Repository repo = repository.open();
        PrintWriter out = spec.commandLine().getOut();
        Console console = System.console();
        Prompter prompter = noPrompt || console == null ? Prompter.NONE : Prompter.console(console);
        InitRequest request = new InitRequest(app, Optional.ofNullable(dir), Optional.ofNullable(layer),
                Optional.ofNullable(namespace), Optional.ofNullable(kind), Optional.ofNullable(workload),
                Optional.ofNullable(container), Optional.ofNullable(volume), Optional.ofNullable(mountPath),
                databases.stream().map(DatabaseSpec::parse).toList(), recommend.answers(), Optional.ofNullable(uid),
                Optional.ofNullable(gid), fixPermissions, force);
        InitPlan plan = new InitService(repo, prompter).plan(request, Path.of("").toAbsolutePath());
        Map<String, String> files = Map.of(plan.path(), plan.descriptor());
        write.writeUserFiles(repo.root(), files, "init", spec.commandLine().getErr());
        out.printf("%s %s%n", write.verb("wrote", "would write"), plan.path());
        if (write.dryRun()) {
            out.print(plan.descriptor().indent(4));
        }
        if (!write.quiet()) {
            for (InitPlan.Choice db : plan.databases()) {
                out.printf("  %-44s %-10s %s%n", db.path(), db.profile(), db.why());
            }
            plan.notes().forEach(note -> out.println("note: " + note));
            out.println("next:");
            for (int i = 0; i < plan.nextSteps().size(); i++) {
                out.printf("  %d. %s%n", i + 1, plan.nextSteps().get(i));
            }
        }
        write.finish(spec.commandLine().getErr());
    }
}
