package dev.vixens.ls.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The "done when", on every example app: in a copy of this repository, removing the Component from its
 * overlay, renaming its data volume in the base, or giving its container the sidecar's metrics port makes
 * {@code check} exit 1 with a line that names the file to edit and says what to do. (That the untouched
 * examples pass is {@code GenerateCheckRoundTripTest.committedOutputOfTheProjectIsCurrent}.)
 */
class ExampleOverlaysVerifiedTest {

    private static final Repository PROJECT = Repository.open(ProjectFiles.root());

    static Stream<String> apps() {
        return ExampleApp.names().stream();
    }

    private record Copy(Path root, AppDescriptor app, String dir) {

        Path overlay() {
            return root.resolve(dir).resolve("overlays/prod/kustomization.yaml");
        }

        /** The base file that defines the workload. */
        Path workload() throws IOException {
            try (Stream<Path> files = Files.list(root.resolve(dir).resolve("base"))) {
                return files.filter(f -> {
                    try {
                        return Files.readString(f).contains("kind: " + app.workload().kind().kind());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).findFirst().orElseThrow();
            }
        }

        CliRun check() {
            return CliRun.inRepo(root, "check", app.app());
        }
    }

    private static Copy copy(Path root, String name) {
        AppRef ref = PROJECT.app(name);
        ProjectFiles.copyExampleRepository(root, name);
        return new Copy(root, PROJECT.load(ref), ref.directory());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void removingTheComponentFromTheOverlay(String name, @TempDir Path root) throws IOException {
        Copy copy = copy(root, name);
        Files.writeString(copy.overlay(), Files.readString(copy.overlay()).replace("  - ../../litestream\n", ""));

        CliRun check = copy.check();

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).startsWith(copy.dir() + "/overlays/prod/kustomization.yaml:")
                .contains(": this overlay does not include the generated Component ../../litestream: ",
                        "add '../../litestream' under components:");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void renamingTheDataVolumeInTheBase(String name, @TempDir Path root) throws IOException {
        Copy copy = copy(root, name);
        Path base = copy.workload();
        String volume = copy.app().volume().name();
        Files.writeString(base, Pattern.compile("(?m)^(\\s*(?:- )?name: )" + volume + "\\s*$")
                .matcher(Files.readString(base)).replaceAll("$1storage"));

        CliRun check = copy.check();

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).startsWith(root.relativize(base).toString().replace('\\', '/') + ":")
                .contains(" has no volume '" + volume + "' (volume.name in ",
                        "set volume.name to the volume that holds the databases");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void givingTheAppContainerTheMetricsPort(String name, @TempDir Path root) throws IOException {
        Copy copy = copy(root, name);
        AppDescriptor d = copy.app();
        int port = d.settings().metricsPort();
        Files.writeString(copy.overlay(), Files.readString(copy.overlay()) + """
                patches:
                  - patch: |
                      apiVersion: apps/v1
                      kind: %s
                      metadata:
                        name: %s
                      spec:
                        template:
                          spec:
                            containers:
                              - name: %s
                                ports:
                                  - containerPort: %d
                """.formatted(d.workload().kind().kind(), d.workload().name(), d.workload().container(), port));

        CliRun check = copy.check();

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out().lines().toList()).anySatisfy(line -> assertThat(line)
                .startsWith(copy.dir() + "/overlays/prod/kustomization.yaml:")
                .contains(": port " + port + " of container '" + d.workload().container() + "' is also the metrics"
                        + " port of the generated container", "; set metrics.port: "));
    }
}
