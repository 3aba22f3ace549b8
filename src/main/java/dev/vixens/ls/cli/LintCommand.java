package dev.vixens.ls.cli;

import dev.vixens.ls.lint.LintReport;
import dev.vixens.ls.lint.Linter;
import dev.vixens.ls.lint.ReportFormat;
import dev.vixens.ls.lint.Severity;
import dev.vixens.ls.litestream.LitestreamVersion;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Checks Litestream configs wherever they live: litestream.yml files, ConfigMaps (data"
                + " entries), multi-document manifests and Kustomize directories (read file by file, following each"
                + " kustomization's local resources, components, patches and generator files). Prints"
                + " 'file:line:col: severity: message [rule-id]' per finding and exits 1 when any is an error."
                + " Rules: docs/lint-rules.md. With -C/--repo DIR, relative paths are read against DIR.")
public final class LintCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Files and directories to lint.")
    List<Path> paths;

    @Option(names = "--litestream-version", paramLabel = "VERSION",
            description = "The Litestream release that reads the configs, one vixens-ls knows (e.g. 0.3.13, 0.5.12;"
                    + " docs/litestream-releases.md). Default: the tag of the litestream/litestream image in the linted"
                    + " manifests, else, inside a vixens-ls repository, its defaults.litestream.version.")
    String version;

    @Option(names = {"--format", "-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json or sarif (SARIF 2.1.0, for code scanning).")
    String format;

    @picocli.CommandLine.Mixin
    RepositoryOption repository;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path around = repository.given() != null ? repository.given() : Repository.findRoot(Path.of(""));
        if (around != null) {
            Repository.checkRequiredVersion(around);
        }
        ReportFormat output = format(format);
        Optional<LitestreamVersion> given = Optional.empty();
        if (version != null) {
            try {
                given = Optional.of(Linter.parseVersion(version));
            } catch (IllegalArgumentException e) {
                throw new InputException(Location.commandLine(), "--litestream-version: "
                        + e.getMessage());
            }
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        LintReport report = Linter.lint(paths.stream().map(repository::resolveArgument).toList(), given, file -> display(cwd, file));
        output.write(report, new VersionProvider().getVersion()[0].replace("vixens-ls ", ""),
                spec.commandLine().getOut());
        spec.commandLine().getErr().printf("lint: %d error(s), %d warning(s) in %d Litestream config(s)%n",
                report.count(Severity.ERROR), report.count(Severity.WARNING), report.configs());
        return report.hasErrors() ? ExitCodes.DIFFERENCES : ExitCodes.OK;
    }

    private static ReportFormat format(String text) {
        try {
            return ReportFormat.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException(Location.commandLine(), "--format: '" + text
                    + "' is not one of: text, json, sarif");
        }
    }

    /** Files below the working directory are shown relative to it, as a compiler would. */
    static String display(Path cwd, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
        return shown.toString().replace(shown.getFileSystem().getSeparator(), "/");
    }
}
