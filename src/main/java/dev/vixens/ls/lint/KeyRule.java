package dev.vixens.ls.lint;

import dev.vixens.ls.source.YamlNodes;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * {@code ignored-key} and {@code unknown-key}: Litestream's YAML decoder drops keys it does not know
 * without a word, so a key meant for another version (0.3's per-replica {@code retention} on 0.5: the
 * incident behind this rule) or a typo silently loses the setting.
 */
final class KeyRule implements ConfigRule {

    @Override
    public void check(LintedConfig config, List<Finding> out) {
        for (LintedConfig.Scope scope : config.scopes()) {
            Set<String> known = KeyCatalog.known(config.release(), scope.level());
            for (NodeTuple tuple : scope.node().getValue()) {
                String key = YamlNodes.key(tuple);
                if (key == null || key.equals("<<") || known.contains(key)) {
                    continue;
                }
                Optional<String> instead = KeyCatalog.ignored(config.release(), scope.level(), key);
                if (instead.isPresent()) {
                    out.add(Finding.of(Rule.IGNORED_KEY, config.at(tuple.getKeyNode()), key + " "
                            + scope.level().phrase() + " is ignored by Litestream " + config.version().text() + "; "
                            + instead.get()));
                    continue;
                }
                Set<String> candidates = new HashSet<>(known);
                candidates.addAll(KeyCatalog.ignoredKeys(config.release(), scope.level()));
                Optional<String> meant = KeyCatalog.closest(key, candidates);
                if (meant.isEmpty() && !KeyCatalog.complete(config.release(), scope.level())) {
                    continue;
                }
                String hint = meant.map(m -> " (did you mean '" + m + "'?"
                        + (known.contains(m) ? "" : " " + config.version().text() + " ignores that too: "
                        + KeyCatalog.ignored(config.release(), scope.level(), m).orElseThrow()) + ")").orElse("");
                out.add(Finding.of(Rule.UNKNOWN_KEY, config.at(tuple.getKeyNode()), "unknown key '" + key + "' "
                        + scope.level().phrase() + hint + "; Litestream " + config.version().text()
                        + " ignores it"));
            }
        }
    }
}
