package dev.vixens.ls.descriptor;

import java.util.List;
import java.util.Map;

/**
 * The YAML shapes of the app descriptor and of the repository defaults, bound by Jackson. Every field is
 * optional at this level; {@link DescriptorLoader} and {@link SettingsResolver} say what is required and
 * turn these into the null-free model. The keys are documented in the README and in
 * {@code schema/vixens-backup.schema.json}; a test keeps the three in step.
 */
public final class Documents {

    private Documents() {
    }

    public record DescriptorDocument(String app, String namespace, WorkloadDocument workload, VolumeDocument volume,
            List<DatabaseDocument> databases, LitestreamDocument litestream, ImagesDocument images, String secret,
            String bucketEnv, String endpointEnv, MetricsDocument metrics, ResourcesDocument resources,
            RunAsDocument runAs, Boolean fixPermissions, DrillDocument drill, Boolean nativeSidecar,
            ResourcesDocument initResources, Long fsGroup, String podSecurity,
            Map<String, OverlayDocument> overlays, String bucket, String endpoint) {

        public SettingsDocument settings() {
            return new SettingsDocument(litestream, images, secret, bucketEnv, endpointEnv, metrics, resources,
                    runAs, fixPermissions, nativeSidecar, initResources, fsGroup, bucket, endpoint);
        }
    }

    /** The optional settings a descriptor may set and a repository may default. */
    public record SettingsDocument(LitestreamDocument litestream, ImagesDocument images, String secret,
            String bucketEnv, String endpointEnv, MetricsDocument metrics, ResourcesDocument resources,
            RunAsDocument runAs, Boolean fixPermissions, Boolean nativeSidecar, ResourcesDocument initResources,
            Long fsGroup, String bucket, String endpoint) {

        public static final SettingsDocument EMPTY = new SettingsDocument(null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);

        /** The settings one overlay may change, as a layer over the app's. */
        public static SettingsDocument ofOverlay(OverlayDocument overlay) {
            LitestreamDocument litestream = overlay.litestream() == null ? null
                    : new LitestreamDocument(null, null, overlay.litestream().replicaPrefix(), null, null);
            return new SettingsDocument(litestream, null, overlay.secret(), overlay.bucketEnv(), null, null, null,
                    null, null, null, null, null, null, null);
        }
    }

    /**
     * What one overlay (environment) of the app replicates differently, so that two overlays never write one
     * replica: its own bucket prefix, Secret or bucket variable. The keys mean what they mean at the top level.
     */
    public record OverlayDocument(OverlayLitestreamDocument litestream, String secret, String bucketEnv) {
    }

    public record OverlayLitestreamDocument(String replicaPrefix) {
    }

    public record WorkloadDocument(String kind, String name, String container) {
    }

    public record VolumeDocument(String name, String mountPath) {
    }

    public record DatabaseDocument(String path, String profile, String name, String replicaPath,
            OverridesDocument overrides, com.fasterxml.jackson.databind.JsonNode expectedSize) {
    }

    /** {@code integrityCheck} is a node: a depth word or, as before depths existed, true or false. */
    public record OverridesDocument(String syncInterval, String snapshotInterval, String retention,
            com.fasterxml.jackson.databind.JsonNode integrityCheck) {
    }

    public record LitestreamDocument(String image, String version, String replicaPrefix, Boolean allowNewerRelease,
            HeartbeatDocument heartbeat) {
    }

    /** {@code litestream.heartbeat}: the variable holding the dead-man's switch URL, and how often to call it. */
    public record HeartbeatDocument(String urlEnv, String interval) {
    }

    public record ImagesDocument(String sqlite, String busybox) {
    }

    public record MetricsDocument(Integer port, Boolean annotations) {
    }

    public record ResourcesDocument(ResourceListDocument requests, ResourceListDocument limits) {
    }

    public record ResourceListDocument(String cpu, String memory) {
    }

    public record RunAsDocument(Long uid, Long gid) {
    }

    /** The optional restore drill: a CronJob that restores every backed-up database and checks it. */
    public record DrillDocument(String schedule) {
    }
}
