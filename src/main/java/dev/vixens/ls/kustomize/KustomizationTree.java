package dev.vixens.ls.kustomize;

import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.YamlNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * What one overlay builds from, read without running anything: its kustomization and, recursively, the local
 * resources, Components and patches it names. Two users need it. The findings of {@code check} point at the
 * file a user edits (the base manifest that defines the workload, the patch that sets {@code hostNetwork}), not
 * at kustomize's output; and the fast check may only trust its digests when it knows every file a build reads.
 *
 * <p>Every file is counted as read that a kustomization names in any value (generator files, replacements,
 * configurations, ...), plus the three kustomization file names of every directory (a second one appearing
 * breaks the build). A tree that reads something the digests cannot cover (a remote resource, a Helm chart, a
 * plugin, a file outside the repository) is not {@link #cacheable()}.
 */
public final class KustomizationTree {

    /** Kustomize keys that run or fetch things: their effect is not a function of local files. */
    private static final List<String> OPAQUE_KEYS = List.of("helmCharts", "helmGlobals", "helmChartInflationGenerator",
            "generators", "transformers", "validators");
    private static final int MAX_DEPTH = 20;

    /**
     * A YAML document of a resource or patch file the overlay builds from.
     *
     * @param depth 0 for the overlay's own files, 1 for what it includes, ...
     * @param namePrefix the {@code namePrefix}es of the kustomizations above it, outermost first, as kustomize
     *     applies them to the names of the resources
     */
    public record Manifest(YamlDoc doc, boolean patch, int depth, String namePrefix, String nameSuffix) {

        public Optional<String> kind() {
            return YamlNodes.text(doc.root(), "kind");
        }

        public Optional<String> name() {
            return YamlNodes.path(doc.root(), "metadata", "name").flatMap(YamlNodes::text);
        }

        /** The name the object has in the build (prefixes and suffixes applied); patches keep theirs. */
        public Optional<String> builtName() {
            return patch ? name() : name().map(n -> namePrefix + n + nameSuffix);
        }
    }

    private final Path root;
    private final Function<Path, String> display;
    private final Path overlay;
    private final Set<Path> filesRead = new LinkedHashSet<>();
    private final Set<Path> components = new LinkedHashSet<>();
    private final List<Manifest> manifests = new ArrayList<>();
    private final Set<Path> visited = new HashSet<>();
    private YamlDoc overlayKustomization;
    private boolean cacheable = true;

    private KustomizationTree(Path root, Function<Path, String> display, Path overlay) {
        this.root = root.toAbsolutePath().normalize();
        this.display = display;
        this.overlay = overlay.toAbsolutePath().normalize();
    }

    /**
     * Reads the tree of the overlay in {@code overlayDir}. Never fails: what cannot be read is left out (the
     * real build reports it), and makes the tree not cacheable.
     *
     * @param root the repository root; nothing outside it is read
     * @param display how a path is shown in locations (repository-relative)
     */
    public static KustomizationTree read(Path overlayDir, Path root, Function<Path, String> display) {
        KustomizationTree tree = new KustomizationTree(root, display, overlayDir);
        tree.directory(tree.overlay, 0, "", "");
        tree.manifests.sort(Comparator.comparing((Manifest m) -> !m.patch()).thenComparingInt(Manifest::depth));
        return tree;
    }

    /** The overlay directory, absolute. */
    public Path overlay() {
        return overlay;
    }

    /** Every file whose content (or absence) the build depends on, absolute, in the order read. */
    public Set<Path> filesRead() {
        return filesRead;
    }

    /** Whether {@link #filesRead()} is all the build depends on. */
    public boolean cacheable() {
        return cacheable;
    }

    /** Every directory included as a Component, anywhere in the tree, absolute. */
    public Set<Path> components() {
        return components;
    }

    /** Documents of the resource and patch files: patches first (outermost first), then resources. */
    public List<Manifest> manifests() {
        return manifests;
    }

    /** The overlay's own kustomization, when it could be read. */
    public Optional<YamlDoc> kustomization() {
        return Optional.ofNullable(overlayKustomization);
    }

    /** Where the overlay's kustomization says {@code key:} (e.g. {@code components}), else its first line. */
    public Location overlayLocation(String key) {
        if (overlayKustomization == null) {
            Path file = Kustomization.fileIn(overlay).orElse(overlay.resolve(Kustomization.FILE_NAMES.get(0)));
            return Location.startOf(display.apply(file));
        }
        for (NodeTuple tuple : YamlNodes.entries(overlayKustomization.root())) {
            if (YamlNodes.text(tuple.getKeyNode()).filter(key::equals).isPresent()) {
                return overlayKustomization.at(tuple.getKeyNode());
            }
        }
        return overlayKustomization.source().start();
    }

    private void directory(Path dir, int depth, String prefix, String suffix) {
        if (!visited.add(dir) || depth > MAX_DEPTH) {
            return;
        }
        for (String name : Kustomization.FILE_NAMES) {
            filesRead.add(dir.resolve(name));
        }
        Optional<Path> file = Kustomization.fileIn(dir);
        if (file.isEmpty()) {
            return;
        }
        List<YamlDoc> docs = documents(file.get());
        if (docs.isEmpty()) {
            return;
        }
        YamlDoc doc = docs.get(0);
        if (depth == 0) {
            overlayKustomization = doc;
        }
        Node top = doc.root();
        for (String key : OPAQUE_KEYS) {
            if (YamlNodes.child(top, key).isPresent()) {
                cacheable = false;
            }
        }
        String innerPrefix = prefix + YamlNodes.text(top, "namePrefix").orElse("");
        String innerSuffix = YamlNodes.text(top, "nameSuffix").orElse("") + suffix;
        List<KustomizationEntry> entries = KustomizationEntry.of(top);
        for (KustomizationEntry entry : entries) {
            if (entry.kind() == KustomizationEntry.Kind.RESOURCE) {
                resource(dir, entry.value(), depth, innerPrefix, innerSuffix);
            }
        }
        for (KustomizationEntry entry : entries) {
            if (entry.kind() == KustomizationEntry.Kind.COMPONENT) {
                local(dir, entry.value()).ifPresent(target -> {
                    components.add(target);
                    directory(target, depth + 1, innerPrefix, innerSuffix);
                });
            }
        }
        // patches in their own loops: an inline patch (no file, so no entry) is read in its place among them
        for (Node patch : YamlNodes.items(YamlNodes.child(top, "patches"))) {
            YamlNodes.text(patch, "path").flatMap(path -> local(dir, path)).ifPresent(p -> patchFile(p, depth));
            YamlNodes.child(patch, "patch").ifPresent(inline -> inlinePatch(doc, inline, depth));
        }
        for (Node item : YamlNodes.items(YamlNodes.child(top, "patchesStrategicMerge"))) {
            String entry = YamlNodes.text(item).orElse("");
            Optional<Path> path = entry.contains("\n") ? Optional.empty() : local(dir, entry);
            if (path.isPresent() && Files.isRegularFile(path.get())) {
                patchFile(path.get(), depth);
            } else {
                inlinePatch(doc, item, depth);
            }
        }
        namedFiles(dir, top);
    }

    private void resource(Path dir, String entry, int depth, String prefix, String suffix) {
        if (Kustomization.isRemote(entry)) {
            cacheable = false;
            return;
        }
        local(dir, entry).ifPresent(target -> {
            if (Files.isDirectory(target)) {
                directory(target, depth + 1, prefix, suffix);
            } else {
                filesRead.add(target);
                for (YamlDoc doc : documents(target)) {
                    manifests.add(new Manifest(doc, false, depth, prefix, suffix));
                }
            }
        });
    }

    private void patchFile(Path file, int depth) {
        filesRead.add(file);
        for (YamlDoc doc : documents(file)) {
            manifests.add(new Manifest(doc, true, depth, "", ""));
        }
    }

    private void inlinePatch(YamlDoc kustomization, Node inline, int depth) {
        if (inline instanceof ScalarNode scalar) {
            try {
                manifests.add(new Manifest(kustomization.embedded(scalar), true, depth, "", ""));
            } catch (InputException e) {
                // an inline patch that is not YAML breaks the build, which reports it
            }
        }
    }

    /**
     * Any value of the kustomization that names an existing local file (generator files, {@code key=path}
     * entries, replacements, configurations, ...) is read by the build; a directory it names that is not a
     * kustomization handled above cannot be covered file by file.
     */
    private void namedFiles(Path dir, Node node) {
        if (node instanceof ScalarNode scalar) {
            String value = scalar.getValue();
            for (String candidate : value.contains("=") ? List.of(value, value.substring(value.indexOf('=') + 1))
                    : List.of(value)) {
                if (candidate.isBlank() || candidate.contains("\n") || Kustomization.isRemote(candidate)) {
                    continue;
                }
                Path target;
                try {
                    target = dir.resolve(candidate).normalize();
                } catch (RuntimeException e) {
                    continue;
                }
                if (Files.isRegularFile(target)) {
                    if (target.startsWith(root)) {
                        filesRead.add(target);
                    } else {
                        cacheable = false;
                    }
                } else if (Files.isDirectory(target) && !visited.contains(target) && !target.equals(dir)) {
                    cacheable = false;
                }
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                namedFiles(dir, tuple.getValueNode());
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                namedFiles(dir, item);
            }
        }
    }

    /** A local path of the entry, inside the repository; anything else makes the tree not cacheable. */
    private Optional<Path> local(Path dir, String entry) {
        if (entry.isBlank() || Kustomization.isRemote(entry)) {
            cacheable = false;
            return Optional.empty();
        }
        Path target;
        try {
            target = dir.resolve(entry).normalize();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!target.startsWith(root)) {
            cacheable = false;
            return Optional.empty();
        }
        if (!Files.exists(target)) {
            // a missing file fails the build; its later appearance must send the fast check back to it
            filesRead.add(target);
            return Optional.empty();
        }
        return Optional.of(target);
    }

    private List<YamlDoc> documents(Path file) {
        filesRead.add(file);
        try {
            return YamlDoc.readAll(SourceFile.read(file, display.apply(file), SourceFile.MAX_MANIFEST_BYTES));
        } catch (InputException e) {
            return List.of();
        }
    }
}
