package dev.vixens.ls.lint;

import dev.vixens.ls.litestream.SnapshotPlacement;
import dev.vixens.ls.source.YamlNodes;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * The snapshot settings a restore depends on, where the release reads them ({@link SnapshotPlacement}):
 * {@code no-snapshot-interval} (0.3 without one snapshots only when it enforces retention),
 * {@code retention-shorter-than-snapshot} (snapshots pruned before the next one exists),
 * {@code snapshot-disagreement} (from 0.5.12 Litestream refuses to start a process whose databases carry
 * different snapshot settings) and, as an {@code ignored-key}, per-database blocks beside a top-level one,
 * which wins over them without a word.
 */
final class SnapshotRule implements ConfigRule {

    /** Litestream's default for 0.3's replica retention and for both values of 0.5's snapshot block. */
    static final String DEFAULT = "24h";

    /** One effective value and the node it was read from (absent when it is the default). */
    private record Value(String text, long millis, Optional<Node> node) {
        String shown() {
            return node.isPresent() ? text : text + " (the default)";
        }
    }

    @Override
    public void check(LintedConfig config, List<Finding> out) {
        if (config.release().snapshotPlacement() == SnapshotPlacement.REPLICA) {
            checkReplicas(config, out);
        } else {
            checkProcess(config, out);
        }
    }

    private static void checkReplicas(LintedConfig config, List<Finding> out) {
        for (LintedConfig.Database db : config.databases()) {
            for (MappingNode replica : db.replicas()) {
                Optional<Value> interval = value(replica, "snapshot-interval", null);
                if (YamlNodes.entry(replica, "snapshot-interval").isEmpty()) {
                    out.add(Finding.of(Rule.NO_SNAPSHOT_INTERVAL, config.at(replica), "replica without"
                            + " snapshot-interval: Litestream " + config.version().text() + " then snapshots only"
                            + " when it enforces retention, and a restore replays every WAL segment since the"
                            + " last one; set snapshot-interval (ADR-014's profiles use 1h, 6h or 24h)"));
                }
                Optional<Value> retention = value(replica, "retention", DEFAULT);
                shorter(config, replica, "snapshot-interval", interval, "retention", retention, out);
            }
        }
    }

    private static void checkProcess(LintedConfig config, List<Finding> out) {
        Optional<MappingNode> top = LintedConfig.mapping(config.root(), "snapshot");
        if (top.isPresent() && config.release().snapshotPlacement() == SnapshotPlacement.DATABASE) {
            for (LintedConfig.Database db : config.databases()) {
                db.snapshot().ifPresent(block -> out.add(Finding.of(Rule.IGNORED_KEY,
                        config.at(YamlNodes.entry(db.node(), "snapshot").orElseThrow().getKeyNode()), "snapshot under a"
                        + " database is ignored by Litestream " + config.version().text() + " while the top level"
                        + " has a snapshot block, which wins without a word; keep one of the two")));
            }
            // the databases' blocks are not read, so they cannot disagree
            shorterAtTop(config, top.get(), out);
            return;
        }
        Optional<Value> topInterval = value(top.orElse(null), "interval", DEFAULT);
        Optional<Value> topRetention = value(top.orElse(null), "retention", DEFAULT);
        top.ifPresent(t -> shorterAtTop(config, t, out));
        LintedConfig.Database first = null;
        Value firstInterval = null;
        Value firstRetention = null;
        for (LintedConfig.Database db : config.databases()) {
            if (db.snapshot().isEmpty()) {
                continue;
            }
            MappingNode block = db.snapshot().get();
            Optional<Value> interval = value(block, "interval", null).or(() -> topInterval);
            Optional<Value> retention = value(block, "retention", null).or(() -> topRetention);
            shorter(config, block, "snapshot.interval", interval, "snapshot.retention", retention, out);
            if (interval.isEmpty() || retention.isEmpty()) {
                continue;
            }
            if (first == null) {
                first = db;
                firstInterval = interval.get();
                firstRetention = retention.get();
            } else if (interval.get().millis() != firstInterval.millis()
                    || retention.get().millis() != firstRetention.millis()) {
                out.add(Finding.of(Rule.SNAPSHOT_DISAGREEMENT, config.at(block), "snapshot of "
                        + db.pathText().orElse("this database") + " (interval " + interval.get().text()
                        + ", retention " + retention.get().text() + ") differs from that of "
                        + first.pathText().orElse("the first database") + " at "
                        + config.at(first.snapshot().get()) + " (interval " + firstInterval.text() + ", retention "
                        + firstRetention.text() + "); Litestream " + config.version().text() + " refuses to start"
                        + " a process whose databases disagree: run one process (config) per snapshot setting"));
            }
        }
    }

    private static void shorterAtTop(LintedConfig config, MappingNode top, List<Finding> out) {
        shorter(config, top, "snapshot.interval", value(top, "interval", DEFAULT), "snapshot.retention",
                value(top, "retention", DEFAULT), out);
    }

    /** Reports retention shorter than the interval, at the retention when it is written, else the interval. */
    private static void shorter(LintedConfig config, MappingNode at, String intervalKey, Optional<Value> interval,
            String retentionKey, Optional<Value> retention, List<Finding> out) {
        if (interval.isEmpty() || retention.isEmpty() || retention.get().millis() >= interval.get().millis()) {
            return;
        }
        Node node = retention.get().node().or(() -> interval.get().node()).orElse(at);
        out.add(Finding.of(Rule.RETENTION_SHORTER_THAN_SNAPSHOT, config.at(node), retentionKey + " "
                + retention.get().shown() + " is shorter than " + intervalKey + " " + interval.get().shown()
                + ": snapshots are pruned before the next one is taken, and a restore can find none"));
    }

    /** The value of {@code key} in {@code mapping}, else {@code fallback}; empty when neither is comparable. */
    private static Optional<Value> value(MappingNode mapping, String key, String fallback) {
        Optional<NodeTuple> entry = mapping == null ? Optional.empty() : YamlNodes.entry(mapping, key);
        if (entry.isPresent()) {
            Node node = entry.get().getValueNode();
            Optional<String> text = YamlNodes.text(node);
            OptionalLong millis = text.map(Durations::millis).orElse(OptionalLong.empty());
            return millis.isPresent() ? Optional.of(new Value(text.get(), millis.getAsLong(), Optional.of(node)))
                    : Optional.empty();
        }
        return fallback == null ? Optional.empty()
                : Optional.of(new Value(fallback, Durations.millis(fallback).getAsLong(), Optional.empty()));
    }
}
