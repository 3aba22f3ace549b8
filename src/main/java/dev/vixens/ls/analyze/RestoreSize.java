package dev.vixens.ls.analyze;

import dev.vixens.ls.litestream.ReplicaLayout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a restore of one replica downloads today, chosen from the listing the way Litestream plans a restore,
 * because the start-up budget (how long a pod waits for its restore) is set from the size of a database and
 * users rarely know it: the newest snapshot, and the WAL segments (0.3) or LTX files (0.5) a restore replays
 * on top of it. Both are compressed (LZ4), so the database file the restore writes is larger than what it
 * downloads: these numbers are lower bounds of the file size.
 *
 * <ul>
 *   <li>0.3 ({@code restore} of 0.3.13): the generation whose newest object is the newest (the first in name
 *       order on a tie), its snapshot of the highest index, and every WAL segment of that index or later.</li>
 *   <li>0.5 (its restore plan): the level-9 snapshot of the highest TXID, then from level 8 down to 0 each file,
 *       in TXID order, that ends after what the plan holds so far.</li>
 * </ul>
 * From 0.5.7 a replica path may hold both layouts and a restore reads the 0.3 generations while they are
 * newer: the layout holding the newest object is the one counted. Objects whose names
 * Litestream would not parse are not counted (its restore skips them too).
 *
 * @param snapshotBytes the compressed snapshot a restore starts from (0 when there is none)
 * @param changeFiles the WAL segments or LTX files replayed on top of it
 * @param downloadBytes snapshot plus replayed files: what the restore downloads
 * @param suggestedExpectedSize the download rounded up to a power of two, as a Kubernetes quantity: a value
 *     for the descriptor's {@code expectedSize} that is at least the lower bound; null when nothing restores
 */
