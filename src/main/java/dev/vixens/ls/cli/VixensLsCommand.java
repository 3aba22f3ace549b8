package dev.vixens.ls.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: only wires the subcommands and maps failures to exit codes. */
@Command(name = "vixens-ls",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Turns per-app backup descriptors into Kustomize manifests for Litestream (ADR-014 profiles),",
            "and checks that committed manifests are current."},
        subcommands = {
            SetupCommand.class,
            GenerateCommand.class,
            CheckCommand.class,
            LintCommand.class,
            ProfilesCommand.class,
            ExplainCommand.class,
            AppsCommand.class,
            RecommendCommand.class,
            ImportCommand.class,
            InitCommand.class,
            RemoveCommand.class,
            RenameCommand.class,
            LifecycleCommand.class,
            AnalyzeCommand.class,
            CompletionCommand.class,
            ManPagesCommand.class,
            CompletionCommand.Complete.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  check found stale generated files or a problem in a built overlay (or lint found errors)",
            "  2  bad input or usage; nothing was written",
            "  3  the tool failed (I/O error, another run holding the repository too long, or a bug)",
            "",
            "Documentation: README.md and docs/ in the vixens-ls repository."})
public final class VixensLsCommand implements Runnable {

    @CommandLine.Mixin
    RepositoryOption repository;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new VixensLsCommand());
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().mixinStandardHelpOptions(true);
            sub.getCommandSpec().versionProvider(new VersionProvider());
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> Failures.report(e, commandLine.getErr()));
        cli.setParameterExceptionHandler(OptionErrors::report);
        return cli;
    }

    /** Runs the command line; whatever it throws (an Error too: a stack overflow) becomes an exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return commandLine(out, err).execute(args);
        } catch (RuntimeException | Error e) {
            return Failures.report(e, err);
        }
    }
}
