package dev.vixens.ls.plan;

import dev.vixens.ls.profile.GoDuration;
import java.util.List;

/**
 * One Litestream process: one sidecar container, one config file, one metrics port, and the databases it
 * replicates. Litestream 0.3 runs every database of a pod in one process.
 *
 * @param configFile the config file name, also its key in the ConfigMap
 */
public record LitestreamProcess(String containerName, String portName, String configFile, int metricsPort,
        List<Replica> replicas) {

    public LitestreamProcess {
        replicas = List.copyOf(replicas);
    }

    public boolean serves(String databasePath) {
        return replicas.stream().anyMatch(r -> r.path().equals(databasePath));
    }

    /**
     * One database as this process replicates it.
     *
     * @param path the database path as written in the config (an environment reference in shared pieces)
     * @param url the replica URL, with the bucket as an environment reference
     * @param endpoint the S3 endpoint, as an environment reference
     * @param profile the profile the values come from
     * @param overrides the descriptor's overrides of that profile, for the config's comment
     */
    public record Replica(String path, String url, String endpoint, String profile, GoDuration syncInterval,
            GoDuration snapshotInterval, GoDuration retention, List<String> overrides) {

        public Replica {
            overrides = List.copyOf(overrides);
        }
    }
}
