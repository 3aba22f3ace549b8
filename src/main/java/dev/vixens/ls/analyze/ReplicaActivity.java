package dev.vixens.ls.analyze;

import dev.vixens.ls.litestream.ReplicaLayout;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one replica holds, measured from its objects.
 *
 * @param layouts the layouts found at this root: both when a 0.5 sidecar writes where 0.3 wrote before
 * @param changeFiles WAL segments (0.3) or LTX files below the snapshot level (0.5): one per sync that had
 *     changes, so their rate is a lower bound of the write rate
 */
public record ReplicaActivity(String root, Set<ReplicaLayout> layouts, Set<String> generations, int snapshots,
        long snapshotBytes, int changeFiles, long changeBytes, int otherFiles, Instant oldest, Instant newest) {

    /** Rates are computed over at least this much time: a few minutes of objects say little per hour. */
    public static final Duration MINIMUM_WINDOW = Duration.ofHours(1);

    private static ReplicaActivity empty(String root) {
        return new ReplicaActivity(root, EnumSet.noneOf(ReplicaLayout.class), new TreeSet<>(), 0, 0, 0, 0, 0, null,
                null);
    }

    public static ReplicaActivity of(String root, List<RestoreSize.Listed> objects) {
        ReplicaActivity activity = empty(root);
        for (RestoreSize.Listed l : objects) {
            activity = activity.add(l.key(), l.object());
        }
        return activity;
    }

    private ReplicaActivity add(ReplicaKey key, BucketObject object) {
        Set<String> groups = new TreeSet<>(generations);
        if (key.layout() == ReplicaLayout.GENERATIONS && key.kind() != ReplicaKey.Kind.OTHER) {
            groups.add(key.group());
        }
        Set<ReplicaLayout> seen = EnumSet.noneOf(ReplicaLayout.class);
        seen.addAll(layouts);
        seen.add(key.layout());
        boolean snapshot = key.kind() == ReplicaKey.Kind.SNAPSHOT;
        boolean change = key.kind() == ReplicaKey.Kind.WAL || key.kind() == ReplicaKey.Kind.LTX;
        Instant time = object.lastModified();
        return new ReplicaActivity(root, seen, groups, snapshots + (snapshot ? 1 : 0),
                snapshotBytes + (snapshot ? object.size() : 0), changeFiles + (change ? 1 : 0),
                changeBytes + (change ? object.size() : 0), otherFiles + (snapshot || change ? 0 : 1),
                oldest == null || time.isBefore(oldest) ? time : oldest,
                newest == null || time.isAfter(newest) ? time : newest);
    }

    /** {@code 0.3}, {@code 0.5}, or {@code 0.3+0.5} for a root holding both layouts. */
    public String format() {
        return String.join("+", layouts.stream().map(ReplicaLayout::label).toList());
    }

    public boolean isEmpty() {
        return oldest == null;
    }

    /** The time the objects span, at least {@link #MINIMUM_WINDOW}. */
    public double windowHours() {
        Duration span = isEmpty() ? Duration.ZERO : Duration.between(oldest, newest);
        if (span.compareTo(MINIMUM_WINDOW) < 0) {
            span = MINIMUM_WINDOW;
        }
        return span.toMillis() / 3_600_000.0;
    }

    public boolean shortHistory() {
        return isEmpty() || Duration.between(oldest, newest).compareTo(Duration.ofDays(1)) < 0;
    }

    public double changeFilesPerHour() {
        return changeFiles / windowHours();
    }

    public double changeBytesPerHour() {
        return changeBytes / windowHours();
    }

    public long averageSnapshotBytes() {
        return snapshots == 0 ? 0 : snapshotBytes / snapshots;
    }
}
