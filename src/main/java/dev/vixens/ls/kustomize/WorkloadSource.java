package dev.vixens.ls.kustomize;

import dev.vixens.ls.kustomize.KustomizationTree.Manifest;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.YamlNodes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Where a workload's pieces are written in the files an overlay builds from, so that a problem seen in the
 * built pod is reported at the line a user edits: the base manifest's container, the overlay patch that sets
 * {@code hostNetwork}. Searches the overlay's patches first (outermost first), then the resources; the
 * generated Components are left out, since nobody edits those by hand.
 */
public final class WorkloadSource {

    private final List<Manifest> manifests;
    private final Location fallback;

    /**
     * @param names the workload's names: as the descriptor writes it and as the build shows it
     * @param generated directories of generated files, never pointed at
     * @param fallback where to point when the tree does not show the piece (the overlay's kustomization)
     */
    public WorkloadSource(KustomizationTree tree, String kind, List<String> names, List<Path> generated,
            Location fallback) {
        this.manifests = tree.manifests().stream()
                .filter(m -> m.kind().filter(kind::equals).isPresent())
                .filter(m -> m.name().filter(names::contains).isPresent()
                        || m.builtName().filter(names::contains).isPresent())
                .filter(m -> m.doc().source().path() == null || generated.stream()
                        .noneMatch(dir -> m.doc().source().path().toAbsolutePath().normalize().startsWith(dir)))
                .toList();
        this.fallback = fallback;
    }

    /** The overlay's kustomization (or wherever the caller chose), for what no source file shows. */
    public Location fallback() {
        return fallback;
    }

    /** The resource (not patch) that defines the workload: its {@code metadata.name}. */
    public Location workload() {
        return manifests.stream().filter(m -> !m.patch()).findFirst()
                .map(m -> at(m, YamlNodes.path(m.doc().root(), "metadata", "name")).orElse(m.doc().at(m.doc().root())))
                .orElse(fallback);
    }

    /** A key of the workload's own spec ({@code spec.<keys>}), or the workload. */
    public Location spec(String... keys) {
        return first(m -> YamlNodes.path(m.doc().root(), "spec").flatMap(spec -> YamlNodes.path(spec, keys)))
                .orElse(workload());
    }

    /** A key of the pod spec ({@code spec.template.spec.<keys>}), or the pod spec, or the workload. */
    public Location podSpec(String... keys) {
        return first(m -> podSpecNode(m).flatMap(spec -> YamlNodes.path(spec, keys)))
                .or(() -> first(m -> m.patch() ? Optional.empty() : podSpecNode(m)))
                .orElse(workload());
    }

    /** The container (or init container) named {@code container}: its entry, or a key below it. */
    public Location container(String container, String... keys) {
        return first(m -> containerNode(m, container).flatMap(c -> YamlNodes.path(c, keys)))
                .or(() -> first(m -> containerNode(m, container)))
                .orElse(workload());
    }

    /** The {@code ports} entry of the container with that port number, or the container. */
    public Location port(String container, int port) {
        return first(m -> containerNode(m, container).flatMap(c -> YamlNodes.items(YamlNodes.child(c, "ports")).stream()
                .filter(p -> YamlNodes.text(p, "containerPort").filter(Integer.toString(port)::equals).isPresent())
                .findFirst()))
                .orElse(container(container));
    }

    /** The {@code env} entry of the container with that name, or the container. */
    public Location env(String container, String variable) {
        return first(m -> containerNode(m, container).flatMap(c -> YamlNodes.items(YamlNodes.child(c, "env")).stream()
                .filter(e -> YamlNodes.text(e, "name").filter(variable::equals).isPresent())
                .findFirst()))
                .orElse(container(container));
    }

    /** The {@code volumeMounts} entry of the container for that volume, or its volumeMounts, or the container. */
    public Location mount(String container, String volume) {
        return first(m -> containerNode(m, container).flatMap(c -> YamlNodes.items(YamlNodes.child(c, "volumeMounts"))
                .stream().filter(v -> YamlNodes.text(v, "name").filter(volume::equals).isPresent()).findFirst()))
                .orElse(container(container, "volumeMounts"));
    }

    private Optional<Location> first(Function<Manifest, Optional<Node>> find) {
        for (Manifest m : manifests) {
            Optional<Location> found = at(m, find.apply(m));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Location> at(Manifest m, Optional<Node> node) {
        return node.map(n -> m.doc().at(n));
    }

    private static Optional<Node> podSpecNode(Manifest m) {
        return YamlNodes.path(m.doc().root(), "spec", "template", "spec");
    }

    private static Optional<Node> containerNode(Manifest m, String name) {
        return podSpecNode(m).flatMap(spec -> {
            for (String list : List.of("containers", "initContainers")) {
                for (Node c : YamlNodes.items(YamlNodes.child(spec, list))) {
                    if (YamlNodes.text(c, "name").filter(name::equals).isPresent()) {
                        return Optional.of(c);
                    }
                }
            }
            return Optional.empty();
        });
    }
}
