package dev.vixens.ls.descriptor;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes Pod Security Standard an app's generated containers are held to (descriptor key
 * {@code podSecurity}). "restricted" is the default and what every generated container meets; "baseline" is
 * the one loud, per-app opt-out for an app whose files are root's, so that its init containers and sidecar
 * must run as root too (a Litestream of another uid cannot write them). It is not a repository default: one
 * root app must not quietly make every app root.
 */
public enum PodSecurityLevel {
    RESTRICTED("restricted"), BASELINE("baseline");

    private final String key;

    PodSecurityLevel(String key) {
        this.key = key;
    }

    /** The value as written in a descriptor and in the namespace label {@code pod-security.kubernetes.io/*}. */
    public String key() {
        return key;
    }

    public static Optional<PodSecurityLevel> parse(String text) {
        return Arrays.stream(values()).filter(level -> level.key.equals(text)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(PodSecurityLevel::key).toList();
    }
}
