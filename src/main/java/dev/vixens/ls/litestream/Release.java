package dev.vixens.ls.litestream;

import dev.vixens.ls.profile.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One Litestream release as the release table describes it: the keys it reads at each level (and their
 * types), the flags of its commands, its behaviours and its metrics. Every version-dependent rule of vixens-ls
 * asks a question of this class; none compares version numbers.
 *
 * @param index its position in the table (older releases first)
 * @param dialect the configuration language vixens-ls writes for it ({@code 0.3}, {@code 0.5})
 * @param date its release date as the table gives it, {@code -} when not recorded
 */
public record Release(ReleaseNumber number, int index, String dialect, String date,
        Map<Level, Map<String, KeyType>> keys, Map<Level, Map<String, String>> writes, Set<Level> openLevels,
        Map<Command, Set<String>> flags, Set<Behaviour> behaviours, Set<String> metrics) {

    /**
     * What the sidecar of a release that reads {@code shutdown-sync-timeout} may spend shipping its last writes
     * after SIGTERM, and the budget vixens-ls assumes for the one final sync of the releases that do not.
     */
    static final Duration LAST_WRITES_BUDGET = Duration.ofSeconds(20);

    /** Copies without lambdas or streams: the table builds every release when a command starts. */
    public Release {
        keys = copy(keys);
        writes = copy(writes);
        openLevels = Collections.unmodifiableSet(openLevels.isEmpty() ? EnumSet.noneOf(Level.class)
                : EnumSet.copyOf(openLevels));
        Map<Command, Set<String>> flagsCopy = new EnumMap<>(Command.class);
        for (Map.Entry<Command, Set<String>> entry : flags.entrySet()) {
            flagsCopy.put(entry.getKey(), Collections.unmodifiableSet(new LinkedHashSet<>(entry.getValue())));
        }
        flags = Collections.unmodifiableMap(flagsCopy);
        behaviours = Collections.unmodifiableSet(behaviours.isEmpty() ? EnumSet.noneOf(Behaviour.class)
                : EnumSet.copyOf(behaviours));
        metrics = Collections.unmodifiableSet(new TreeSet<>(metrics));
    }

    private static <V> Map<Level, Map<String, V>> copy(Map<Level, Map<String, V>> byLevel) {
        Map<Level, Map<String, V>> out = new EnumMap<>(Level.class);
        for (Map.Entry<Level, Map<String, V>> entry : byLevel.entrySet()) {
            out.put(entry.getKey(), Collections.unmodifiableMap(new LinkedHashMap<>(entry.getValue())));
        }
        return Collections.unmodifiableMap(out);
    }

    /** As written in an image tag: {@code 0.5.12}. */
    public String version() {
        return number.toString();
    }

    public String line() {
        return number.line();
    }

    public boolean isAfter(Release other) {
        return index > other.index;
    }

    // --- configuration keys ---------------------------------------------------------------------------------

    public boolean reads(Level level, String key) {
        return keys.getOrDefault(level, Map.of()).containsKey(key);
    }

    /** The keys this release reads at {@code level}, in table order. */
    public Set<String> keys(Level level) {
        return keys.getOrDefault(level, Map.of()).keySet();
    }

    public Optional<KeyType> type(Level level, String key) {
        return Optional.ofNullable(keys.getOrDefault(level, Map.of()).get(key));
    }

    /** The keys of one type at {@code level}, e.g. every duration. */
    public Set<String> keys(Level level, KeyType type) {
        Set<String> out = new TreeSet<>();
        keys.getOrDefault(level, Map.of()).forEach((key, t) -> {
            if (t == type) {
                out.add(key);
            }
        });
        return out;
    }

    /**
     * Whether the table lists every key this release reads at {@code level}. Where it does not (storage keys
     * of 0.5's replicas, and of its top level once replica settings may go there), an unlisted key may be real.
     */
    public boolean listsEveryKey(Level level) {
        return !openLevels.contains(level);
    }

    /** The safety settings vixens-ls writes at {@code level} on this release: key to value, in table order. */
    public Map<String, String> writes(Level level) {
        return writes.getOrDefault(level, Map.of());
    }

    /** Where this release reads the snapshot interval and the retention. */
    public SnapshotPlacement snapshotPlacement() {
        if (reads(Level.DATABASE, "snapshot")) {
            return SnapshotPlacement.DATABASE;
        }
        return reads(Level.TOP, "snapshot") ? SnapshotPlacement.TOP : SnapshotPlacement.REPLICA;
    }

    /** The key that lists a database's replicas as this release prefers it: {@code replica} or {@code replicas}. */
    public String replicaKey() {
        return reads(Level.DATABASE, "replica") ? "replica" : "replicas";
    }

    // --- commands -------------------------------------------------------------------------------------------

    public boolean has(Command command, String flag) {
        return flags.getOrDefault(command, Set.of()).contains(flag);
    }

    public Set<String> flags(Command command) {
        return flags.getOrDefault(command, Set.of());
    }

    /**
     * Whether {@code restore} answers "no replica" apart from "cannot read the bucket": with
     * {@code -if-replica-exists}, a replica that does not exist is exit 0 and no file, while a listing that
     * fails is exit 1. Without it, both are exit 1, and a start-up restore cannot tell a new app from a bucket it
     * cannot read.
     */
    public boolean tellsMissingReplicaApart() {
        return has(Command.RESTORE, "-if-replica-exists");
    }

    // --- behaviour ------------------------------------------------------------------------------------------

    public boolean has(Behaviour behaviour) {
        return behaviours.contains(behaviour);
    }

    /** The layout this release writes its replicas in. */
    public ReplicaLayout layout() {
        return has(Behaviour.LAYOUT_LTX) ? ReplicaLayout.LTX : ReplicaLayout.GENERATIONS;
    }

    /** What a restore of this release reads at a replica path: its own layout first, then the older one. */
    public List<ReplicaLayout> restoreReads() {
        List<ReplicaLayout> layouts = new ArrayList<>();
        layouts.add(layout());
        if (has(Behaviour.RESTORE_READS_GENERATIONS) && layout() != ReplicaLayout.GENERATIONS) {
            layouts.add(ReplicaLayout.GENERATIONS);
        }
        return layouts;
    }

    /**
     * How many seconds this release's sidecar needs, after SIGTERM, to ship its last writes to the replica: the
     * pod's {@code terminationGracePeriodSeconds} must be greater (Kubernetes' default, 30, is; with a native
     * sidecar, which is stopped after the app, greater than the app's own stop plus this). Where the release
     * reads {@code shutdown-sync-timeout} (0.5.6 and later) it is the value vixens-ls writes there (release
     * table), which Litestream itself enforces. Earlier releases make one final sync on shutdown that nothing
     * bounds; vixens-ls gives them the same budget, so the rule does not change when an app changes release.
     * The generated patch leaves the grace period to the app's base (the app may need a longer one);
     * {@code check} compares the built pod with this.
     */
    public int secondsToShipLastWrites() {
        String written = writes(Level.TOP).get("shutdown-sync-timeout");
        long millis = written == null ? LAST_WRITES_BUDGET.toMillis() : GoDuration.parse(written).millis();
        return (int) ((millis + 999) / 1000);
    }

    @Override
    public String toString() {
        return version();
    }
}
