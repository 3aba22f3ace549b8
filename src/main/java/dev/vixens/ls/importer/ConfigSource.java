package dev.vixens.ls.importer;

import dev.vixens.ls.kustomize.YamlDoc;

/**
 * Where the old Litestream config lives: the document, the pod volume that mounts it, and the ConfigMap.
 *
 * @param source the file it was read from (the ConfigMap manifest or the generator's file)
 */
record ConfigSource(YamlDoc doc, String volume, String configMap, String source) {
}
