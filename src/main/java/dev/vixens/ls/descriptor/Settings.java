package dev.vixens.ls.descriptor;

import dev.vixens.ls.litestream.LitestreamVersion;
import dev.vixens.ls.profile.GoDuration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The optional per-app settings after defaults are applied: descriptor first, then the repository's
 * {@code defaults:}, then the built-in values of {@link SettingsResolver#BUILT_IN}.
 *
 * @param replicaPrefix bucket path put before every database's replica path, empty for none (keeps the
 *     backups of one Litestream format apart from another's)
 * @param resources requests and limits of the Litestream sidecar(s), native or not
 * @param initResources requests and limits of every other generated container: the init containers that run
 *     to completion and the restore drill's containers
 * @param fsGroup the pod's {@code securityContext.fsGroup}, when the descriptor hands the data volume over
 *     that way instead of with the root fix-permissions container
 * @param podSecurity the Pod Security Standard the generated containers meet; baseline only when they run as
 *     root (runAs.uid 0)
 * @param bucket a bucket written literally into the replica URLs instead of {@code ${bucketEnv}}: for
 *     setups with one bucket per app that no Secret names (DataAngel's {@code dataangel.io/bucket})
 * @param endpoint an S3 endpoint written literally instead of {@code ${endpointEnv}}, for the same reason
 * @param heartbeat the Litestream heartbeat to an outside dead-man's switch (0.5.6+), when asked for
 */
public record Settings(String litestreamImage, LitestreamVersion litestreamVersion, String sqliteImage,
        String busyboxImage, String secret, String bucketEnv, String endpointEnv, int metricsPort,
        boolean metricsAnnotations, Resources resources, RunAs runAs, boolean fixPermissions,
        String replicaPrefix, boolean nativeSidecar, Resources initResources, OptionalLong fsGroup,
        PodSecurityLevel podSecurity, Optional<String> bucket, Optional<String> endpoint,
        Optional<Heartbeat> heartbeat) {

    public String litestreamImageReference() {
        return litestreamImage + ":" + litestreamVersion.text();
    }

    /** These settings with the Litestream sidecar a native sidecar (an init container) or a regular container. */
    public Settings withNativeSidecar(boolean nativeSidecar) {
        return new Settings(litestreamImage, litestreamVersion, sqliteImage, busyboxImage, secret, bucketEnv,
                endpointEnv, metricsPort, metricsAnnotations, resources, runAs, fixPermissions, replicaPrefix,
                nativeSidecar, initResources, fsGroup, podSecurity, bucket, endpoint, heartbeat);
    }

    /** The bucket as the generated config writes it: the literal one, else the Secret's variable. */
    public String bucketReference() {
        return bucket.orElse("${" + bucketEnv + "}");
    }

    /** The endpoint as the generated config writes it: the literal one, else the Secret's variable. */
    public String endpointReference() {
        return endpoint.orElse("${" + endpointEnv + "}");
    }

    /** Requests and limits of a container. */
    public record Resources(String requestsCpu, String requestsMemory, String limitsCpu, String limitsMemory) {
    }

    /**
     * Litestream's heartbeat ({@code heartbeat-url}, {@code heartbeat-interval}): the sidecar calls the URL while
     * it replicates, so a dead-man's switch outside the cluster notices when it stops, the whole cluster included.
     *
     * @param urlEnv the environment variable (from the app's Secret) that holds the URL: a reference in the
     *     config, never the URL itself, which is a credential of the switch
     */
    public record Heartbeat(String urlEnv, GoDuration interval) {
    }

    /** The uid and gid the init containers and the sidecar run as, and that fix-permissions applies. */
    public record RunAs(long uid, long gid) {
    }
}
