package dev.vixens.ls.remove;

import dev.vixens.ls.kustomize.YamlDoc;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.YamlNodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Takes entries out of an overlay kustomization's {@code components:} by editing its text, so that the user's
 * comments, order and layout stay: the lines of a block list's items go (and {@code components:} itself when
 * nothing is left), a flow list is rewritten in place. Without it, an overlay would keep naming a Component
 * that {@code remove} deleted, and fail to build.
 */
public final class ComponentEntries {

    private ComponentEntries() {
    }

    /**
     * @param overlay the overlay directory, against which entries are resolved
     * @param drop which resolved Component directories to take out
     * @return the new text and the entries taken out, or empty when none matches
     */
    public static Optional<Edit> without(SourceFile file, Path overlay, Predicate<Path> drop) {
        List<YamlDoc> docs = YamlDoc.readAll(file);
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        Node root = docs.get(0).root();
        Optional<Node> components = YamlNodes.child(root, "components");
        if (components.isEmpty() || !(components.get() instanceof SequenceNode sequence)) {
            return Optional.empty();
        }
        List<Node> items = sequence.getValue();
        List<Node> dropped = new ArrayList<>();
        for (Node item : items) {
            YamlNodes.text(item).filter(entry -> drop.test(overlay.resolve(entry).normalize())).ifPresent(e -> dropped.add(item));
        }
        if (dropped.isEmpty()) {
            return Optional.empty();
        }
        List<String> removed = dropped.stream().map(n -> YamlNodes.text(n).orElseThrow()).toList();
        String text = file.text();
        if (sequence.getFlowStyle() == FlowStyle.FLOW) {
            List<String> kept = items.stream().filter(n -> !dropped.contains(n))
                    .map(n -> YamlNodes.text(n).orElseThrow()).toList();
            int from = text.offsetByCodePoints(0, sequence.getStartMark().orElseThrow().getIndex());
            int to = text.offsetByCodePoints(0, sequence.getEndMark().orElseThrow().getIndex());
            return Optional.of(new Edit(text.substring(0, from) + "[" + String.join(", ", kept) + "]"
                    + text.substring(to), removed));
        }
        List<String> lines = new ArrayList<>(SourceFile.lines(text));
        List<Integer> gone = new ArrayList<>();
        for (Node item : dropped) {
            int first = item.getStartMark().orElseThrow().getLine();
            int last = item.getEndMark().orElseThrow().getLine();
            if (item.getEndMark().orElseThrow().getColumn() == 0 && last > first) {
                last--;
            }
            for (int line = first; line <= last; line++) {
                gone.add(line);
            }
        }
        if (dropped.size() == items.size()) {
            // nothing left: the key goes too (an empty components: is not a list kustomize accepts)
            NodeTuple entry = YamlNodes.entries(root).stream()
                    .filter(t -> YamlNodes.text(t.getKeyNode()).map("components"::equals).orElse(false))
                    .findFirst().orElseThrow();
            gone.add(entry.getKeyNode().getStartMark().orElseThrow().getLine());
        }
        gone.stream().distinct().sorted((a, b) -> b - a).forEach(line -> lines.remove((int) line));
        String edited = String.join("\n", lines);
        if (YamlDoc.readAll(SourceFile.fromBytes(file.displayName(), edited.getBytes(
                java.nio.charset.StandardCharsets.UTF_8))).isEmpty()) {
            throw new InputException(file.start(), "taking the Component out of components: would leave this"
                    + " kustomization empty; edit it by hand");
        }
        return Optional.of(new Edit(edited, removed));
    }

    /** An overlay's new text, and the entries it no longer lists. */
    public record Edit(String text, List<String> removed) {
    }
}
