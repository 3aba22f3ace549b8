package dev.vixens.ls.repo;

import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.version.BuildInfo;
import dev.vixens.ls.version.ToolVersion;
import dev.vixens.ls.version.VersionRange;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * {@code requires:} in {@code .vixens-ls.yaml}: the versions of vixens-ls the repository accepts. Two machines
 * on different versions would otherwise disagree about what is current with no hint why; with the pin, the one
 * that does not match refuses every command and says which version the repository wants.
 *
 * <p>It is read before the rest of the file is bound, so that an older tool meeting keys that a newer one added
 * reports the version it lacks rather than an "unknown key".
 */
final class RequiredVersion {

    static final String KEY = "requires";

    private RequiredVersion() {
    }

    /** Refuses (exit 2, at the value) when the file's {@code requires:} does not admit the running tool. */
    static void check(SourceFile source, BuildInfo tool) {
        Optional<ScalarNode> value = find(source);
        if (value.isEmpty()) {
            return;
        }
        ScalarNode node = value.get();
        VersionRange.Result parsed = VersionRange.parse(node.getValue());
        if (parsed.problem() != null) {
            throw new InputException(locate(source, node), KEY + ": " + parsed.problem());
        }
        Optional<ToolVersion> running = ToolVersion.parse(tool.version());
        if (running.isEmpty() || !parsed.range().admits(running.get())) {
            throw new InputException(locate(source, node), KEY + ": this repository needs vixens-ls "
                    + parsed.range().text() + ", and this is vixens-ls " + tool.version() + "; run a version in that"
                    + " range, or move the repository to this one: change " + KEY + ", run generate --all and"
                    + " commit both");
        }
    }

    /** The top-level {@code requires} scalar; empty when absent, or when the file is not even YAML (reported later). */
    private static Optional<ScalarNode> find(SourceFile source) {
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(source.displayName()).setMaxAliasesForCollections(0)
                    .build()).composeString(source.text());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (root.isEmpty() || !(root.get() instanceof MappingNode mapping)) {
            return Optional.empty();
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(KEY)) {
                if (tuple.getValueNode() instanceof ScalarNode scalar) {
                    return Optional.of(scalar);
                }
                throw new InputException(locate(source, tuple.getValueNode()), KEY + ": expected a version range"
                        + " in quotes, e.g. requires: \">=0.2 <0.3\"");
            }
        }
        return Optional.empty();
    }

    private static dev.vixens.ls.source.Location locate(SourceFile source, Node node) {
        return node.getStartMark().map(mark -> source.at(mark.getLine() + 1, mark.getColumn() + 1))
                .orElse(source.start());
    }
}
