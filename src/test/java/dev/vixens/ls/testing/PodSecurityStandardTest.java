package dev.vixens.ls.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.PodSecurityStandard.Level;
import dev.vixens.ls.testing.PodSecurityStandard.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Pod Security Standards judge can fail: a pod that meets "restricted" passes, and each rule, broken once
 * in that pod, is reported exactly (rule title, where, what). The edit is a path into the pod template
 * ({@code containers[app]} is the container named app) and a YAML value.
 */
class PodSecurityStandardTest {

    private static final String RESTRICTED_POD = """
            metadata:
              annotations:
                container.apparmor.security.beta.kubernetes.io/app: runtime/default
            spec:
              securityContext:
                runAsNonRoot: true
                seccompProfile: {type: RuntimeDefault}
                sysctls: [{name: net.ipv4.ip_unprivileged_port_start, value: "0"}]
              initContainers:
                - name: init
                  securityContext:
                    runAsUser: 1000
                    allowPrivilegeEscalation: false
                    capabilities: {drop: [ALL]}
                  volumeMounts: [{name: data, mountPath: /data}]
              containers:
                - name: app
                  ports: [{containerPort: 8080, hostPort: 0}]
                  securityContext:
                    allowPrivilegeEscalation: false
                    procMount: Default
                    seLinuxOptions: {type: container_t}
                    appArmorProfile: {type: RuntimeDefault}
                    capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
                  volumeMounts: [{name: tmp, mountPath: /tmp}]
              volumes:
                - {name: data, persistentVolumeClaim: {claimName: data}}
                - {name: tmp, emptyDir: {}}
            """;

