package dev.vixens.ls.lint;

import dev.vixens.ls.litestream.LitestreamVersion;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code lint}: finds the Litestream configs in the given files and directories, works out the version
 * that reads each, and runs every rule. Bad input (a path that does not exist, no version to be found)
 * stops the run; everything wrong with the configs themselves is a finding.
 */
public final class Linter {

    private static final List<ConfigRule> CONFIG_RULES = List.of(new KeyRule(), new ValueRule(),
            new SnapshotRule(), new CredentialsRule(), new DatabasePathRule());
    private static final List<CorpusRule> CORPUS_RULES = List.of(new DuplicateRule(), new EndpointRule());

    private Linter() {
    }

    /** A version as lint accepts it: any release of the release table. */
    public static LitestreamVersion parseVersion(String text) {
        return VersionResolver.parse(text);
    }

    /**
     * @param version the version that reads every config, or empty to find it in the linted files
     * @param display how a file is named in findings
     */
    public static LintReport lint(List<Path> paths, Optional<LitestreamVersion> version,
            Function<Path, String> display) {
        LintInputs inputs = LintInputs.read(paths, display);
        VersionResolver versions = new VersionResolver(version, inputs);
        List<Finding> findings = new ArrayList<>();
        List<LintedConfig> configs = new ArrayList<>();
        for (ReadFile file : inputs.files.values()) {
            findings.addAll(file.findings);
            file.inlineEnv.forEach(env -> findings.add(CredentialsRule.inlineEnv(env)));
            for (FoundConfig config : file.configs) {
                String group = config.group().isEmpty() ? generatorGroup(inputs, config.path()) : config.group();
                configs.add(new LintedConfig(config, versions.versionOf(config, config.positions().start()),
                        group));
            }
        }
        if (configs.isEmpty() && findings.isEmpty()) {
            Path first = paths.isEmpty() ? Path.of(".") : paths.get(0);
            throw new InputException(Location.startOf(display.apply(first)), "no Litestream config found (a YAML"
                    + " mapping with dbs:, or a ConfigMap data entry litestream.yml) in the given files and"
                    + " directories");
        }
        configs.sort(Comparator.comparing((LintedConfig c) -> c.found().positions().start().file())
                .thenComparingInt(c -> c.found().positions().start().line())
                .thenComparingInt(c -> c.found().positions().start().column()));
        for (LintedConfig config : configs) {
            for (ConfigRule rule : CONFIG_RULES) {
                rule.check(config, findings);
            }
        }
        for (CorpusRule rule : CORPUS_RULES) {
            rule.check(configs, findings);
        }
        return new LintReport(findings, configs.size());
    }

    /** A plain config file shares a pod with the other files its kustomization generates into one ConfigMap. */
    private static String generatorGroup(LintInputs inputs, Path file) {
        for (ReadFile read : inputs.files.values()) {
            String group = read.generatedInto.get(file);
            if (group != null) {
                return group;
            }
        }
        return file.toString();
    }
}
