package dev.vixens.ls.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.Processes;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS SDK is heavy: only analyze may load it. A fresh JVM runs the real entry point with
 * {@code -verbose:class} and the classes it loaded are checked.
 */
class SdkLoadingTest {

    @TempDir
    Path scratch;

    @Test
    void otherCommandsNeverLoadTheSdk() throws Exception {
        for (String command : List.of("profiles", "generate", "check")) {
            String loaded = loadedClasses(List.of(command, "--repo", ProjectFiles.root().toString()), command
                    .equals("generate") ? List.of("hydrus-client") : List.of());
            assertThat(loaded).as(command).contains("dev.vixens.ls.cli.AnalyzeCommand")
                    .doesNotContain("software.amazon.awssdk");
        }
    }

    @Test
    void analyzeDoesLoadIt() throws Exception {
        // A closed loopback port: the listing fails, after the SDK was loaded.
        String loaded = loadedClasses(List.of("analyze", "--repo", ProjectFiles.root().toString(), "--endpoint",
                "http://127.0.0.1:9", "--bucket", "b", "--access-key-id", "i", "--secret-access-key", "s",
                "--region", "us-east-1"), List.of());

        assertThat(loaded).contains("software.amazon.awssdk.services.s3.S3Client");
    }

    private String loadedClasses(List<String> args, List<String> extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-verbose:class",
                "-cp", System.getProperty("java.class.path"), "dev.vixens.ls.cli.Main"));
        command.addAll(args);
        command.addAll(extra);
        if (args.get(0).equals("generate")) {
            ProjectFiles.copyExampleRepository(scratch);
            command.set(command.indexOf(ProjectFiles.root().toString()), scratch.toString());
        }
        return Processes.run(new ProcessBuilder(command)).output();
    }
}
