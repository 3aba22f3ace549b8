package dev.vixens.ls.drill;

import dev.vixens.ls.testing.Kustomize;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The objects {@code kubectl kustomize} built for an overlay, and the pieces a pod reads from them. */
public record Manifests(List<Map<String, Object>> objects) {

    public static Manifests build(Path overlay) {
        return new Manifests(Kustomize.build(overlay));
    }

    /** {@code spec.template.spec} of the Deployment or StatefulSet {@code name}. */
    public Map<String, Object> podSpec(String kind, String name) {
        return Kustomize.podSpec(Kustomize.find(objects, kind, name));
    }

    /** The pod spec of the CronJob {@code name}'s Job. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> cronJobPodSpec(String name) {
        Map<String, Object> cronJob = Kustomize.find(objects, "CronJob", name);
        Map<String, Object> jobTemplate = (Map<String, Object>) ((Map<String, Object>) cronJob.get("spec"))
                .get("jobTemplate");
        Map<String, Object> jobSpec = (Map<String, Object>) jobTemplate.get("spec");
        Map<String, Object> template = (Map<String, Object>) jobSpec.get("template");
        return (Map<String, Object>) template.get("spec");
    }

    /** Every ConfigMap of the build by its (hash-suffixed) name, plus {@code extra} ones the test provides. */
    @SuppressWarnings("unchecked")
    public KubeEnv.Sources sources(Map<String, Map<String, String>> secrets,
            Map<String, Map<String, String>> extraConfigMaps) {
        Map<String, Map<String, String>> configMaps = new LinkedHashMap<>(extraConfigMaps);
        for (Map<String, Object> object : objects) {
            if ("ConfigMap".equals(object.get("kind"))) {
                Map<String, String> data = new LinkedHashMap<>();
                Object raw = object.get("data");
                if (raw instanceof Map<?, ?> map) {
                    ((Map<String, Object>) map).forEach((k, v) -> data.put(k, String.valueOf(v)));
                }
                configMaps.put(String.valueOf(Kustomize.metadata(object).get("name")), data);
            }
        }
        return new KubeEnv.Sources(configMaps, secrets);
    }
}
