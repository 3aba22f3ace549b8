package dev.vixens.ls.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.version.BuildInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code requires:} pins the tool version a repository accepts; every command refuses any other. */
class RequiredVersionTest {

    @TempDir
    Path repo;

    private static final String RUNNING = BuildInfo.current().version();

    private void config(String text) {
        ProjectFiles.copyExampleRepository(repo, "vaultwarden");
        // the example apps' committed alert rules are PrometheusRules, as this repository's monitoring says
        ProjectFiles.write(repo.resolve(".vixens-ls.yaml"), text
                + "monitoring: {prometheusOperator: true, ruleLabels: {release: kube-prometheus-stack}}\n");
    }

    @Test
    void aRangeThatAdmitsTheToolChangesNothing() {
        config("requires: \">=0.2.0 <99\"\napps: [apps]\n");

        CliRun check = CliRun.inRepo(repo, "check", "--all");

        assertThat(check.exitCode()).as(check.err()).isZero();
    }

    @Test
    void everyCommandRefusesAToolOutsideTheRangeAtTheValueAndWritesNothing() throws Exception {
        config("# pinned by the team\nrequires: \">=99.0 <100\"\napps: [apps]\n");
        Map<String, String> before = ProjectFiles.snapshot(repo);
        String expected = ".vixens-ls.yaml:2:11: requires: this repository needs vixens-ls >=99.0 <100, and this is"
                + " vixens-ls " + RUNNING + "; run a version in that range, or move the repository to this one:"
                + " change requires, run generate --all and commit both\n";

        for (List<String> command : List.of(List.of("generate", "--all"), List.of("check", "--all"), List.of("apps"),
                List.of("profiles"), List.of("explain", "vaultwarden"), List.of("init", "new-app", "--layer", "x",
                        "--db", "/data/a.db=standard", "--no-prompt"), List.of("lifecycle"))) {
            CliRun run = CliRun.inRepo(repo, command.get(0), command.subList(1, command.size()).toArray(String[]::new));
            assertThat(run.exitCode()).as(command.toString()).isEqualTo(2);
            assertThat(run.err()).as(command.toString()).isEqualTo(expected);
        }
        assertThat(ProjectFiles.snapshot(repo)).isEqualTo(before);
    }

    @Test
    void theVersionIsCheckedBeforeKeysAnOlderToolDoesNotKnow() {
        config("requires: \">=99.0\"\noverlaysFromTheFuture: [prod]\n");

        CliRun run = CliRun.inRepo(repo, "apps");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith(".vixens-ls.yaml:1:11: requires: this repository needs vixens-ls >=99.0,");
    }

    @Test
    void aRangeThatIsNotOneSaysHowToWriteIt() {
        config("apps: [apps]\nrequires: ~0.2\n");

        CliRun run = CliRun.inRepo(repo, "generate", "--all");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(".vixens-ls.yaml:2:11: requires: '~0.2' is not a version comparison;"
                + " write e.g. \">=0.2 <0.3\" (operators >=, >, <=, <, =; versions MAJOR[.MINOR[.PATCH]])\n");
    }

    @Test
    void generatedFilesDoNotRecordTheToolVersionSoAnUpgradeChangesOnlyRealOutput() {
        config("requires: \">=0.2\"\napps: [apps]\n");

        CliRun generate = CliRun.inRepo(repo, "generate", "--all");

        assertThat(generate.exitCode()).as(generate.err()).isZero();
        BuildInfo tool = BuildInfo.current();
        ProjectFiles.snapshot(repo.resolve("apps")).forEach((file, content) -> assertThat(content).as(file)
                .doesNotContain(tool.version(), tool.shortCommit(), tool.date()));
    }
}
