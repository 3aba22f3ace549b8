package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.litestream.LitestreamVersion;
import dev.vixens.ls.litestream.SnapshotPlacement;
import dev.vixens.ls.profile.GoDuration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;

/**
 * Litestream 0.5.x: snapshot interval and retention are no longer per replica but one {@code snapshot:}
 * block per process (where the release reads it: at the top level, or on each database, where every database
 * of one process must agree or Litestream refuses to start). 0.5 silently ignores 0.3's per-replica keys, so
 * databases with different (snapshot interval, retention) cannot share a process: each group gets its own
 * sidecar, config file and metrics port. Sync interval stays per replica, so it does not split groups. The
 * safety settings the release table marks for writing (e.g. {@code shutdown-sync-timeout}) go at the top.
 */
public record Litestream05Dialect(LitestreamVersion version) implements ConfigDialect {

    /** The highest metrics port; a group beyond it has nowhere to listen. */
    static final int MAX_PORT = 65535;

    /** One process's snapshot values. Equal when they mean the same durations, whatever their spelling. */
    public record Snapshot(GoDuration interval, GoDuration retention) {

        Key key() {
            return new Key(interval.millis(), retention.millis());
        }

        /** {@code 1h-336h}: stable, DNS-label safe, independent of how the descriptor spelled the values. */
        String name() {
            return canonical(interval.millis()) + "-" + canonical(retention.millis());
        }
    }

    private record Key(long interval, long retention) {
    }

    @Override
    public List<LitestreamProcess> processes(List<LitestreamProcess.Replica> replicas, int basePort) {
        Map<Key, List<LitestreamProcess.Replica>> groups = new TreeMap<>(
                Comparator.comparingLong(Key::interval).thenComparingLong(Key::retention));
        for (LitestreamProcess.Replica replica : replicas) {
            groups.computeIfAbsent(snapshotOf(replica).key(), k -> new ArrayList<>()).add(replica);
        }
        if (groups.size() == 1) {
            return List.of(new LitestreamProcess("litestream", "metrics", "litestream.yml", basePort,
                    groups.values().iterator().next()));
        }
        if (basePort + groups.size() - 1 > MAX_PORT) {
            throw new IllegalArgumentException("metrics.port " + basePort + ": Litestream " + version.text()
                    + " needs " + groups.size() + " metrics ports (one per snapshot interval and retention), "
                    + basePort + " to " + (basePort + groups.size() - 1) + ", beyond " + MAX_PORT);
        }
        // Ordered by snapshot interval, then retention: the most frequent snapshots get the base port, so
        // ports move only when the set of groups changes, never when the descriptor is reordered.
        List<LitestreamProcess> processes = new ArrayList<>();
        int index = 0;
        for (List<LitestreamProcess.Replica> group : groups.values()) {
            String name = "litestream-" + snapshotOf(group.get(0)).name();
            processes.add(new LitestreamProcess(name, portName(index), name + ".yml", basePort + index, group));
            index++;
        }
        return processes;
    }

    /** {@code metrics}, {@code metrics-1}, ...: container port names are at most 15 characters. */
    static String portName(int index) {
        return index == 0 ? "metrics" : "metrics-" + index;
    }

    /**
     * The process's one snapshot block (all its replicas agree by construction) and where this version reads
     * it.
     */
    @Override
    public EmittedFile.Config05 config(LitestreamProcess process) {
        return config(process, Optional.empty());
    }

    @Override
    public EmittedFile.Config05 config(LitestreamProcess process, Optional<Settings.Heartbeat> heartbeat) {
        Snapshot snapshot = process.replicas().isEmpty()
                ? new Snapshot(GoDuration.parse("24h"), GoDuration.parse("24h"))
                : snapshotOf(process.replicas().get(0));
        return new EmittedFile.Config05(process, version, snapshot,
                version.release().snapshotPlacement() == SnapshotPlacement.DATABASE, topSettings(heartbeat));
    }

    static Snapshot snapshotOf(LitestreamProcess.Replica replica) {
        return new Snapshot(replica.snapshotInterval(), replica.retention());
    }

    /** The largest of h, m, s, ms that expresses {@code millis} exactly: 3600000 is 1h, 5400000 is 90m. */
    static String canonical(long millis) {
        if (millis % 3_600_000L == 0) {
            return millis / 3_600_000L + "h";
        }
        if (millis % 60_000L == 0) {
            return millis / 60_000L + "m";
        }
        if (millis % 1000L == 0) {
            return millis / 1000L + "s";
        }
        return millis + "ms";
    }
}
