package dev.vixens.ls.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Kubernetes Pod Security Standards, "baseline" and "restricted", as a judge of a built pod template
 * (the rules and their allowed values as the standard's page lists them, Kubernetes v1.30): what a namespace
 * labelled {@code pod-security.kubernetes.io/enforce: <level>} admits. Written here, in the tests, so that the
 * generated manifests are judged by the standard and not by the code that wrote them.
 *
 * <p>Each container is judged with the pod's {@code securityContext} as the default its own overrides. A
 * violation names the standard's rule (its title on the page), where it is, and what was found.
 */
public final class PodSecurityStandard {

    public enum Level {
        BASELINE, RESTRICTED
    }

    /** One rule broken: {@code where} is {@code pod}, {@code container NAME} or {@code volume NAME}. */
    public record Violation(Level level, String rule, String where, String found) {
        @Override
        public String toString() {
            return where + ": " + rule + ": " + found;
        }
    }

    /** Capabilities "baseline" lets a container add. */
    static final Set<String> BASELINE_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
            "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
    /** Sysctls "baseline" allows (the safe set). */
    static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");
    static final Set<String> SELINUX_TYPES = Set.of("", "container_t", "container_init_t", "container_kvm_t",
            "container_engine_t");
    /** Volume sources "restricted" allows. */
    static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret");
    static final List<String> CONTAINER_FIELDS = List.of("initContainers", "containers", "ephemeralContainers");

    private final Level level;
    private final Map<String, Object> metadata;
    private final Map<String, Object> spec;
    private final Map<String, Object> podContext;
    private final List<Violation> found = new ArrayList<>();

    private PodSecurityStandard(Level level, Map<String, Object> template) {
        this.level = level;
        this.metadata = map(template.get("metadata"));
        this.spec = map(template.get("spec"));
        this.podContext = map(spec.get("securityContext"));
    }

    /**
     * Every violation of {@code level} in a pod template ({@code metadata} and {@code spec}): the pod and all its
     * containers.
     */
    public static List<Violation> judge(Map<String, Object> podTemplate, Level level) {
        PodSecurityStandard judge = new PodSecurityStandard(level, podTemplate);
        judge.pod();
        judge.containers(name -> true, false);
        return List.copyOf(judge.found);
    }

    /**
     * The violations of {@code level} by the containers {@code judged} selects (and the volumes they mount),
     * with the pod's security context as their default. The pod's own fields that no container inherits (host
     * namespaces, sysctls, other volumes) belong to whoever wrote the pod and are not judged.
     */
    public static List<Violation> judgeContainers(Map<String, Object> podTemplate, Level level,
            Predicate<String> judged) {
        PodSecurityStandard judge = new PodSecurityStandard(level, podTemplate);
        judge.containers(judged, true);
        return List.copyOf(judge.found);
    }

    private void pod() {
        for (String field : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (Boolean.TRUE.equals(spec.get(field))) {
                baseline("Host Namespaces", "pod", field + ": true");
            }
        }
        if (Boolean.TRUE.equals(map(podContext.get("windowsOptions")).get("hostProcess"))) {
            baseline("HostProcess", "pod", "securityContext.windowsOptions.hostProcess: true");
        }
        for (Map<String, Object> sysctl : list(podContext.get("sysctls"))) {
            if (!SAFE_SYSCTLS.contains(String.valueOf(sysctl.get("name")))) {
                baseline("Sysctls", "pod", "sysctl " + sysctl.get("name") + " is not in the safe set");
            }
        }
        contextRules("pod", podContext, "securityContext.");
        for (Map.Entry<String, Object> annotation : map(metadata.get("annotations")).entrySet()) {
            String key = annotation.getKey();
            String value = String.valueOf(annotation.getValue());
            if (key.startsWith("container.apparmor.security.beta.kubernetes.io/")
                    && !value.equals("runtime/default") && !value.startsWith("localhost/")) {
                baseline("AppArmor", "pod", "annotation " + key + ": " + value);
            }
        }
        if (podContext.containsKey("runAsUser") && number(podContext.get("runAsUser")) == 0) {
            restricted("Running as Non-root user", "pod", "securityContext.runAsUser: 0");
        }
        for (Map<String, Object> volume : list(spec.get("volumes"))) {
            volume(volume);
        }
    }

    /** @param mountedVolumes whether to judge the volumes the judged containers mount (the pod rules did not) */
    private void containers(Predicate<String> judged, boolean mountedVolumes) {
        Set<String> mounted = new LinkedHashSet<>();
        for (String field : CONTAINER_FIELDS) {
            for (Map<String, Object> container : list(spec.get(field))) {
                String name = String.valueOf(container.get("name"));
                if (judged.test(name)) {
                    container("container " + name, container);
                    list(container.get("volumeMounts")).forEach(m -> mounted.add(String.valueOf(m.get("name"))));
                }
            }
        }
        if (mountedVolumes) {
            for (Map<String, Object> volume : list(spec.get("volumes"))) {
                if (mounted.contains(String.valueOf(volume.get("name")))) {
                    volume(volume);
                }
            }
        }
    }

    private void container(String where, Map<String, Object> container) {
        Map<String, Object> context = map(container.get("securityContext"));
        if (Boolean.TRUE.equals(context.get("privileged"))) {
            baseline("Privileged Containers", where, "securityContext.privileged: true");
        }
        if (Boolean.TRUE.equals(map(context.get("windowsOptions")).get("hostProcess"))) {
            baseline("HostProcess", where, "securityContext.windowsOptions.hostProcess: true");
        }
        for (Map<String, Object> port : list(container.get("ports"))) {
            if (port.get("hostPort") != null && number(port.get("hostPort")) != 0) {
                baseline("Host Ports", where, "hostPort: " + port.get("hostPort"));
            }
        }
        Object procMount = context.get("procMount");
        if (procMount != null && !"Default".equals(procMount)) {
            baseline("/proc Mount Type", where, "securityContext.procMount: " + procMount);
        }
        contextRules(where, context, "securityContext.");
        Map<String, Object> capabilities = map(context.get("capabilities"));
        List<String> add = strings(capabilities.get("add"));
        for (String capability : add) {
            if (!BASELINE_CAPABILITIES.contains(capability)) {
                baseline("Capabilities", where, "adds " + capability);
            }
        }
        if (!Boolean.FALSE.equals(context.get("allowPrivilegeEscalation"))) {
            restricted("Privilege Escalation", where, "allowPrivilegeEscalation is "
                    + shown(context.get("allowPrivilegeEscalation")) + ", not false");
        }
        Object nonRoot = context.containsKey("runAsNonRoot") ? context.get("runAsNonRoot")
                : podContext.get("runAsNonRoot");
        if (!Boolean.TRUE.equals(nonRoot)) {
            restricted("Running as Non-root", where, "runAsNonRoot is " + shown(nonRoot)
                    + " (container, else pod), not true");
        }
        Object user = context.containsKey("runAsUser") ? context.get("runAsUser") : podContext.get("runAsUser");
        if (user != null && number(user) == 0) {
            restricted("Running as Non-root user", where, "runAsUser: 0 (container, else pod)");
        }
        Object seccomp = map(context.containsKey("seccompProfile") ? context.get("seccompProfile")
                : podContext.get("seccompProfile")).get("type");
        if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
            restricted("Seccomp", where, "seccompProfile.type is " + shown(seccomp)
                    + " (container, else pod), not RuntimeDefault or Localhost");
        }
        if (!strings(capabilities.get("drop")).contains("ALL")) {
            restricted("Capabilities", where, "capabilities.drop does not include ALL");
        }
        for (String capability : add) {
            if (!capability.equals("NET_BIND_SERVICE")) {
                restricted("Capabilities", where, "adds " + capability + " (only NET_BIND_SERVICE may be added)");
            }
        }
    }

    /** The rules a pod-level and a container-level security context share. */
    private void contextRules(String where, Map<String, Object> context, String prefix) {
        Object appArmor = map(context.get("appArmorProfile")).get("type");
        if (appArmor != null && !"RuntimeDefault".equals(appArmor) && !"Localhost".equals(appArmor)) {
            baseline("AppArmor", where, prefix + "appArmorProfile.type: " + appArmor);
        }
        Map<String, Object> seLinux = map(context.get("seLinuxOptions"));
        Object type = seLinux.get("type");
        if (type != null && !SELINUX_TYPES.contains(String.valueOf(type))) {
            baseline("SELinux", where, prefix + "seLinuxOptions.type: " + type);
        }
        for (String field : List.of("user", "role")) {
            Object value = seLinux.get(field);
            if (value != null && !String.valueOf(value).isEmpty()) {
                baseline("SELinux", where, prefix + "seLinuxOptions." + field + ": " + value);
            }
        }
        if ("Unconfined".equals(map(context.get("seccompProfile")).get("type"))) {
            baseline("Seccomp", where, prefix + "seccompProfile.type: Unconfined");
        }
    }

    private void volume(Map<String, Object> volume) {
        String where = "volume " + volume.get("name");
        for (String source : volume.keySet()) {
            if (source.equals("hostPath")) {
                baseline("HostPath Volumes", where, "hostPath");
            }
            if (!source.equals("name") && !RESTRICTED_VOLUMES.contains(source)) {
                restricted("Volume Types", where, source + " is not one of "
                        + RESTRICTED_VOLUMES.stream().sorted().toList());
            }
        }
    }

    private void baseline(String rule, String where, String what) {
        found.add(new Violation(Level.BASELINE, rule, where, what));
    }

    private void restricted(String rule, String where, String what) {
        if (level == Level.RESTRICTED) {
            found.add(new Violation(Level.RESTRICTED, rule, where, what));
        }
    }

    private static String shown(Object value) {
        return value == null ? "unset" : String.valueOf(value);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
