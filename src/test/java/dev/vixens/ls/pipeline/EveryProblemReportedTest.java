package dev.vixens.ls.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.source.ProblemCollector;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every problem of a run is reported, not only the first (issue 16): sorted by file, line and column, bounded,
 * one exit code (2), and nothing written.
 */
class EveryProblemReportedTest {

    @TempDir
    Path repo;

    @Test
    void everyBadDescriptorOfARunIsOneLineInFileOrder() throws Exception {
        ProjectFiles.copyExampleRepository(repo, "hydrus-client", "vaultwarden", "sonarr");
        edit("apps/60-services/vaultwarden/vixens-backup.yaml", "    profile: standard\n", "    profile: standrd\n");
        edit("apps/20-media/hydrus-client/vixens-backup.yaml", "namespace: media\n", "namespace: Media\n");
        edit("apps/20-media/sonarr/vixens-backup.yaml", "  mountPath: /config\n", "  mountPath: config\n");
        Map<String, String> before = ProjectFiles.snapshot(repo);

        CliRun generate = CliRun.inRepo(repo, "generate", "--all");
        CliRun check = CliRun.inRepo(repo, "check", "--all");

        assertThat(generate.exitCode()).isEqualTo(2);
        assertThat(generate.out()).isEmpty();
        assertThat(generate.err().lines()).hasSize(3);
        assertThat(generate.err().lines().map(line -> line.substring(0, line.indexOf(':')))).containsExactly(
                "apps/20-media/hydrus-client/vixens-backup.yaml", "apps/20-media/sonarr/vixens-backup.yaml",
                "apps/60-services/vaultwarden/vixens-backup.yaml");
        assertThat(generate.err()).contains("namespace: 'Media'")
                .contains("mountPath")
                .contains("vixens-backup.yaml:14:14: databases[0].profile: unknown profile 'standrd'");
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).isEqualTo(generate.err());
        assertThat(ProjectFiles.snapshot(repo)).isEqualTo(before);
    }

    @Test
    void everyUnknownAppNameIsReportedAndAKnownOneDoesNotHideThem() {
        ProjectFiles.copyExampleRepository(repo, "hydrus-client", "vaultwarden");

        CliRun generate = CliRun.inRepo(repo, "generate", "vaultwarden", "sonar", "hydrus");

        assertThat(generate.exitCode()).isEqualTo(2);
        assertThat(generate.err().lines()).hasSize(2);
        assertThat(generate.err()).startsWith("vixens-ls: unknown app 'hydrus': ")
                .contains("\nvixens-ls: unknown app 'sonar': ");
    }

    @Test
    void problemsAreSortedWithoutDuplicatesAndBounded() {
        ProblemCollector problems = new ProblemCollector();
        problems.add(new InputException(new Problem(new Location("b.yaml", 2, 1), "second")));
        problems.add(new InputException(new Problem(new Location("a.yaml", 10, 3), "first")));
        problems.add(new InputException(new Problem(new Location("b.yaml", 2, 1), "second")));
        problems.add(new InputException(Location.commandLine(), "an option"));

        assertThatThrownBy(problems::throwIfAny).isInstanceOfSatisfying(InputException.class, e -> assertThat(
                e.problems().stream().map(Problem::format)).containsExactly("vixens-ls: an option",
                        "a.yaml:10:3: first", "b.yaml:2:1: second"));

        ProblemCollector many = new ProblemCollector();
        for (int i = 1; i <= ProblemCollector.MAX_SHOWN + 7; i++) {
            many.add(new InputException(new Location("a.yaml", i, 1), "problem " + i));
        }
        assertThatThrownBy(many::throwIfAny).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.problems()).hasSize(ProblemCollector.MAX_SHOWN + 1);
            assertThat(e.problems().get(ProblemCollector.MAX_SHOWN).format())
                    .isEqualTo("vixens-ls: 7 more problems not shown; fix these first");
        });
        new ProblemCollector().throwIfAny();
    }

    private void edit(String file, String from, String to) throws Exception {
        Path path = repo.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }
}
