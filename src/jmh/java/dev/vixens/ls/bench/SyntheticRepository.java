package dev.vixens.ls.bench;

import dev.vixens.ls.output.GenerationOutput;
import dev.vixens.ls.pipeline.LoadedRepository;
import dev.vixens.ls.pipeline.Pipeline;
import dev.vixens.ls.pipeline.Selection;
import dev.vixens.ls.repo.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository the benchmarks run on: {@code apps} apps of four databases each (critical, two standard, one
 * with a retention override, ephemeral), spread over ten layers, each with a prod overlay including its
 * Component. The same layout as {@code scripts/synthetic-repo}, written from Java so that a benchmark needs
 * nothing but its jar.
 */
final class SyntheticRepository {

    private SyntheticRepository() {
    }

    /** Writes the repository under {@code root} (any file system) and returns {@code root}. */
    static Path write(Path root, int apps) {
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve(Repository.CONFIG_FILE), "apps: [apps]\n", StandardCharsets.UTF_8);
            for (int i = 0; i < apps; i++) {
                String app = String.format("app-%05d", i);
                Path appDir = root.resolve("apps").resolve(String.format("layer-%02d", i % 10)).resolve(app);
                Files.createDirectories(appDir.resolve("overlays/prod"));
                Files.writeString(appDir.resolve("vixens-backup.yaml"), descriptor(app, i), StandardCharsets.UTF_8);
                Files.writeString(appDir.resolve("overlays/prod/kustomization.yaml"),
                        "resources: [../../base]\ncomponents: [../../litestream]\n", StandardCharsets.UTF_8);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String descriptor(String app, int i) {
        return "app: " + app + "\n"
                + "namespace: ns-" + (i % 20) + "\n"
                + "workload:\n"
                + "  kind: Deployment\n"
                + "  name: " + app + "\n"
                + "  container: " + app + "\n"
                + "volume:\n"
                + "  name: data\n"
                + "  mountPath: /data\n"
                + "databases:\n"
                + "  - path: /data/main.db\n"
                + "    profile: critical\n"
                + "  - path: /data/mappings.db\n"
                + "    profile: standard\n"
                + "  - path: /data/master.db\n"
                + "    profile: standard\n"
                + "    overrides:\n"
                + "      retention: 240h\n"
                + "  - path: /data/caches.db\n"
                + "    profile: ephemeral\n";
    }

    /** A fresh temporary directory holding the repository. */
    static Path inTempDir(int apps) {
        try {
            return write(Files.createTempDirectory("vixens-ls-bench-"), apps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code generate --all} would write for the repository at {@code root}. */
    static GenerationOutput render(Path root) {
        Pipeline pipeline = new Pipeline(Repository.open(root));
        LoadedRepository loaded = pipeline.load(Selection.everyApp());
        return pipeline.render(loaded, pipeline.plan(loaded));
    }

    /** Deletes a temporary directory and everything in it. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
