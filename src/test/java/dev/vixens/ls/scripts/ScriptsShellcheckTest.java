package dev.vixens.ls.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.Processes;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.TestTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's own scripts (scripts/: what users and CI run) pass the real shellcheck with no finding at
 * all, as the scripts vixens-ls emits do (drill/EmittedScriptsShellcheckTest).
 */
class ScriptsShellcheckTest {

    @Test
    void everyScriptOfTheProjectPassesShellcheck() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(ProjectFiles.root().resolve("scripts"))) {
            scripts = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(scripts).as("scripts found").anyMatch(s -> s.endsWith("measure-throughput")).hasSizeGreaterThan(5);

        List<String> findings = new ArrayList<>();
        for (Path script : scripts) {
            assertThat(Files.readString(script)).as(script.toString()).startsWith("#!/usr/bin/env bash\n");
            Processes.Result check = Processes.run(new ProcessBuilder(TestTools.shellcheck().toString(), "--norc",
                    "--severity=style", "--format=gcc", script.toString()));
            if (check.exitCode() != 0) {
                findings.add(check.output());
            }
        }
        assertThat(findings).as(String.join("\n", findings)).isEmpty();
    }
}
