package dev.vixens.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion script in a real bash: sourced, registered with {@code complete}, and its function called as
 * bash calls it on TAB; the names come from the tool at that moment, for the repository of the command line.
 */
class CompletionTest {

    @TempDir
    Path dir;

    private Path script;
    private Path bin;
    private Path repo;

    @BeforeEach
    void install() throws Exception {
        CliRun generated = CliRun.run("generate-completion");
        assertThat(generated.exitCode()).isZero();
        script = dir.resolve("vixens-ls.bash");
        Files.writeString(script, generated.out());
        // vixens-ls on PATH, as a user has it: this build's classes
        bin = Files.createDirectories(dir.resolve("bin"));
        Path launcher = bin.resolve("vixens-ls");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -cp '" + System.getProperty("java.class.path") + "' dev.vixens.ls.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        repo = dir.resolve("repo");
        ProjectFiles.copyExampleRepository(repo, "vaultwarden", "hydrus-client");
    }

    /** What bash offers for the last word of {@code line}, typed in {@code cwd}. */
    private List<String> tab(Path cwd, String... words) {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append("'");
        }
        String bash = "source '" + script + "'\n"
                + "fn=$(complete -p vixens-ls | sed -E 's/.*-F ([^ ]+).*/\\1/')\n"
                + "COMP_WORDS=(" + array + " )\n"
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"\n"
                + "COMP_POINT=${#COMP_LINE}\n"
                + "\"$fn\" 2>/dev/null\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Processes.Result result = Processes.run(Processes.command(List.of("/bin/bash", "-c", bash),
                Map.of("PATH", bin + ":/usr/bin:/bin", "HOME", dir.toString()), cwd));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output().lines().filter(line -> !line.isEmpty()).toList();
    }

    @Test
    void theScriptBakesInNoNamesAndAsksTheTool() throws Exception {
        String text = Files.readString(script);

        assertThat(text).doesNotContain("vaultwarden").doesNotContain("@vixens-ls-complete")
                .contains("vixens-ls __complete apps -- \"${COMP_WORDS[@]}\"");
    }

    @Test
    void appNamesOfTheRepositoryAroundTheWorkingDirectory() {
        assertThat(tab(repo.resolve("apps"), "vixens-ls", "explain", "va")).containsExactly("vaultwarden");
        assertThat(tab(repo, "vixens-ls", "generate", "")).containsExactly("hydrus-client", "vaultwarden");
    }

    @Test
    void appNamesOfTheRepositoryGivenWithMinusCBeforeOrAfterTheCommand() {
        assertThat(tab(dir, "vixens-ls", "remove", "-C", repo.toString(), "h")).containsExactly("hydrus-client");
        assertThat(tab(dir, "vixens-ls", "--repo", repo.toString(), "check", "v")).containsExactly("vaultwarden");
        assertThat(tab(dir, "vixens-ls", "explain", "v")).as("outside a repository").isEmpty();
    }

    @Test
    void profileNamesAndLayers() {
        assertThat(tab(repo, "vixens-ls", "profiles", "")).containsExactly("critical", "standard", "relaxed",
                "ephemeral");
        assertThat(tab(repo, "vixens-ls", "init", "notes", "--layer", "")).containsExactly("20-media", "60-services");
    }

    @Test
    void theHiddenCommandItCalls() {
        CliRun apps = CliRun.run("__complete", "apps", "--", "vixens-ls", "-C", repo.toString(), "explain");
        CliRun nothing = CliRun.run("__complete", "apps", "--", "vixens-ls", "-C", dir.resolve("none").toString());

        assertThat(apps.out()).isEqualTo("hydrus-client\nvaultwarden\n");
        assertThat(nothing.exitCode()).isZero();
        assertThat(nothing.out() + nothing.err()).isEmpty();
        assertThat(CliRun.run("--help").out()).doesNotContain("__complete");
    }
}
