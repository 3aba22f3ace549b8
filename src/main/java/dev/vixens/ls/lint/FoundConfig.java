package dev.vixens.ls.lint;

import java.nio.file.Path;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One Litestream config found in a linted file: the file itself, one document of it, or a data entry of a
 * ConfigMap.
 *
 * @param path the real path of the file holding it
 * @param root the config's root node
 * @param group configs in one group end up in one pod's config volume (one ConfigMap); empty when the
 *     config is a plain file, whose group the kustomization that generates its ConfigMap decides
 */
record FoundConfig(Path path, Node root, Positions positions, String group) {
}
