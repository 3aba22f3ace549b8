package dev.vixens.ls.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The descriptor keys {@code drill} and {@code nativeSidecar}: what they generate and what they refuse. */
class DrillAndNativeSidecarKeysTest {

    private static final String BASE = """
            app: notes
            namespace: drill
            workload: {kind: Deployment, name: notes, container: app}
            volume: {name: data, mountPath: /data}
            """;

    @TempDir
    Path repo;

    private void write(String descriptor) {
        TestRepo.create(repo)
                .write("apps/10-drill/notes/vixens-backup.yaml", descriptor)
                .write("apps/10-drill/notes/base/deployment.yaml", DrillRepo.deployment("notes", "/data"))
                .write("apps/10-drill/notes/base/kustomization.yaml", "resources: [deployment.yaml]\n")
                .write("apps/10-drill/notes/overlays/prod/kustomization.yaml",
                        "resources: [../../base]\ncomponents: [../../litestream]\n");
    }

    @Test
    void aDrillScheduleAddsTheCronJobToTheComponent() throws IOException {
        write(BASE + "databases:\n  - {path: /data/notes.db, profile: standard}\ndrill:\n  schedule: \"@daily\"\n");

        CliRun generate = CliRun.inRepo(repo, "generate", "notes");

        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.out()).contains("wrote     apps/10-drill/notes/litestream/restore-drill.yaml");
        assertThat(Files.readString(repo.resolve("apps/10-drill/notes/litestream/kustomization.yaml")))
                .contains("resources:\n  - restore-drill.yaml\n");
        List<Map<String, Object>> built = Kustomize.build(repo.resolve("apps/10-drill/notes/overlays/prod"));
        Map<String, Object> cronJob = Kustomize.find(built, "CronJob", "notes-drill");
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) cronJob.get("spec");
        assertThat(spec).containsEntry("schedule", "@daily").containsEntry("concurrencyPolicy", "Forbid");
        assertThat(CliRun.inRepo(repo, "explain", "notes").out())
                .contains("Restore drill: CronJob notes-drill, schedule \"@daily\"");
        assertThat(CliRun.inRepo(repo, "check", "--all").exitCode()).isZero();
    }

    @Test
    void withoutADrillNoCronJobIsGenerated() {
        write(BASE + "databases:\n  - {path: /data/notes.db, profile: standard}\n");

        assertThat(CliRun.inRepo(repo, "generate", "notes").exitCode()).isZero();

        assertThat(repo.resolve("apps/10-drill/notes/litestream/restore-drill.yaml")).doesNotExist();
        assertThat(Kustomize.build(repo.resolve("apps/10-drill/notes/overlays/prod")))
                .noneMatch(o -> "CronJob".equals(o.get("kind")));
    }

    @Test
    void aScheduleThatIsNotCronIsRefusedWhereItIsWritten() {
        write(BASE + "databases:\n  - {path: /data/notes.db, profile: standard}\ndrill:\n  schedule: every sunday\n");
        Map<String, String> before = ProjectFiles.snapshot(repo);

        CliRun generate = CliRun.inRepo(repo, "generate", "notes");

        assertThat(generate.exitCode()).isEqualTo(2);
        assertThat(generate.err()).startsWith("apps/10-drill/notes/vixens-backup.yaml:8:13: drill.schedule:"
                + " 'every sunday' is not a cron schedule");
        assertThat(ProjectFiles.snapshot(repo)).isEqualTo(before);
    }

    @Test
    void aDrillWithNothingBackedUpIsRefused() {
        write(BASE + "databases:\n  - {path: /data/cache.db, profile: ephemeral}\ndrill:\n  schedule: \"0 4 * * 0\"\n");

        CliRun generate = CliRun.inRepo(repo, "generate", "notes");

        assertThat(generate.exitCode()).isEqualTo(2);
        assertThat(generate.err()).startsWith("apps/10-drill/notes/vixens-backup.yaml:8:3: drill: no database of"
                + " this app is backed up");
    }

    @Test
    void nativeSidecarCanBeARepositoryDefaultAndADescriptorCanTurnItOff() throws IOException {
        write(BASE + "databases:\n  - {path: /data/notes.db, profile: standard}\n");
        ProjectFiles.write(repo.resolve(".vixens-ls.yaml"), "apps: [apps]\ndefaults:\n  nativeSidecar: true\n");

        assertThat(CliRun.inRepo(repo, "generate", "notes").exitCode()).isZero();
        Map<String, Object> deployment = Kustomize.find(Kustomize.build(repo.resolve(
                "apps/10-drill/notes/overlays/prod")), "Deployment", "notes");
        assertThat(Kustomize.names(Kustomize.containers(deployment, "initContainers")))
                .containsExactly("check-integrity", "restore-notes", "litestream");
        assertThat(Kustomize.names(Kustomize.containers(deployment, "containers"))).containsExactly("app");

        Path descriptor = repo.resolve("apps/10-drill/notes/vixens-backup.yaml");
        Files.writeString(descriptor, Files.readString(descriptor) + "nativeSidecar: false\n");
        assertThat(CliRun.inRepo(repo, "generate", "notes").exitCode()).isZero();
        deployment = Kustomize.find(Kustomize.build(repo.resolve("apps/10-drill/notes/overlays/prod")),
                "Deployment", "notes");
        assertThat(Kustomize.names(Kustomize.containers(deployment, "containers")))
                .containsExactlyInAnyOrder("app", "litestream");
    }
}
