package dev.vixens.ls.plan;

import dev.vixens.ls.plan.ContainerPlan.EnvVar;
import dev.vixens.ls.plan.ContainerPlan.Mount;
import java.util.List;

/**
 * Where sqlite3 and Litestream may write temporary files, now that every generated container has a read-only
 * root file system. SQLite spills to temporary files what does not fit in memory (sorts, transient indices
 * and tables, statement journals: on a large database, any query may need them), looking in
 * {@code SQLITE_TMPDIR}, then {@code TMPDIR}, then {@code /var/tmp}, {@code /usr/tmp}, {@code /tmp}; Go code
 * (Litestream) uses {@code TMPDIR}, then {@code /tmp}. Without a writable place these fail with "unable to open
 * database file" or a read-only file system error, and the pod does not start. So: one pod-level
 * {@code emptyDir}, mounted at {@code /tmp} in the containers that run those tools, and both variables naming
 * it, so that neither a tool's own search order nor an image's writable {@code VOLUME} decides where temporary
 * files go. Litestream's restore and replication files themselves go next to the database, on the data volume.
 */
final class ScratchSpace {

    /** Starts with "litestream", a prefix the descriptor reserves for generated volumes. */
    static final String VOLUME = "litestream-tmp";
    static final String DIR = "/tmp";

    private ScratchSpace() {
    }

    static Mount mount() {
        return new Mount(VOLUME, DIR, false);
    }

    static List<EnvVar> env() {
        return List.of(new EnvVar("TMPDIR", DIR), new EnvVar("SQLITE_TMPDIR", DIR));
    }

    static PodPatch.Volume volume() {
        return PodPatch.Volume.emptyDir(VOLUME);
    }

    /** Whether any of {@code containers} mounts the scratch space, so that the pod must define it. */
    static boolean usedBy(List<ContainerPlan> containers) {
        return containers.stream().anyMatch(c -> c.mounts().contains(mount()));
    }
}
