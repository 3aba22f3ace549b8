package dev.vixens.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shared: false}: no shared building block is written, the marked ones there are deleted, yours stay. */
class SharedOffTest {

    static final String SHARED = "apps/_shared/litestream";

    @TempDir
    Path repo;

    @Test
    void noSharedBuildingBlocksAndTheOldOnesGo() throws Exception {
        ProjectFiles.copyExampleRepository(repo, "vaultwarden");
        ProjectFiles.write(repo.resolve(SHARED + "/mine.yaml"), "kept: true\n");
        Path config = repo.resolve(".vixens-ls.yaml");
        Files.writeString(config, Files.readString(config).replaceFirst("(?m)^shared: .*$", "shared: false"));

        CliRun check = CliRun.inRepo(repo, "check", "--name-only", "--no-verify");
        CliRun generate = CliRun.inRepo(repo, "generate", "--all", "-q");
        CliRun after = CliRun.inRepo(repo, "check");

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains(SHARED + "/restore-init/restore-init.yaml\n").doesNotContain("vaultwarden");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.out()).contains("deleted   " + SHARED + "/restore-init/restore-init.yaml\n")
                .doesNotContain("wrote");
        try (var left = Files.walk(repo.resolve("apps/_shared"))) {
            assertThat(left.filter(Files::isRegularFile).map(p -> repo.relativize(p).toString()).toList())
                    .containsExactly(SHARED + "/mine.yaml");
        }
        assertThat(after.exitCode()).as(after.out()).isZero();
        Kustomize.build(repo.resolve("apps/60-services/vaultwarden/overlays/prod"));
        CliRun again = CliRun.inRepo(repo, "generate", "--all", "-q");
        assertThat(again.out()).isEmpty();
    }

    @Test
    void sharedIsADirectoryOrFalse() throws Exception {
        ProjectFiles.copyExampleRepository(repo, "vaultwarden");
        Path config = repo.resolve(".vixens-ls.yaml");
        Files.writeString(config, Files.readString(config).replaceFirst("(?m)^shared: .*$", "shared: 3"));

        CliRun run = CliRun.inRepo(repo, "check");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).endsWith("shared: expected a directory, or false to write no shared building"
                + " blocks\n");
    }
}