    @Test
    void aPodThatMeetsRestrictedHasNoViolation() {
        assertThat(PodSecurityStandard.judge(pod(), Level.RESTRICTED)).isEmpty();
        assertThat(PodSecurityStandard.judge(pod(), Level.BASELINE)).isEmpty();
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                // baseline
                broken("spec.hostNetwork", "true", Level.BASELINE, "pod: Host Namespaces: hostNetwork: true"),
                broken("spec.hostPID", "true", Level.BASELINE, "pod: Host Namespaces: hostPID: true"),
                broken("spec.securityContext.windowsOptions", "{hostProcess: true}", Level.BASELINE,
                        "pod: HostProcess: securityContext.windowsOptions.hostProcess: true"),
                broken("spec.containers[app].securityContext.privileged", "true", Level.BASELINE,
                        "container app: Privileged Containers: securityContext.privileged: true"),
                broken("spec.containers[app].securityContext.capabilities.add", "[SYS_ADMIN]", Level.BASELINE,
                        "container app: Capabilities: adds SYS_ADMIN"),
                broken("spec.volumes[data]", "{name: data, hostPath: {path: /srv}}", Level.BASELINE,
                        "volume data: HostPath Volumes: hostPath"),
                broken("spec.containers[app].ports", "[{containerPort: 8080, hostPort: 8080}]", Level.BASELINE,
                        "container app: Host Ports: hostPort: 8080"),
                broken("spec.containers[app].securityContext.appArmorProfile", "{type: Unconfined}", Level.BASELINE,
                        "container app: AppArmor: securityContext.appArmorProfile.type: Unconfined"),
                broken("metadata.annotations", "{container.apparmor.security.beta.kubernetes.io/app: unconfined}",
                        Level.BASELINE, "pod: AppArmor: annotation"
                                + " container.apparmor.security.beta.kubernetes.io/app: unconfined"),
                broken("spec.containers[app].securityContext.seLinuxOptions", "{type: spc_t}", Level.BASELINE,
                        "container app: SELinux: securityContext.seLinuxOptions.type: spc_t"),
                broken("spec.securityContext.seLinuxOptions", "{user: system_u}", Level.BASELINE,
                        "pod: SELinux: securityContext.seLinuxOptions.user: system_u"),
                broken("spec.containers[app].securityContext.procMount", "Unmasked", Level.BASELINE,
                        "container app: /proc Mount Type: securityContext.procMount: Unmasked"),
                broken("spec.securityContext.seccompProfile", "{type: Unconfined}", Level.BASELINE,
                        "pod: Seccomp: securityContext.seccompProfile.type: Unconfined"),
                broken("spec.securityContext.sysctls", "[{name: kernel.msgmax, value: '1'}]", Level.BASELINE,
                        "pod: Sysctls: sysctl kernel.msgmax is not in the safe set"),
                // restricted
                broken("spec.volumes[tmp]", "{name: tmp, nfs: {server: nas, path: /tmp}}", Level.RESTRICTED,
                        "volume tmp: Volume Types: nfs is not one of [configMap, csi, downwardAPI, emptyDir,"
                                + " ephemeral, persistentVolumeClaim, projected, secret]"),
                broken("spec.initContainers[init].securityContext.allowPrivilegeEscalation", "true",
                        Level.RESTRICTED, "container init: Privilege Escalation: allowPrivilegeEscalation is true,"
                                + " not false"),
                broken("spec.securityContext.runAsNonRoot", "false", Level.RESTRICTED,
                        "container init: Running as Non-root: runAsNonRoot is false (container, else pod), not true",
                        "container app: Running as Non-root: runAsNonRoot is false (container, else pod), not true"),
                broken("spec.initContainers[init].securityContext.runAsUser", "0", Level.RESTRICTED,
                        "container init: Running as Non-root user: runAsUser: 0 (container, else pod)"),
                broken("spec.securityContext.runAsUser", "0", Level.RESTRICTED,
                        "pod: Running as Non-root user: securityContext.runAsUser: 0",
                        "container app: Running as Non-root user: runAsUser: 0 (container, else pod)"),
                broken("spec.securityContext.seccompProfile", "{type: Localhost, localhostProfile: p.json}",
                        Level.RESTRICTED),
                broken("spec.securityContext.seccompProfile", "null", Level.RESTRICTED,
                        "container init: Seccomp: seccompProfile.type is unset (container, else pod), not"
                                + " RuntimeDefault or Localhost",
                        "container app: Seccomp: seccompProfile.type is unset (container, else pod), not"
                                + " RuntimeDefault or Localhost"),
                broken("spec.containers[app].securityContext.capabilities.drop", "[NET_RAW]", Level.RESTRICTED,
                        "container app: Capabilities: capabilities.drop does not include ALL"),
                broken("spec.containers[app].securityContext.capabilities.add", "[CHOWN]", Level.RESTRICTED,
                        "container app: Capabilities: adds CHOWN (only NET_BIND_SERVICE may be added)"));
    }

    private static Arguments broken(String path, String yaml, Level level, String... expected) {
        return Arguments.of(path + ": " + yaml, path, yaml, level, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleBrokenOnceIsReportedAtItsLevel(String title, String path, String yaml, Level level,
            List<String> expected) {
        Map<String, Object> pod = pod();
        set(pod, path, new Load(LoadSettings.builder().build()).loadFromString(yaml));

        assertThat(lines(PodSecurityStandard.judge(pod, level))).containsExactlyElementsOf(expected);
        if (level == Level.RESTRICTED) {
            assertThat(PodSecurityStandard.judge(pod, Level.BASELINE)).as("baseline allows it").isEmpty();
        } else {
            assertThat(lines(PodSecurityStandard.judge(pod, Level.RESTRICTED)))
                    .as("restricted includes baseline").containsAll(expected);
        }
    }

    @Test
    void judgingSomeContainersLeavesTheOthersAndThePodsOwnFieldsAlone() {
        Map<String, Object> pod = pod();
        set(pod, "spec.hostNetwork", true);
        set(pod, "spec.containers[app].securityContext.privileged", true);
        set(pod, "spec.volumes[tmp]", Map.of("name", "tmp", "hostPath", Map.of("path", "/tmp")));
        set(pod, "spec.initContainers[init].securityContext.allowPrivilegeEscalation", true);

        assertThat(lines(PodSecurityStandard.judgeContainers(pod, Level.RESTRICTED, "init"::equals)))
                .containsExactly("container init: Privilege Escalation: allowPrivilegeEscalation is true, not false");
        set(pod, "spec.initContainers[init].volumeMounts", List.of(Map.of("name", "tmp", "mountPath", "/tmp")));
        assertThat(lines(PodSecurityStandard.judgeContainers(pod, Level.RESTRICTED, "init"::equals)))
                .containsExactly("container init: Privilege Escalation: allowPrivilegeEscalation is true, not false",
                        "volume tmp: HostPath Volumes: hostPath",
                        "volume tmp: Volume Types: hostPath is not one of [configMap, csi, downwardAPI, emptyDir,"
                                + " ephemeral, persistentVolumeClaim, projected, secret]");
    }

    private static List<String> lines(List<Violation> violations) {
        return violations.stream().map(Violation::toString).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pod() {
        return (Map<String, Object>) copy(new Load(LoadSettings.builder().build()).loadFromString(RESTRICTED_POD));
    }

    /** A mutable deep copy, so that a test can edit the pod. */
    @SuppressWarnings("unchecked")
    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(copy(v)));
            return out;
        }
        return value;
    }

    /**
     * Sets {@code path} ({@code a.b[name].c}: list items chosen by their name) to {@code value}, creating maps on
     * the way.
     */
    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> root, String path, Object value) {
        String[] segments = path.split("\\.(?![^\\[]*])");
        Object current = root;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            Map<String, Object> map = (Map<String, Object>) current;
            int bracket = segment.indexOf('[');
            if (bracket < 0) {
                if (last) {
                    map.put(segment, copy(value));
                } else {
                    current = map.computeIfAbsent(segment, k -> new LinkedHashMap<String, Object>());
                }
                continue;
            }
            String name = segment.substring(bracket + 1, segment.length() - 1);
            List<Object> items = (List<Object>) map.get(segment.substring(0, bracket));
            int at = -1;
            for (int j = 0; j < items.size(); j++) {
                if (name.equals(((Map<String, Object>) items.get(j)).get("name"))) {
                    at = j;
                }
            }
            if (at < 0) {
                throw new AssertionError("no item named " + name + " in " + path);
            }
            if (last) {
                items.set(at, copy(value));
            } else {
                current = items.get(at);
            }
        }
    }
}
