package dev.vixens.ls.importer.dataangel;

import dev.vixens.ls.kustomize.BuiltWorkloads;
import dev.vixens.ls.kustomize.KustomizeCommand;
import dev.vixens.ls.kustomize.OverlayFinder;
import dev.vixens.ls.kustomize.PodView;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finding an app's DataAngel pods: a cheap text search first (so that every other import pays nothing), then
 * each overlay built with the real kustomize, since DataAngel is configured per overlay and only the built pod
 * says what it runs. Apart from {@link DataAngelImport} because reading the overlays is one job and mapping
 * what they say onto a descriptor another.
 */
final class DataAngelOverlays {

    private DataAngelOverlays() {
    }

    /**
     * Whether an app directory is wired for DataAngel: cheap (a text search of its overlays' and base's YAML
     * files), so that every other import pays nothing for it.
     */
    static boolean mentioned(Repository repo, Path appDir) {
        for (Path dir : directories(appDir, repo.config().verify().overlays())) {
            for (Path file : yamlFiles(dir)) {
                try {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    if (text.contains(DataAngelPod.PREFIX)) {
                        return true;
                    }
                } catch (IOException | UncheckedIOException e) {
                    // unreadable here: the normal import reads (and reports) it
                }
            }
        }
        return false;
    }

    /** Every overlay of the app (the repository's overlay patterns, as check), built; those running DataAngel. */
    static List<DataAngelPod> built(Repository repo, Path appDir, String dir) {
        KustomizeCommand kustomize = KustomizeCommand.resolve(repo.config().verify().kustomize(),
                repo.config().verify().kustomizeAt());
        List<Path> overlays = OverlayFinder.find(appDir, repo.config().verify().overlays());
        List<DataAngelPod> pods = new ArrayList<>();
        for (KustomizeCommand.Build build : kustomize.buildAll(repo.root(), overlays)) {
            String shown = repo.display(build.overlay());
            if (!build.succeeded()) {
                throw new InputException(Location.startOf(shown), kustomize.display() + " failed: "
                        + build.error());
            }
            for (PodView pod : BuiltWorkloads.read(build.yaml().orElseThrow(), shown + " (built)")) {
                DataAngelPod.of(shown, pod).ifPresent(pods::add);
            }
        }
        if (pods.isEmpty()) {
            throw new InputException(Location.startOf(dir), "mentions dataangel.io/ but no overlay under " + dir
                    + "/overlays builds a workload with a DataAngel container; nothing to import");
        }
        for (DataAngelPod other : pods.subList(1, pods.size())) {
            if (!other.pod().name().equals(pods.get(0).pod().name())) {
                throw new InputException(Location.startOf(other.overlay()), "DataAngel runs in two workloads ("
                        + pods.get(0).pod().name() + " and " + other.pod().name() + "); a descriptor describes one");
            }
        }
        return pods;
    }

    private static List<Path> directories(Path appDir, List<String> overlayPatterns) {
        List<Path> out = new ArrayList<>(OverlayFinder.find(appDir, overlayPatterns));
        out.add(appDir.resolve("base"));
        return out;
    }

    static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> Files.isRegularFile(p) && (p.toString().endsWith(".yaml")
                    || p.toString().endsWith(".yml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
