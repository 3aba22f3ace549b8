package dev.vixens.ls.draft;

import dev.vixens.ls.kustomize.PodView.MountView;
import java.util.Collection;
import java.util.Optional;

/**
 * Which volume mount of a container holds an app's databases: the deepest one that holds them all, since a
 * descriptor names one data volume and its mount path is the prefix of every database path. Shared by
 * {@code init} (the app container of an existing base) and {@code import} (the old Litestream sidecar).
 */
public final class MountPaths {

    private MountPaths() {
    }

    /** The deepest of {@code mounts} below which every path of {@code databases} lies. */
    public static Optional<MountView> deepestHolding(Collection<MountView> mounts, Collection<String> databases) {
        MountView best = null;
        for (MountView mount : mounts) {
            String prefix = trimSlash(mount.mountPath()) + "/";
            boolean holdsAll = databases.stream().allMatch(db -> db.startsWith(prefix));
            if (holdsAll && (best == null || mount.mountPath().length() > best.mountPath().length())) {
                best = mount;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A mount path without trailing slashes ({@code /} stays). */
    public static String trimSlash(String path) {
        String out = path;
        while (out.length() > 1 && out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