public record RestoreSize(long snapshotBytes, int changeFiles, long changeBytes, long downloadBytes,
        String suggestedExpectedSize) {

    public static final RestoreSize NONE = new RestoreSize(0, 0, 0, 0, null);

    private static final long MIB = 1L << 20;

    /** The objects of one replica, as parsed. */
    public record Listed(ReplicaKey key, BucketObject object) {
    }

    public static RestoreSize of(List<Listed> replica) {
        Optional<Chain> chain = Optional.empty();
        for (ReplicaLayout layout : ReplicaLayout.values()) {
            List<Listed> objects = replica.stream().filter(o -> o.key().layout() == layout).toList();
            Optional<Chain> candidate = layout == ReplicaLayout.GENERATIONS ? generations(objects) : ltx(objects);
            if (candidate.isPresent() && (chain.isEmpty()
                    || candidate.get().newest().isAfter(chain.get().newest()))) {
                chain = candidate;
            }
        }
        return chain.map(Chain::size).orElse(NONE);
    }

    static RestoreSize of(long snapshotBytes, int changeFiles, long changeBytes) {
        long download = snapshotBytes + changeBytes;
        return new RestoreSize(snapshotBytes, changeFiles, changeBytes, download, download == 0 ? null
                : quantity(download));
    }

    /** The smallest power of two of at least {@code bytes}, at least 1Mi, as {@code 64Mi} or {@code 2Gi}. */
    static String quantity(long bytes) {
        long rounded = Math.max(MIB, Long.highestOneBit(bytes) == bytes ? bytes : Long.highestOneBit(bytes) << 1);
        String[] units = {"Mi", "Gi", "Ti", "Pi"};
        long value = rounded / MIB;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return value + units[unit];
    }

    /**
     * The files a restore downloads.
     *
     * @param newest the newest object of the generation or layout they come from: how Litestream chooses
     */
    private record Chain(Optional<Listed> snapshot, List<Listed> changes, Instant newest) {

        RestoreSize size() {
            return RestoreSize.of(snapshot.map(s -> s.object().size()).orElse(0L), changes.size(),
                    changes.stream().mapToLong(c -> c.object().size()).sum());
        }
    }

    private static Instant newest(List<Listed> objects) {
        return objects.stream().map(l -> l.object().lastModified()).max(Comparator.naturalOrder())
                .orElse(Instant.MIN);
    }

    /** 0.3: {@code generations/<id>/snapshots/<index>.snapshot.lz4}, {@code generations/<id>/wal/<index>_<offset>.wal.lz4}. */
    private static Optional<Chain> generations(List<Listed> objects) {
        Map<String, List<Listed>> byGeneration = new TreeMap<>();
        for (Listed l : objects) {
            if (l.key().kind() != ReplicaKey.Kind.OTHER && index(l).isPresent()) {
                byGeneration.computeIfAbsent(l.key().group(), g -> new ArrayList<>()).add(l);
            }
        }
        Optional<Chain> chosen = Optional.empty();
        for (List<Listed> generation : byGeneration.values()) {
            Optional<Listed> snapshot = generation.stream().filter(l -> l.key().kind() == ReplicaKey.Kind.SNAPSHOT)
                    .max(Comparator.comparingLong(l -> index(l).orElseThrow()));
            long from = snapshot.flatMap(RestoreSize::index).orElse(0L);
            List<Listed> wal = generation.stream().filter(l -> l.key().kind() == ReplicaKey.Kind.WAL)
                    .filter(l -> index(l).orElseThrow() >= from).toList();
            Chain chain = new Chain(snapshot, wal, newest(generation));
            if (chosen.isEmpty() || chain.newest().isAfter(chosen.get().newest())) {
                chosen = Optional.of(chain);
            }
        }
        return chosen;
    }

    /** 0.5: {@code ltx/<level>/<min TXID>-<max TXID>.ltx}, level 9 holding the snapshots. */
    private static Optional<Chain> ltx(List<Listed> objects) {
        TreeMap<Integer, List<Listed>> byLevel = new TreeMap<>(Comparator.reverseOrder());
        for (Listed l : objects) {
            if (l.key().kind() != ReplicaKey.Kind.OTHER && txids(l).isPresent() && level(l).isPresent()) {
                byLevel.computeIfAbsent(level(l).get(), v -> new ArrayList<>()).add(l);
            }
        }
        if (byLevel.isEmpty()) {
            return Optional.empty();
        }
        Comparator<Listed> byTxid = Comparator.comparingLong(l -> txids(l).orElseThrow()[0]);
        Optional<Listed> snapshot = byLevel.getOrDefault(Integer.valueOf(ReplicaKey.SNAPSHOT_LEVEL), List.of())
                .stream().max(Comparator.comparingLong(l -> txids(l).orElseThrow()[1]));
        long covered = snapshot.map(s -> txids(s).orElseThrow()[1]).orElse(0L);
        List<Listed> changes = new ArrayList<>();
        for (Map.Entry<Integer, List<Listed>> level : byLevel.entrySet()) {
            if (level.getKey() >= Integer.parseInt(ReplicaKey.SNAPSHOT_LEVEL)) {
                continue;
            }
            for (Listed l : level.getValue().stream().sorted(byTxid).toList()) {
                long max = txids(l).orElseThrow()[1];
                if (max > covered) {
                    changes.add(l);
                    covered = max;
                }
            }
        }
        return Optional.of(new Chain(snapshot, changes, newest(objects)));
    }

    private static String name(Listed l) {
        String key = l.object().key();
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /** The WAL index of a 0.3 snapshot or segment: the hex number before the first {@code .} or {@code _}. */
    private static Optional<Long> index(Listed l) {
        String name = name(l);
        int end = name.indexOf(l.key().kind() == ReplicaKey.Kind.WAL ? '_' : '.');
        return hex(end < 0 ? "" : name.substring(0, end));
    }

    /** The TXID range of an LTX file, {@code <min>-<max>.ltx} in hex. */
    private static Optional<long[]> txids(Listed l) {
        String name = name(l);
        int dash = name.indexOf('-');
        if (dash < 0 || !name.endsWith(".ltx")) {
            return Optional.empty();
        }
        Optional<Long> min = hex(name.substring(0, dash));
        Optional<Long> max = hex(name.substring(dash + 1, name.length() - ".ltx".length()));
        return min.isPresent() && max.isPresent() ? Optional.of(new long[] {min.get(), max.get()}) : Optional.empty();
    }

    private static Optional<Integer> level(Listed l) {
        String group = l.key().group();
        return group.matches("[0-9]") ? Optional.of(Integer.parseInt(group)) : Optional.empty();
    }

    private static Optional<Long> hex(String text) {
        if (text.isEmpty() || text.length() > 16 || !text.chars().allMatch(HexFormat::isHexDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseUnsignedLong(text, 16));
    }
}
