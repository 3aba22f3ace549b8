package dev.vixens.ls.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Builds a kustomization with the real {@code kubectl kustomize} (kustomize v5 on the machine image) and
 * returns the objects. A missing kubectl fails the test: it is part of the image, never skipped.
 */
public final class Kustomize {

    private Kustomize() {
    }

    /** The built objects, in kustomize's output order. Fails with kustomize's message on error. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> build(Path dir) {
        String yaml = buildText(dir);
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
            if (doc != null) {
                objects.add((Map<String, Object>) doc);
            }
        }
        return objects;
    }

    public static String buildText(Path dir) {
        ProcessBuilder builder = new ProcessBuilder("kubectl", "kustomize", dir.toString());
        try {
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed:\n"
                        + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("kubectl is required on PATH for this test (it is on the machine image)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The single object of {@code kind} named {@code name}. */
    public static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(metadata(o).get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the build"));
    }

    /** The first object of {@code kind} whose name starts with {@code prefix} (generated ConfigMaps). */
    public static Map<String, Object> findByPrefix(List<Map<String, Object>> objects, String kind, String prefix) {
        return objects.stream()
                .filter(o -> kind.equals(o.get("kind")) && String.valueOf(metadata(o).get("name")).startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + prefix + "* in the build"));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.get("metadata");
    }

    /** {@code spec.template.spec} of a Deployment or StatefulSet. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> podSpec(Map<String, Object> workload) {
        Map<String, Object> spec = (Map<String, Object>) workload.get("spec");
        Map<String, Object> template = (Map<String, Object>) spec.get("template");
        return (Map<String, Object>) template.get("spec");
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> containers(Map<String, Object> workload, String field) {
        Object list = podSpec(workload).get(field);
        return list == null ? List.of() : (List<Map<String, Object>>) list;
    }

    /**
     * The container called {@code name} in the workload's {@code field} (containers, initContainers): tests find
     * containers by name, so that a new start-up step does not shift what they look at.
     */
    public static Map<String, Object> container(Map<String, Object> workload, String field, String name) {
        return containers(workload, field).stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + " entry named " + name + " in "
                        + names(containers(workload, field))));
    }

    public static List<String> names(List<Map<String, Object>> containers) {
        return containers.stream().map(c -> String.valueOf(c.get("name"))).toList();
    }
}
