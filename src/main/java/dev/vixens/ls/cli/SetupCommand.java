package dev.vixens.ls.cli;

import dev.vixens.ls.setup.SetupPlan;
import dev.vixens.ls.setup.SetupPlan.Action;
import dev.vixens.ls.setup.SetupRequest;
import dev.vixens.ls.setup.SetupRequest.Ci;
import dev.vixens.ls.setup.SetupRequest.Hook;
import dev.vixens.ls.setup.SetupService;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.version.BuildInfo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "setup",
        description = "Sets up a repository for vixens-ls: writes .vixens-ls.yaml at its root, listing the"
                + " directories that hold apps (directories with base/ and overlays/, or a vixens-backup.yaml) and"
                + " pinning this version (requires:); with --pre-commit, a .pre-commit-config.yaml using the hooks"
                + " of this version's tag; with --ci, a GitHub Actions or GitLab CI pipeline. A file that exists is"
                + " never replaced, so running it again changes nothing.")
public final class SetupCommand implements Runnable {

    @Option(names = {"-C", "--repo"}, paramLabel = "DIR",
            description = "The repository root to set up. Default: the git work tree around the current directory,"
                    + " else the current directory.")
    Path root;

    @Option(names = "--pre-commit", description = "Also write .pre-commit-config.yaml.")
    boolean preCommit;

    @Option(names = "--hook", paramLabel = "KIND", defaultValue = "script",
            description = "The pre-commit hooks: 'script' builds vixens-ls from its repository (needs a JDK 17+),"
                    + " 'installed' runs the vixens-ls on PATH. Default: ${DEFAULT-VALUE}.")
    String hook;

    @Option(names = "--ci", paramLabel = "SYSTEM",
            description = "Also write a CI pipeline: 'github' (.github/workflows/vixens-ls.yml) or 'gitlab'"
                    + " (.gitlab-ci.yml).")
    String ci;

    @Option(names = "--tool-repo", paramLabel = "URL",
            description = "The git repository the hook and CI files fetch vixens-ls from. Default: where this build"
                    + " was published, when it knows.")
    String toolRepository;

    @Option(names = "--rev", paramLabel = "TAG",
            description = "The tag or commit they pin. Default: this version's tag (vX.Y.Z; a development build:"
                    + " its commit).")
    String rev;

    @picocli.CommandLine.Mixin
    WriteOptions write;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    VixensLsCommand top;

    @Override
    public void run() {
        Path given = root != null ? root : top == null ? null : top.repository.given();
        SetupRequest request = new SetupRequest(given == null ? defaultRoot() : given, preCommit, hook(), ci(),
                Optional.ofNullable(toolRepository), Optional.ofNullable(rev));
        SetupPlan plan = SetupService.plan(request, BuildInfo.current());
        Map<String, String> writes = new LinkedHashMap<>();
        plan.files().stream().filter(f -> f.action() == Action.WRITE).forEach(f -> writes.put(f.path(), f.content()));
        Path target = request.root().toAbsolutePath().normalize();
        write.writeUserFiles(target, writes, "setup", spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        for (SetupPlan.PlannedFile file : plan.files()) {
            if (write.quiet() && file.action() != Action.WRITE) {
                continue;
            }
            String verb = file.action() == Action.WRITE ? write.verb("wrote", "would write") : file.action().verb();
            out.println(verb + " " + file.path() + (file.why().isEmpty() ? "" : " " + file.why()));
            if (write.dryRun() && file.action() == Action.WRITE) {
                out.print(file.content().indent(4));
            }
        }
        if (!write.quiet()) {
            plan.notes().forEach(note -> out.println("note: " + note));
            out.println("next: describe each app ('vixens-ls import APP_DIR' for hand-written Litestream manifests,"
                    + " 'vixens-ls init APP' for a new one), run 'vixens-ls generate --all' and commit"
                    + (preCommit ? "; run 'pre-commit install' once per clone" : ""));
        }
        write.finish(spec.commandLine().getErr());
    }

    private Hook hook() {
        return switch (hook) {
            case "script" -> Hook.SCRIPT;
            case "installed" -> Hook.INSTALLED;
            default -> throw new InputException(Location.commandLine(), "--hook: '" + hook + "' is not a hook kind; use script or"
                    + " installed");
        };
    }

    private Optional<Ci> ci() {
        if (ci == null) {
            return Optional.empty();
        }
        return Optional.of(switch (ci) {
            case "github" -> Ci.GITHUB;
            case "gitlab" -> Ci.GITLAB;
            default -> throw new InputException(Location.commandLine(), "--ci: '" + ci + "' is not a CI system; use github or gitlab");
        });
    }

    /** The git work tree around the current directory: where a user types setup, wherever they stand in it. */
    private static Path defaultRoot() {
        Path here = Path.of("").toAbsolutePath().normalize();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return here;
    }
}
