package dev.vixens.ls.kustomize;

import dev.vixens.ls.source.ConfinedPaths;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.YamlNodes;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The objects a hand-written Kustomize base declares: its {@code resources} (local files, and local
 * directories with their own kustomization, recursively) and its {@code configMapGenerator} files. Remote
 * resources and patches are not read; they are listed in {@link #notes()}. What {@code import} and {@code init}
 * learn about an app's workload before anything is generated; an overlay's whole build, patches included, is
 * {@link KustomizationTree}'s.
 *
 * @param kustomization the base's kustomization file
 * @param namespace the base's {@code namespace:}, if any
 */
public record KustomizeBase(Path directory, SourceFile kustomization, Optional<String> namespace,
        List<YamlDoc> objects, List<GeneratedConfigMap> configMaps, List<Note> notes) {

    private static final int MAX_DEPTH = 5;
    private static final String CONFIG_MAP_GENERATOR = "configMapGenerator/";

    /** A {@code configMapGenerator} entry: ConfigMap name, and its files by key. */
    public record GeneratedConfigMap(String name, Map<String, SourceFile> files, Location at) {
    }

    /** Something of the base import did not read, and where. */
    public record Note(Location at, String message) {
    }

    /** @param paths the repository's path rules: nothing is read outside it or through a link */
    public static KustomizeBase read(Path dir, ConfinedPaths paths) {
        Path file = Kustomization.fileIn(dir).orElseThrow(() -> new InputException(Location.startOf(paths.display(dir)),
                "no kustomization.yaml here; expected the app's Kustomize base"));
        SourceFile source = paths.read(file, SourceFile.MAX_MANIFEST_BYTES);
        List<YamlDoc> objects = new ArrayList<>();
        List<GeneratedConfigMap> configMaps = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        Reader reader = new Reader(paths, objects, configMaps, notes);
        Optional<String> namespace = reader.read(dir, source, 0, new HashSet<>());
        return new KustomizeBase(dir, source, namespace, objects, configMaps, notes);
    }

    private record Reader(ConfinedPaths paths, List<YamlDoc> objects, List<GeneratedConfigMap> configMaps,
            List<Note> notes) {

        Optional<String> read(Path dir, SourceFile source, int depth, Set<Path> seen) {
            if (!seen.add(dir.toAbsolutePath().normalize())) {
                return Optional.empty();
            }
            List<YamlDoc> docs = YamlDoc.readAll(source);
            if (docs.isEmpty()) {
                return Optional.empty();
            }
            YamlDoc doc = docs.get(0);
            Node root = doc.root();
            Map<String, Map<String, SourceFile>> generated = new LinkedHashMap<>();
            Map<String, Location> generatedAt = new LinkedHashMap<>();
            for (KustomizationEntry entry : KustomizationEntry.of(root)) {
                if (entry.kind() == KustomizationEntry.Kind.RESOURCE) {
                    resource(dir, entry.value(), doc.at(entry.node()), depth, seen);
                } else if (entry.kind() == KustomizationEntry.Kind.GENERATOR_FILE
                        && entry.generator().orElseThrow().startsWith(CONFIG_MAP_GENERATOR)) {
                    String name = entry.generator().get().substring(CONFIG_MAP_GENERATOR.length());
                    generatedAt.putIfAbsent(name, doc.at(entry.node()));
                    generated.computeIfAbsent(name, n -> new LinkedHashMap<>())
                            .put(entry.key().orElseThrow(), generatorFile(dir, doc, entry));
                }
            }
            generated.forEach((name, files) -> configMaps.add(new GeneratedConfigMap(name, files,
                    generatedAt.get(name))));
            for (String key : List.of("patches", "patchesStrategicMerge", "patchesJson6902", "components")) {
                YamlNodes.child(root, key).ifPresent(node -> notes.add(new Note(doc.at(node), key
                        + " of this kustomization are not read by import; if they add Litestream parts, review them"
                        + " by hand")));
            }
            return YamlNodes.text(root, "namespace");
        }

        private void resource(Path dir, String entry, Location at, int depth, Set<Path> seen) {
            if (Kustomization.isRemote(entry)) {
                notes.add(new Note(at, "remote resource '" + entry + "' is not read"));
                return;
            }
            Path target = dir.resolve(entry).toAbsolutePath().normalize();
            String problem = paths.problem(target, "read");
            if (problem != null) {
                notes.add(new Note(at, "resource " + Problem.quote(entry) + " is not read: " + problem));
                return;
            }
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                Optional<Path> nested = Kustomization.fileIn(target);
                if (nested.isEmpty() || depth >= MAX_DEPTH) {
                    notes.add(new Note(at, "resource directory " + Problem.quote(entry) + " has no kustomization;"
                            + " not read"));
                    return;
                }
                read(target, paths.read(nested.get(), SourceFile.MAX_MANIFEST_BYTES), depth + 1, seen);
                return;
            }
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new InputException(at, "resource " + Problem.quote(entry) + " does not exist");
            }
            objects.addAll(YamlDoc.readAll(paths.read(target, SourceFile.MAX_MANIFEST_BYTES)));
        }

        private SourceFile generatorFile(Path dir, YamlDoc doc, KustomizationEntry entry) {
            String path = entry.value();
            Path file = dir.resolve(path).toAbsolutePath().normalize();
            String problem = paths.problem(file, "read");
            if (problem != null) {
                throw new InputException(doc.at(entry.node()), "configMapGenerator file " + Problem.quote(path) + ": "
                        + problem);
            }
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new InputException(doc.at(entry.node()), "configMapGenerator file " + Problem.quote(path)
                        + " does not exist in the repository");
            }
            return paths.read(file, SourceFile.MAX_MANIFEST_BYTES);
        }
    }
}
