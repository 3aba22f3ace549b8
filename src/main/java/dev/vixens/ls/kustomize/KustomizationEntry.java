package dev.vixens.ls.kustomize;

import dev.vixens.ls.source.YamlNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * An entry of a kustomization that names another file or directory the build reads: the one list of the keys
 * that do, so that import (a base's objects), lint (the files an overlay reaches) and the overlay tree of check
 * (what a build reads) cannot disagree about where a kustomization's parts come from. Inline patches are not
 * entries (they name no file); the entry's value may still be remote ({@link Kustomization#isRemote}).
 *
 * @param value the path as written; for a generator file, the path after {@code key=}
 * @param node where it is written
 * @param generator for a generator file, the generator's key ({@code configMapGenerator}, {@code secretGenerator})
 *     and name, e.g. {@code configMapGenerator/settings}
 * @param key for a generator file, the data key the file becomes (its {@code key=}, else its file name)
 */
public record KustomizationEntry(Kind kind, String value, Node node, Optional<String> generator,
        Optional<String> key) {

    public enum Kind {
        /** {@code resources} and {@code bases}: a manifest file or a directory with its own kustomization. */
        RESOURCE,
        /** {@code components}: a directory holding a Component. */
        COMPONENT,
        /** {@code patches[].path}, {@code patchesStrategicMerge}, {@code patchesJson6902[].path}. */
        PATCH,
        /** {@code files} of {@code configMapGenerator} and {@code secretGenerator}. */
        GENERATOR_FILE
    }

    /** Every entry of the kustomization document {@code root}, in this order: the kinds above, keys as listed. */
    public static List<KustomizationEntry> of(Node root) {
        List<KustomizationEntry> out = new ArrayList<>();
        for (String key : List.of("resources", "bases")) {
            scalars(root, key, Kind.RESOURCE, out);
        }
        scalars(root, "components", Kind.COMPONENT, out);
        for (Node patch : YamlNodes.items(YamlNodes.child(root, "patches"))) {
            YamlNodes.child(patch, "path").ifPresent(path -> add(Kind.PATCH, path, out));
        }
        for (Node item : YamlNodes.items(YamlNodes.child(root, "patchesStrategicMerge"))) {
            // a block scalar or a line break is an inline patch, not a file
            boolean inline = item instanceof ScalarNode scalar && (scalar.getScalarStyle() == ScalarStyle.LITERAL
                    || scalar.getScalarStyle() == ScalarStyle.FOLDED || scalar.getValue().contains("\n"));
            if (!inline) {
                add(Kind.PATCH, item, out);
            }
        }
        for (Node patch : YamlNodes.items(YamlNodes.child(root, "patchesJson6902"))) {
            YamlNodes.child(patch, "path").ifPresent(path -> add(Kind.PATCH, path, out));
        }
        for (String generatorKey : List.of("configMapGenerator", "secretGenerator")) {
            for (Node generator : YamlNodes.items(YamlNodes.child(root, generatorKey))) {
                String name = generatorKey + "/" + YamlNodes.text(generator, "name").orElse("");
                for (Node item : YamlNodes.items(YamlNodes.child(generator, "files"))) {
                    YamlNodes.text(item).ifPresent(text -> {
                        int eq = text.indexOf('=');
                        String path = text.substring(eq + 1);
                        String dataKey = eq >= 0 ? text.substring(0, eq) : path.substring(path.lastIndexOf('/') + 1);
                        out.add(new KustomizationEntry(Kind.GENERATOR_FILE, path, item, Optional.of(name),
                                Optional.of(dataKey)));
                    });
                }
            }
        }
        return out;
    }

    private static void scalars(Node root, String key, Kind kind, List<KustomizationEntry> out) {
        for (Node item : YamlNodes.items(YamlNodes.child(root, key))) {
            add(kind, item, out);
        }
    }

    private static void add(Kind kind, Node node, List<KustomizationEntry> out) {
        YamlNodes.text(node).ifPresent(text -> out.add(new KustomizationEntry(kind, text, node, Optional.empty(),
                Optional.empty())));
    }
}
