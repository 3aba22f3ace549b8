package dev.vixens.ls.lint;

import dev.vixens.ls.source.YamlNodes;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * {@code inline-credentials}: a key or password written into a config (or a container's env) is in Git and
 * in every ConfigMap reader's hands. Litestream takes credentials from the environment, which a Secret
 * fills. Anywhere in the config counts, including keys the version ignores: the secret leaks all the same.
 * The message never repeats the value.
 */
final class CredentialsRule implements ConfigRule {

    /** Credential keys and the variable Litestream reads instead (empty: expand one with ${NAME}). */
    private static final Map<String, String> KEYS = Map.of(
            "access-key-id", "LITESTREAM_ACCESS_KEY_ID",
            "secret-access-key", "LITESTREAM_SECRET_ACCESS_KEY",
            "account-key", "",
            "password", "");

    @Override
    public void check(LintedConfig config, List<Finding> out) {
        walk(config, config.root(), out);
    }

    private static void walk(LintedConfig config, Node node, List<Finding> out) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = YamlNodes.key(tuple);
                if (key != null && KEYS.containsKey(key) && tuple.getValueNode() instanceof ScalarNode value
                        && !value.getValue().isBlank() && !EnvValues.isEnvReference(value.getValue())) {
                    String variable = KEYS.get(key);
                    out.add(Finding.of(Rule.INLINE_CREDENTIALS, config.at(value), key + " is written inline;"
                            + " remove it and give the container " + (variable.isEmpty()
                            ? "the value from a Secret, referenced here as ${NAME}"
                            : variable + " from a Secret (envFrom or secretKeyRef), which Litestream reads")));
                }
                walk(config, tuple.getValueNode(), out);
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> walk(config, item, out));
        }
    }

    /** The same mistake one level out: a container's env entry with the credential as a literal value. */
    static Finding inlineEnv(ReadFile.InlineEnv env) {
        return Finding.of(Rule.INLINE_CREDENTIALS, env.location(), env.name() + " is set inline in the"
                + " container's env; take it from a Secret (envFrom.secretRef or valueFrom.secretKeyRef)");
    }
}
