package dev.vixens.ls.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.PodSecurityStandard;
import dev.vixens.ls.testing.PodSecurityStandard.Level;
import dev.vixens.ls.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/}, the stand-alone repository a user copies: its generated files are current and lint clean,
 * every overlay of every app builds with kubectl kustomize into a pod whose generated containers meet Pod
 * Security "restricted", and it is a repository of its own, apart from this project's {@code apps/}.
 * (Setup, pre-commit and its CI files are exercised in fresh git repositories by the adoption tests.)
 */
class StandaloneExampleRepositoryTest {

    private static final Path EXAMPLES = ProjectFiles.root().resolve("examples");

    @Test
    void itsGeneratedFilesAreCurrentAndItsConfigsLintClean() {
        CliRun check = CliRun.inRepo(EXAMPLES, "check", "--all");
        CliRun lint = CliRun.run("lint", EXAMPLES.resolve("apps").toString());

        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(lint.exitCode()).as(lint.out()).isZero();
        assertThat(lint.err()).endsWith("lint: 0 error(s), 0 warning(s) in 9 Litestream config(s)\n");
    }

    @Test
    void everyOverlayBuildsAndItsGeneratedContainersMeetRestricted() throws IOException {
        Repository repo = Repository.open(EXAMPLES);
        List<String> built = new ArrayList<>();
        for (AppRef app : repo.apps()) {
            AppDescriptor descriptor = repo.load(app);
            List<Path> overlays;
            try (Stream<Path> entries = Files.list(repo.resolve(app.directory()).resolve("overlays"))) {
                overlays = entries.sorted().toList();
            }
            for (Path overlay : overlays) {
                Map<String, Object> workload = Kustomize.find(Kustomize.build(overlay),
                        descriptor.workload().kind().kind(), descriptor.workload().name());
                Map<String, Object> template = cast(cast(workload.get("spec")).get("template"));
                // the base's own containers are the app's business; the generated ones must meet "restricted"
                Map<String, Object> base = Kustomize.find(Kustomize.build(repo.resolve(app.directory()).resolve("base")),
                        descriptor.workload().kind().kind(), descriptor.workload().name());
                List<String> own = new ArrayList<>(Kustomize.names(Kustomize.containers(base, "containers")));
                own.addAll(Kustomize.names(Kustomize.containers(base, "initContainers")));
                assertThat(PodSecurityStandard.judgeContainers(template, Level.RESTRICTED, name -> !own.contains(name)))
                        .as(app.name() + " " + overlay.getFileName()).isEmpty();
                built.add(app.name() + "/" + overlay.getFileName());
            }
        }

        assertThat(built).containsExactly("homeassistant/prod", "homeassistant/staging", "sonarr/prod",
                "sonarr/staging", "vaultwarden/prod", "vaultwarden/staging");
    }

    @Test
    void itIsARepositoryOfItsOwnApartFromThisProjectsApps() {
        assertThat(Repository.findRoot(EXAMPLES.resolve("apps/sonarr/base"))).isEqualTo(EXAMPLES);
        assertThat(Repository.open(ProjectFiles.root()).apps()).allSatisfy(app ->
                assertThat(app.directory()).startsWith("apps/"));
        assertThat(Repository.open(EXAMPLES).apps()).extracting(AppRef::directory)
                .containsExactly("apps/homeassistant", "apps/sonarr", "apps/vaultwarden");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
