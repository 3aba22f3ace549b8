package dev.vixens.ls.importer.dataangel;

import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.kustomize.PodView;
import dev.vixens.ls.source.YamlNodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * DataAngel as the cluster would run it: the built pod of one overlay, its {@code dataangel} container, and
 * the {@code dataangel.io/*} annotations that the container actually reads. DataAngel is configured only
 * through env vars that the shared Component maps from annotations by {@code fieldRef}; an annotation no env
 * var maps is read by nobody (a real outage came from one), so {@link #setting} answers only for mapped ones
 * and {@link #unmapped} lists the others for the report.
 *
 * @param annotations every {@code dataangel.io/<name>} annotation of the pod template, by name
 * @param mapped the annotation names the container's env maps, to the env var's name
 * @param label the pod's {@code vixens.io/backup-profile} label, when present
 */
public record DataAngelPod(String overlay, PodView pod, ContainerView container, Map<String, String> annotations,
        Map<String, String> mapped, Optional<String> label) {

    static final String PREFIX = "dataangel.io/";
    static final String PROFILE_LABEL = "vixens.io/backup-profile";
    private static final Pattern FIELD = Pattern.compile(
            "metadata\\.annotations\\[['\"]" + Pattern.quote(PREFIX) + "([^'\"]+)['\"]\\]");

    /** The DataAngel pod of a built overlay, if its workload runs DataAngel. */
    public static Optional<DataAngelPod> of(String overlay, PodView pod) {
        Optional<ContainerView> container = pod.allContainers().stream().filter(DataAngelPod::isDataAngel)
                .findFirst();
        if (container.isEmpty()) {
            return Optional.empty();
        }
        Node template = YamlNodes.path(pod.doc().root(), "spec", "template", "metadata").orElse(null);
        Map<String, String> annotations = new LinkedHashMap<>();
        Optional<String> label = Optional.empty();
        if (template != null) {
            for (NodeTuple entry : YamlNodes.path(template, "annotations").map(YamlNodes::entries).orElse(List.of())) {
                String key = YamlNodes.text(entry.getKeyNode()).orElse("");
                if (key.startsWith(PREFIX)) {
                    annotations.put(key.substring(PREFIX.length()), YamlNodes.text(entry.getValueNode()).orElse(""));
                }
            }
            label = YamlNodes.path(template, "labels", PROFILE_LABEL).flatMap(YamlNodes::text);
        }
        Map<String, String> mapped = new LinkedHashMap<>();
        for (Node env : YamlNodes.items(YamlNodes.child(container.get().node(), "env"))) {
            Optional<String> field = YamlNodes.path(env, "valueFrom", "fieldRef", "fieldPath").flatMap(YamlNodes::text);
            if (field.isPresent()) {
                Matcher m = FIELD.matcher(field.get().strip());
                if (m.matches()) {
                    mapped.put(m.group(1), YamlNodes.text(env, "name").orElse(""));
                }
            }
        }
        return Optional.of(new DataAngelPod(overlay, pod, container.get(), annotations, mapped, label));
    }

    /** The container the shared Component adds: named dataangel, or running DataAngel's image. */
    static boolean isDataAngel(ContainerView c) {
        return c.name().equals("dataangel") || c.imageRepository().endsWith("/dataangel");
    }

    /** The value DataAngel reads for an annotation: only when an env var maps it, and it is not blank. */
    public Optional<String> setting(String name) {
        if (!mapped.containsKey(name)) {
            return Optional.empty();
        }
        return Optional.ofNullable(annotations.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Annotations the pod carries that no env var maps: DataAngel never sees them. */
    public List<String> unmapped() {
        return annotations.keySet().stream().filter(name -> !mapped.containsKey(name)).toList();
    }

    /** A comma list annotation (sqlite-paths, fs-paths), split and trimmed. */
    public List<String> list(String name) {
        return setting(name).map(v -> List.of(v.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty())
                .toList()).orElse(List.of());
    }
}
