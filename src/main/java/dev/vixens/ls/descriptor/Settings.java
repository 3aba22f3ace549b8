package dev.vixens.ls.descriptor;

import dev.vixens.ls.litestream.LitestreamVersion;

/**
 * The optional per-app settings after defaults are applied: descriptor first, then the repository's
 * {@code defaults:}, then the built-in values of {@link SettingsResolver#BUILT_IN}.
 *
 * @param replicaPrefix bucket path put before every database's replica path, empty for none (keeps the
 *     backups of one Litestream format apart from another's)
 */
public record Settings(String litestreamImage, LitestreamVersion litestreamVersion, String sqliteImage,
        String busyboxImage, String secret, String bucketEnv, String endpointEnv, int metricsPort,
        boolean metricsAnnotations, Resources resources, RunAs runAs, boolean fixPermissions,
        String replicaPrefix, boolean nativeSidecar) {

    public String litestreamImageReference() {
        return litestreamImage + ":" + litestreamVersion.text();
    }

    /** Requests and limits of the Litestream sidecar. */
    public record Resources(String requestsCpu, String requestsMemory, String limitsCpu, String limitsMemory) {
    }

    /** The uid and gid the init containers and the sidecar run as, and that fix-permissions applies. */
    public record RunAs(long uid, long gid) {
    }
}
