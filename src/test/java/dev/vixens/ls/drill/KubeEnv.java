package dev.vixens.ls.drill;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The environment of a container and Kubernetes' {@code $(VAR)} expansion, as the kubelet does them
 * (pkg/kubelet/kuberuntime and third_party/forked/golang/expansion):
 * <ul>
 *   <li>{@code envFrom} sources in order, later keys winning, keys that are not variable names dropped;
 *       then {@code env} in order, each value expanded against the variables defined before it;</li>
 *   <li>in {@code command} and {@code args}, {@code $(NAME)} becomes the variable's value when it is defined
 *       and stays as written when it is not; {@code $$} is an escaped {@code $}. That holds for the whole
 *       script text of a {@code sh -c} container too.</li>
 * </ul>
 */
public final class KubeEnv {

    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    /** ConfigMaps and Secrets of the namespace, by name: what {@code envFrom} and {@code valueFrom} read. */
    public record Sources(Map<String, Map<String, String>> configMaps, Map<String, Map<String, String>> secrets) {
        public Sources {
            configMaps = Map.copyOf(configMaps);
            secrets = Map.copyOf(secrets);
        }
    }

    private KubeEnv() {
    }

    /** Kubernetes' expansion of one command or args entry. */
    public static String expand(String input, Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (c != '$' || i + 1 >= input.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = input.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '(') {
                int close = input.indexOf(')', i + 2);
                if (close < 0) {
                    out.append("$(");
                    i += 2;
                } else {
                    String name = input.substring(i + 2, close);
                    out.append(env.containsKey(name) ? env.get(name) : "$(" + name + ")");
                    i = close + 1;
                }
            } else {
                out.append('$').append(next);
                i += 2;
            }
        }
        return out.toString();
    }

    /** The variables a container sees, from its {@code envFrom} and {@code env}. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> of(Map<String, Object> container, Sources sources) {
        Map<String, String> env = new LinkedHashMap<>();
        String name = String.valueOf(container.get("name"));
        for (Map<String, Object> from : (List<Map<String, Object>>) container.getOrDefault("envFrom", List.of())) {
            String prefix = String.valueOf(from.getOrDefault("prefix", ""));
            Map<String, String> data = null;
            if (from.containsKey("secretRef")) {
                data = lookup(sources.secrets(), (Map<String, Object>) from.get("secretRef"), "Secret", name);
            } else if (from.containsKey("configMapRef")) {
                data = lookup(sources.configMaps(), (Map<String, Object>) from.get("configMapRef"), "ConfigMap",
                        name);
            }
            if (data != null) {
                data.forEach((key, value) -> {
                    if (ENV_NAME.matcher(prefix + key).matches()) {
                        env.put(prefix + key, value);
                    }
                });
            }
        }
        for (Map<String, Object> variable : (List<Map<String, Object>>) container.getOrDefault("env", List.of())) {
            String variableName = String.valueOf(variable.get("name"));
            if (variable.containsKey("valueFrom")) {
                Map<String, Object> valueFrom = (Map<String, Object>) variable.get("valueFrom");
                String value = null;
                if (valueFrom.containsKey("secretKeyRef")) {
                    value = key(sources.secrets(), (Map<String, Object>) valueFrom.get("secretKeyRef"), "Secret",
                            name);
                } else if (valueFrom.containsKey("configMapKeyRef")) {
                    value = key(sources.configMaps(), (Map<String, Object>) valueFrom.get("configMapKeyRef"),
                            "ConfigMap", name);
                } else {
                    throw new AssertionError("container " + name + ": the drill harness does not resolve "
                            + valueFrom.keySet() + " in env " + variableName);
                }
                if (value != null) {
                    env.put(variableName, value);
                }
            } else {
                env.put(variableName, expand(String.valueOf(variable.getOrDefault("value", "")), env));
            }
        }
        return env;
    }

    private static Map<String, String> lookup(Map<String, Map<String, String>> objects, Map<String, Object> ref,
            String kind, String container) {
        String objectName = String.valueOf(ref.get("name"));
        Map<String, String> data = objects.get(objectName);
        if (data == null && !Boolean.TRUE.equals(ref.get("optional"))) {
            throw new AssertionError("container " + container + " reads " + kind + " " + objectName
                    + ", which does not exist: the pod would not start (CreateContainerConfigError)");
        }
        return data;
    }

    private static String key(Map<String, Map<String, String>> objects, Map<String, Object> ref, String kind,
            String container) {
        Map<String, String> data = lookup(objects, ref, kind, container);
        String key = String.valueOf(ref.get("key"));
        if (data == null) {
            return null;
        }
        if (!data.containsKey(key) && !Boolean.TRUE.equals(ref.get("optional"))) {
            throw new AssertionError("container " + container + " reads key " + key + " of " + kind + " "
                    + ref.get("name") + ", which has no such key: the pod would not start");
        }
        return data.get(key);
    }
}
