package dev.vixens.ls.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The linter runs on the tool's own output: every config generated for every example app (and the shared
 * building blocks) lints clean, for 0.3.13 and for 0.5 before and after the per-database snapshot change.
 * The version of each config is found the way a user's run finds it, from the generated images.
 */
class LintOwnOutputTest {

    @TempDir
    Path repo;

    @ParameterizedTest
    @ValueSource(strings = {"0.3.13", "0.5.7", "0.5.12"})
    void everyGeneratedConfigLintsClean(String version) throws Exception {
        ProjectFiles.copyExampleRepository(repo);
        Path config = repo.resolve(".vixens-ls.yaml");
        Files.writeString(config, Files.readString(config).replace("version: 0.3.13", "version: " + version));
        assertThat(CliRun.inRepo(repo, "generate", "--all").exitCode()).isZero();
        long configs;
        try (var files = Files.walk(repo.resolve("apps"))) {
            configs = files.filter(f -> f.getFileName().toString().matches("litestream.*\\.yml")).count();
        }

        CliRun lint = CliRun.run("lint", repo.resolve("apps").toString());

        assertThat(lint.out()).isEmpty();
        assertThat(lint.err()).isEqualTo("lint: 0 error(s), 0 warning(s) in " + configs + " Litestream config(s)\n");
        assertThat(lint.exitCode()).isZero();
        assertThat(configs).isGreaterThan(4);
    }

    @Test
    void theCommittedExamplesLintClean() {
        CliRun lint = CliRun.run("lint", ProjectFiles.root().resolve("apps").toString());

        assertThat(lint.out()).isEmpty();
        assertThat(lint.exitCode()).as(lint.err()).isZero();
    }
}
