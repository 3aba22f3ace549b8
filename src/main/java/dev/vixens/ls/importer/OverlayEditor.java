package dev.vixens.ls.importer;

import dev.vixens.ls.kustomize.YamlDoc;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.YamlNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Adds Components to an overlay's kustomization by editing its text, so that the user's comments, order and
 * layout stay as they were: a block list gets new lines, a flow list is rewritten in place, a missing
 * {@code components:} is appended. Entries already there are not added twice, and the entries are kept in
 * the given order relative to each other (the migration Component must come before the generated one:
 * Kustomize applies Components in list order).
 */
public final class OverlayEditor {

    private OverlayEditor() {
    }

    /**
     * @param wanted the entries, in the order they must apply
     * @param comment a comment for new block-list lines, or null
     * @return the new text, or empty when every entry is already there in order
     */
    public static Optional<String> include(SourceFile file, List<String> wanted, String comment) {
        List<YamlDoc> docs = YamlDoc.readAll(file);
        if (docs.isEmpty()) {
            throw new InputException(file.start(), "empty kustomization");
        }
        Node root = docs.get(0).root();
        Optional<Node> components = YamlNodes.child(root, "components");
        String text = file.text();
        if (components.isEmpty() || YamlNodes.text(components.get()).map(String::isEmpty).orElse(false)) {
            if (components.isPresent()) {
                throw new InputException(docs.get(0).at(components.get()), "components: is empty; give it a list or"
                        + " remove it, then run import again");
            }
            StringBuilder out = new StringBuilder(text);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                out.append('\n');
            }
            out.append("components:\n");
            for (String entry : wanted) {
                out.append("  - ").append(entry).append(comment == null ? "" : "  # " + comment).append('\n');
            }
            return Optional.of(out.toString());
        }
        if (!(components.get() instanceof SequenceNode sequence)) {
            throw new InputException(docs.get(0).at(components.get()), "components: is not a list");
        }
        List<String> existing = YamlNodes.strings(components);
        List<String> merged = merge(existing, wanted);
        for (int i = 0; i + 1 < wanted.size(); i++) {
            if (merged.indexOf(wanted.get(i)) > merged.indexOf(wanted.get(i + 1))) {
                throw new InputException(docs.get(0).at(sequence), "components: lists " + wanted.get(i + 1)
                        + " before " + wanted.get(i) + "; Kustomize applies Components in order, so " + wanted.get(i)
                        + " must come first: swap them");
            }
        }
        if (merged.equals(existing)) {
            return Optional.empty();
        }
        if (sequence.getFlowStyle() == FlowStyle.FLOW) {
            Mark start = sequence.getStartMark().orElseThrow();
            Mark end = sequence.getEndMark().orElseThrow();
            int from = text.offsetByCodePoints(0, start.getIndex());
            int to = text.offsetByCodePoints(0, end.getIndex());
            return Optional.of(text.substring(0, from) + "[" + String.join(", ", merged) + "]" + text.substring(to));
        }
        return Optional.of(editBlock(text, sequence, existing, merged, comment));
    }

    /**
     * Sets {@code namespace:} in a kustomization that has none (inserted after its {@code kind:} line).
     *
     * @return the new text, or empty when the file sets a namespace already
     */
    public static Optional<String> ensureNamespace(SourceFile file, String namespace) {
        List<YamlDoc> docs = YamlDoc.readAll(file);
        if (docs.isEmpty() || YamlNodes.child(docs.get(0).root(), "namespace").isPresent()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>(List.of(file.text().split("\n", -1)));
        int after = -1;
        for (NodeTuple entry : YamlNodes.entries(docs.get(0).root())) {
            if (YamlNodes.text(entry.getKeyNode()).map("kind"::equals).orElse(false)) {
                after = entry.getValueNode().getEndMark().orElseThrow().getLine();
            }
        }
        lines.add(after + 1, "namespace: " + namespace);
        return Optional.of(String.join("\n", lines));
    }

    /** {@code existing} with each missing wanted entry inserted right before the next wanted one present. */
    static List<String> merge(List<String> existing, List<String> wanted) {
        List<String> out = new ArrayList<>(existing);
        for (int i = wanted.size() - 1; i >= 0; i--) {
            String entry = wanted.get(i);
            if (out.contains(entry)) {
                continue;
            }
            int before = -1;
            for (int j = i + 1; j < wanted.size() && before < 0; j++) {
                before = out.indexOf(wanted.get(j));
            }
            if (before < 0) {
                // after the last wanted entry placed so far, else at the end
                int after = -1;
                for (int j = i - 1; j >= 0; j--) {
                    after = Math.max(after, out.indexOf(wanted.get(j)));
                }
                out.add(after < 0 ? out.size() : after + 1, entry);
            } else {
                out.add(before, entry);
            }
        }
        return out;
    }

    private static String editBlock(String text, SequenceNode sequence, List<String> existing, List<String> merged,
            String comment) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        List<Node> items = sequence.getValue();
        int firstLine = items.get(0).getStartMark().orElseThrow().getLine();
        String firstText = lines.get(firstLine);
        int dash = firstText.lastIndexOf('-', items.get(0).getStartMark().orElseThrow().getColumn());
        String indent = " ".repeat(Math.max(0, dash));
        // Walk the merged list; new entries go before the line of the next existing item, or after the last one.
        int inserted = 0;
        int nextExisting = 0;
        List<int[]> positions = new ArrayList<>();
        List<String> newLines = new ArrayList<>();
        for (String entry : merged) {
            if (nextExisting < existing.size() && existing.get(nextExisting).equals(entry)) {
                nextExisting++;
                continue;
            }
            int line = nextExisting < existing.size()
                    ? items.get(nextExisting).getStartMark().orElseThrow().getLine()
                    : items.get(items.size() - 1).getEndMark().orElseThrow().getLine()
                            + (items.get(items.size() - 1).getEndMark().orElseThrow().getColumn() == 0 ? 0 : 1);
            positions.add(new int[] {line});
            newLines.add(indent + "- " + entry + (comment == null ? "" : "  # " + comment));
        }
        for (int i = 0; i < positions.size(); i++) {
            lines.add(positions.get(i)[0] + inserted, newLines.get(i));
            inserted++;
        }
        return String.join("\n", lines);
    }
}
