package dev.vixens.ls.draft;

import dev.vixens.ls.descriptor.Documents.LitestreamDocument;
import dev.vixens.ls.descriptor.Documents.MetricsDocument;
import dev.vixens.ls.descriptor.Documents.ResourceListDocument;
import dev.vixens.ls.descriptor.Documents.ResourcesDocument;
import dev.vixens.ls.descriptor.Documents.RunAsDocument;
import dev.vixens.ls.descriptor.Documents.SettingsDocument;
import dev.vixens.ls.descriptor.PodSecurityLevel;
import dev.vixens.ls.descriptor.Settings;
import java.util.Objects;

/**
 * Settings observed in hand-written manifests or given as flags (null = nothing known). A draft writes only
 * those that differ from the repository's effective defaults, so the descriptor stays short and a later
 * change of a repository default reaches the app.
 *
 * @param bucket a literal bucket (DataAngel's per-app bucket), null when the Secret's variable names it
 * @param endpoint a literal endpoint, null when the Secret's variable names it
 */
public record ObservedSettings(String litestreamImage, String litestreamVersion, String secret, String bucketEnv,
        String endpointEnv, Integer metricsPort, String requestsCpu, String requestsMemory, String limitsCpu,
        String limitsMemory, Long uid, Long gid, Boolean fixPermissions, String bucket, String endpoint) {

    public static final ObservedSettings NONE = new ObservedSettings(null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    /** Settings whose bucket and endpoint come from the Secret's variables (every setup but DataAngel's). */
    public ObservedSettings(String litestreamImage, String litestreamVersion, String secret, String bucketEnv,
            String endpointEnv, Integer metricsPort, String requestsCpu, String requestsMemory, String limitsCpu,
            String limitsMemory, Long uid, Long gid, Boolean fixPermissions) {
        this(litestreamImage, litestreamVersion, secret, bucketEnv, endpointEnv, metricsPort, requestsCpu,
                requestsMemory, limitsCpu, limitsMemory, uid, gid, fixPermissions, null, null);
    }

    public SettingsDocument against(Settings defaults) {
        return against(defaults, false);
    }

    /**
     * @param metricsPortChosen write {@code metrics.port} even when it is the default: on a host-network pod it is a
     *     port of the node, which check accepts only as a choice written in the descriptor
     */
    public SettingsDocument against(Settings defaults, boolean metricsPortChosen) {
        String image = differs(litestreamImage, defaults.litestreamImage());
        String version = differs(litestreamVersion, defaults.litestreamVersion().text());
        LitestreamDocument litestream = image == null && version == null ? null
                : new LitestreamDocument(image, version, null, null, null);
        Integer port = metricsPortChosen ? (metricsPort == null ? defaults.metricsPort() : metricsPort)
                : differs(metricsPort, defaults.metricsPort());
        MetricsDocument metrics = port == null ? null : new MetricsDocument(port, null);
        Settings.Resources r = defaults.resources();
        ResourceListDocument requests = list(differs(requestsCpu, r.requestsCpu()),
                differs(requestsMemory, r.requestsMemory()));
        ResourceListDocument limits = list(differs(limitsCpu, r.limitsCpu()), differs(limitsMemory, r.limitsMemory()));
        ResourcesDocument resources = requests == null && limits == null ? null
                : new ResourcesDocument(requests, limits);
        Long u = differs(uid, defaults.runAs().uid());
        Long g = differs(gid, defaults.runAs().gid());
        RunAsDocument runAs = u == null && g == null ? null : new RunAsDocument(u, g);
        return new SettingsDocument(litestream, null, differs(secret, defaults.secret()),
                differs(bucketEnv, defaults.bucketEnv()), differs(endpointEnv, defaults.endpointEnv()), metrics,
                resources, runAs, differs(fixPermissions, defaults.fixPermissions()), null, null, null,
                differs(bucket, defaults.bucket().orElse(null)), differs(endpoint, defaults.endpoint().orElse(null)));
    }

    /**
     * {@code baseline} when the observed uid is root's: the only way such a descriptor generates, and what the
     * old containers did (their files are root's, so Litestream must be root too); the draft says so aloud.
     */
    public String podSecurity() {
        return uid != null && uid == 0 ? PodSecurityLevel.BASELINE.key() : null;
    }

    private static ResourceListDocument list(String cpu, String memory) {
        return cpu == null && memory == null ? null : new ResourceListDocument(cpu, memory);
    }

    private static <T> T differs(T observed, T fallback) {
        return observed == null || Objects.equals(observed, fallback) ? null : observed;
    }
}
