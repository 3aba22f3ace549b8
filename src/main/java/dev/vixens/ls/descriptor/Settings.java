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
        return toBuilder().nativeSidecar(nativeSidecar).build();
    }

    /** A builder with no value set: {@link Builder#build()} refuses to finish until every one is. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return builder().litestreamImage(litestreamImage).litestreamVersion(litestreamVersion).sqliteImage(sqliteImage)
                .busyboxImage(busyboxImage).secret(secret).bucketEnv(bucketEnv).endpointEnv(endpointEnv)
                .metricsPort(metricsPort).metricsAnnotations(metricsAnnotations).resources(resources).runAs(runAs)
                .fixPermissions(fixPermissions).replicaPrefix(replicaPrefix).nativeSidecar(nativeSidecar)
                .initResources(initResources).fsGroup(fsGroup).podSecurity(podSecurity).bucket(bucket)
                .endpoint(endpoint).heartbeat(heartbeat);
    }

    /** The bucket as the generated config writes it: the literal one, else the Secret's variable. */
    public String bucketReference() {
        return bucket.orElse("${" + bucketEnv + "}");
    }

    /** The endpoint as the generated config writes it: the literal one, else the Secret's variable. */
    public String endpointReference() {
        return endpoint.orElse("${" + endpointEnv + "}");
    }

    /** No null inside: a missing value is a bug of the code that built these settings, found where it was built. */
    public Settings {
        Builder.require(litestreamImage, "litestreamImage");
        Builder.require(litestreamVersion, "litestreamVersion");
        Builder.require(sqliteImage, "sqliteImage");
        Builder.require(busyboxImage, "busyboxImage");
        Builder.require(secret, "secret");
        Builder.require(bucketEnv, "bucketEnv");
        Builder.require(endpointEnv, "endpointEnv");
        Builder.require(resources, "resources");
        Builder.require(runAs, "runAs");
        Builder.require(replicaPrefix, "replicaPrefix");
        Builder.require(initResources, "initResources");
        Builder.require(fsGroup, "fsGroup");
        Builder.require(podSecurity, "podSecurity");
        Builder.require(bucket, "bucket");
        Builder.require(endpoint, "endpoint");
        Builder.require(heartbeat, "heartbeat");
    }

    /**
     * Names each of the twenty values where settings are made (the built-in ones, the resolver, a copy with one
     * change), so no two of the same type can be swapped by position. Every value must be set: there is no
     * default here, the defaults are {@link SettingsResolver#BUILT_IN}'s, so a value forgotten by the resolver
     * fails the build of the settings instead of silently taking some default.
     */
    public static final class Builder {
        private String litestreamImage;
        private LitestreamVersion litestreamVersion;
        private String sqliteImage;
        private String busyboxImage;
        private String secret;
        private String bucketEnv;
        private String endpointEnv;
        private Integer metricsPort;
        private Boolean metricsAnnotations;
        private Resources resources;
        private RunAs runAs;
        private Boolean fixPermissions;
        private String replicaPrefix;
        private Boolean nativeSidecar;
        private Resources initResources;
        private OptionalLong fsGroup;
        private PodSecurityLevel podSecurity;
        private Optional<String> bucket;
        private Optional<String> endpoint;
        private Optional<Heartbeat> heartbeat;

        private Builder() {
        }

        public Builder litestreamImage(String value) {
            litestreamImage = value;
            return this;
        }

        public Builder litestreamVersion(LitestreamVersion value) {
            litestreamVersion = value;
            return this;
        }

        public Builder sqliteImage(String value) {
            sqliteImage = value;
            return this;
        }

        public Builder busyboxImage(String value) {
            busyboxImage = value;
            return this;
        }

        public Builder secret(String value) {
            secret = value;
            return this;
        }

        public Builder bucketEnv(String value) {
            bucketEnv = value;
            return this;
        }

        public Builder endpointEnv(String value) {
            endpointEnv = value;
            return this;
        }

        public Builder metricsPort(int value) {
            metricsPort = value;
            return this;
        }

        public Builder metricsAnnotations(boolean value) {
            metricsAnnotations = value;
            return this;
        }

        public Builder resources(Resources value) {
            resources = value;
            return this;
        }

        public Builder runAs(RunAs value) {
            runAs = value;
            return this;
        }

        public Builder fixPermissions(boolean value) {
            fixPermissions = value;
            return this;
        }

        public Builder replicaPrefix(String value) {
            replicaPrefix = value;
            return this;
        }

        public Builder nativeSidecar(boolean value) {
            nativeSidecar = value;
            return this;
        }

        public Builder initResources(Resources value) {
            initResources = value;
            return this;
        }

        public Builder fsGroup(OptionalLong value) {
            fsGroup = value;
            return this;
        }

        public Builder podSecurity(PodSecurityLevel value) {
            podSecurity = value;
            return this;
        }

        public Builder bucket(Optional<String> value) {
            bucket = value;
            return this;
        }

        public Builder endpoint(Optional<String> value) {
            endpoint = value;
            return this;
        }

        public Builder heartbeat(Optional<Heartbeat> value) {
            heartbeat = value;
            return this;
        }

        /** The settings; an unset value is an {@link IllegalStateException} naming it. */
        public Settings build() {
            return new Settings(litestreamImage, litestreamVersion, sqliteImage, busyboxImage, secret, bucketEnv,
                    endpointEnv, require(metricsPort, "metricsPort"),
                    require(metricsAnnotations, "metricsAnnotations"), resources, runAs,
                    require(fixPermissions, "fixPermissions"), replicaPrefix, require(nativeSidecar, "nativeSidecar"),
                    initResources, fsGroup, podSecurity, bucket, endpoint, heartbeat);
        }

        private static <T> T require(T value, String name) {
            if (value == null) {
                throw new IllegalStateException("Settings." + name + " is not set");
            }
            return value;
        }
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
