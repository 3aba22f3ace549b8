package dev.vixens.ls.plan;

import dev.vixens.ls.plan.ContainerPlan.RunAs;
import java.util.List;

/**
 * The {@code securityContext} of a generated container. A namespace that enforces the Pod Security Standard
 * "restricted" admits a pod only if every container, ours included, has no privilege escalation, no
 * capabilities, a non-root user and the runtime's seccomp profile; a LimitRange or a hardening policy also
 * expects a read-only root file system. Every generated container writes only to mounted volumes (the
 * data volume, and {@link ScratchSpace} for temporary files), so all of this holds for all of them.
 *
 * <p>Two containers run as root, and so meet "baseline" only: fix-permissions ({@link #chownAsRoot()}),
 * when the descriptor asks for it; and every container of an app with {@code podSecurity: baseline}, whose
 * files are root's. Both still drop every capability they do not need.
 *
 * @param runAsNonRoot written as {@code false} for a root container, so that a pod-level
 *     {@code runAsNonRoot: true} in the app's base does not stop it from starting
 * @param addCapabilities the capabilities added back after dropping ALL
 */
public record SecurityContext(long runAsUser, long runAsGroup, boolean runAsNonRoot, List<String> addCapabilities) {

    public SecurityContext {
        addCapabilities = List.copyOf(addCapabilities);
    }

    /** The uid and gid the descriptor names, with nothing added back: "restricted" unless the uid is 0. */
    static SecurityContext runningAs(RunAs runAs) {
        return new SecurityContext(runAs.uid(), runAs.gid(), runAs.uid() != 0, List.of());
    }

    /**
     * Root with CHOWN, to give the volume to another uid, and DAC_OVERRIDE, to descend into directories that
     * root can neither read nor search without it: {@code chown -R} must list a directory to reach what is
     * in it, and the files it repairs are often in a previous owner's {@code 0700} directories. Measured
     * with busybox's and GNU's {@code chown -R} under a bounding set of CHOWN alone: "cannot read directory:
     * Permission denied" on a 0700 directory of another uid, fine with DAC_OVERRIDE added. DAC_OVERRIDE
     * gives nothing CHOWN does not already give (a process that may chown any file it can name may make it
     * its own); FOWNER and FSETID are not needed ({@code chown} never changes modes or times).
     */
    static SecurityContext chownAsRoot() {
        return new SecurityContext(0, 0, false, List.of("CHOWN", "DAC_OVERRIDE"));
    }

    public boolean allowPrivilegeEscalation() {
        return false;
    }

    public boolean readOnlyRootFilesystem() {
        return true;
    }

    public List<String> dropCapabilities() {
        return List.of("ALL");
    }

    public String seccompProfile() {
        return "RuntimeDefault";
    }
}
