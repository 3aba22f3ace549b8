package dev.vixens.ls.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.TestRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throw-away repository with one app, laid out like the examples (base, overlays/prod including the
 * generated Component, descriptor), generated with the real CLI. Drills use it for descriptors the
 * examples do not have.
 */
final class DrillRepo {

    private DrillRepo() {
    }

    /**
     * Writes the app {@code name} under {@code root/apps/10-drill/}, runs {@code generate --all} and returns
     * the overlay directory to build.
     *
     * @param deployment the base Deployment (the workload the descriptor names)
     */
    static Path create(Path root, String name, String descriptor, String deployment) {
        String app = "apps/10-drill/" + name;
        TestRepo.create(root)
                .write(app + "/vixens-backup.yaml", descriptor)
                .write(app + "/base/deployment.yaml", deployment)
                .write(app + "/base/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - deployment.yaml
                """)
                .write(app + "/overlays/prod/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: drill
                resources:
                  - ../../base
                components:
                  - ../../litestream
                """);
        CliRun generate = CliRun.inRepo(root, "generate", "--all");
        assertThat(generate.exitCode()).as(generate.out() + generate.err()).isZero();
        return root.resolve(app).resolve("overlays/prod");
    }

    /**
     * A copy of this project's example repository in which the descriptor of {@code app} gets {@code extra}
     * (top-level keys) appended, regenerated; returns the app's overlay directory.
     */
    static Path exampleWith(Path root, String appDirectory, String extra) {
        ProjectFiles.copyExampleRepository(root);
        Path app = root.resolve(appDirectory);
        Path descriptor = app.resolve("vixens-backup.yaml");
        try {
            Files.writeString(descriptor, Files.readString(descriptor) + extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CliRun generate = CliRun.inRepo(root, "generate", app.getFileName().toString());
        assertThat(generate.exitCode()).as(generate.out() + generate.err()).isZero();
        return app.resolve("overlays/prod");
    }

    /**
     * A Deployment {@code name} whose container {@code app} mounts the PVC-backed volume {@code data}, running as
     * the uid the generated containers run as by default (1000), as check requires.
     */
    static String deployment(String name, String mountPath) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %1$s
                spec:
                  selector:
                    matchLabels: {app: %1$s}
                  template:
                    metadata:
                      labels: {app: %1$s}
                    spec:
                      securityContext: {runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000}
                      containers:
                        - name: app
                          image: registry.example/%1$s:1.0
                          volumeMounts:
                            - name: data
                              mountPath: "%2$s"
                      volumes:
                        - name: data
                          persistentVolumeClaim:
                            claimName: %1$s-data
                """.formatted(name, mountPath);
    }
}
