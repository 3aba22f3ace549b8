package dev.vixens.ls.importer;

import dev.vixens.ls.importer.Finding.Kind;
import dev.vixens.ls.kustomize.YamlDoc;
import dev.vixens.ls.profile.GoDuration;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.YamlNodes;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A hand-written Litestream 0.3 configuration ({@code litestream.yml}) as import reads it: the databases
 * and their first S3 replica. Every other key is reported as not carried over instead of being dropped.
 */
public record OldLitestreamConfig(YamlDoc doc, Optional<Integer> metricsPort, List<OldDatabase> databases,
        List<Finding> findings) {

    private static final Set<String> TOP_USED = Set.of("addr", "dbs");
    private static final Set<String> DB_USED = Set.of("path", "replicas", "replica");
    private static final Set<String> REPLICA_USED = Set.of("url", "bucket", "path", "endpoint", "sync-interval",
            "snapshot-interval", "retention", "type");
    private static final Set<String> CREDENTIAL_KEYS = Set.of("access-key-id", "secret-access-key");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?");
    private static final Pattern URL = Pattern.compile("s3://([^/]+)/(.+)");

    /** One database of the old config. */
    public record OldDatabase(String path, Location at, Optional<OldReplica> replica) {
    }

    /**
     * Its first S3 replica.
     *
     * @param bucket as written: a variable reference ({@code $BUCKET}) or a literal name
     * @param replicaPath the key prefix inside the bucket
     */
    public record OldReplica(Location at, String bucket, String replicaPath, Optional<String> endpoint,
            Optional<GoDuration> syncInterval, Optional<GoDuration> snapshotInterval, Optional<GoDuration> retention,
            Location intervalsAt) {

        /** The variable the bucket comes from, when it is written as one. */
        public Optional<String> bucketVariable() {
            return variable(bucket);
        }

        public Optional<String> endpointVariable() {
            return endpoint.flatMap(OldLitestreamConfig::variable);
        }
    }

    static Optional<String> variable(String text) {
        Matcher m = VARIABLE.matcher(text.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static OldLitestreamConfig read(YamlDoc doc) {
        List<Finding> findings = new ArrayList<>();
        Node root = doc.root();
        for (NodeTuple entry : YamlNodes.entries(root)) {
            String key = YamlNodes.text(entry.getKeyNode()).orElse("");
            if (!TOP_USED.contains(key)) {
                findings.add(notCarried(doc, entry, "litestream.yml: " + key, CREDENTIAL_KEYS.contains(key)));
            }
        }
        Optional<Integer> port = YamlNodes.text(root, "addr").flatMap(OldLitestreamConfig::port);
        List<OldDatabase> databases = new ArrayList<>();
        for (Node db : YamlNodes.items(YamlNodes.child(root, "dbs"))) {
            databases.add(database(doc, db, findings));
        }
        return new OldLitestreamConfig(doc, port, databases, findings);
    }

    private static OldDatabase database(YamlDoc doc, Node db, List<Finding> findings) {
        String path = YamlNodes.text(db, "path").orElse("");
        for (NodeTuple entry : YamlNodes.entries(db)) {
            String key = YamlNodes.text(entry.getKeyNode()).orElse("");
            if (!DB_USED.contains(key)) {
                findings.add(notCarried(doc, entry, path + ": " + key, false));
            }
        }
        List<Node> replicas = new ArrayList<>(YamlNodes.items(YamlNodes.child(db, "replicas")));
        YamlNodes.child(db, "replica").ifPresent(replicas::add);
        Optional<OldReplica> first = Optional.empty();
        for (Node node : replicas) {
            if (first.isPresent()) {
                findings.add(new Finding(Kind.NOT_CARRIED, doc.at(node), path + ": a further replica ("
                        + YamlNodes.text(node, "url").orElse(YamlNodes.text(node, "type").orElse("?"))
                        + "); the generated config has one replica per database"));
                continue;
            }
            first = replica(doc, path, node, findings);
        }
        if (replicas.isEmpty()) {
            findings.add(new Finding(Kind.REVIEW, doc.at(db), path + ": has no replica in the old config"));
        }
        return new OldDatabase(path, doc.at(db), first);
    }

    private static Optional<OldReplica> replica(YamlDoc doc, String db, Node node, List<Finding> findings) {
        Optional<String> type = YamlNodes.text(node, "type");
        if (type.isPresent() && !type.get().equals("s3")) {
            findings.add(new Finding(Kind.NOT_CARRIED, doc.at(node), db + ": a replica of type '" + type.get()
                    + "'; the generated config replicates to S3 only"));
            return Optional.empty();
        }
        for (NodeTuple entry : YamlNodes.entries(node)) {
            String key = YamlNodes.text(entry.getKeyNode()).orElse("");
            if (!REPLICA_USED.contains(key)) {
                findings.add(notCarried(doc, entry, db + ": replica " + key, CREDENTIAL_KEYS.contains(key)));
            }
        }
        String bucket;
        String replicaPath;
        Optional<String> url = YamlNodes.text(node, "url");
        if (url.isPresent()) {
            Matcher m = URL.matcher(url.get().strip());
            if (!m.matches()) {
                findings.add(new Finding(Kind.NOT_CARRIED, doc.at(YamlNodes.child(node, "url").orElseThrow()), db
                        + ": replica url '" + url.get() + "' is not an s3://BUCKET/PATH URL"));
                return Optional.empty();
            }
            bucket = m.group(1);
            replicaPath = URLDecoder.decode(m.group(2).replace("+", "%2B"), StandardCharsets.UTF_8);
        } else {
            bucket = YamlNodes.text(node, "bucket").orElse("");
            replicaPath = YamlNodes.text(node, "path").orElse("");
            if (bucket.isEmpty() || replicaPath.isEmpty()) {
                findings.add(new Finding(Kind.NOT_CARRIED, doc.at(node), db + ": replica without url (or bucket"
                        + " and path)"));
                return Optional.empty();
            }
        }
        while (replicaPath.endsWith("/")) {
            replicaPath = replicaPath.substring(0, replicaPath.length() - 1);
        }
        Location intervals = YamlNodes.child(node, "snapshot-interval").or(() -> YamlNodes.child(node, "retention"))
                .map(doc::at).orElse(doc.at(node));
        return Optional.of(new OldReplica(doc.at(node), bucket, replicaPath, YamlNodes.text(node, "endpoint"),
                duration(doc, node, "sync-interval", db, findings),
                duration(doc, node, "snapshot-interval", db, findings),
                duration(doc, node, "retention", db, findings), intervals));
    }

    private static Optional<GoDuration> duration(YamlDoc doc, Node replica, String key, String db,
            List<Finding> findings) {
        Optional<Node> node = YamlNodes.child(replica, key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        String text = YamlNodes.text(node.get()).orElse("");
        try {
            return Optional.of(GoDuration.parse(text));
        } catch (IllegalArgumentException e) {
            findings.add(new Finding(Kind.NOT_CARRIED, doc.at(node.get()), db + ": " + key + " '" + text
                    + "' is not a duration vixens-ls reads"));
            return Optional.empty();
        }
    }

    private static Optional<Integer> port(String addr) {
        int colon = addr.lastIndexOf(':');
        try {
            return Optional.of(Integer.parseInt(addr.substring(colon + 1).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Finding notCarried(YamlDoc doc, NodeTuple entry, String what, boolean credential) {
        String value = entry.getValueNode() instanceof ScalarNode scalar ? scalar.getValue() : "...";
        if (credential) {
            return new Finding(Kind.NOT_CARRIED, doc.at(entry.getKeyNode()), what + ": a credential written into"
                    + " the config; the generated config takes credentials only from the Secret (move it there and"
                    + " rotate it)");
        }
        return new Finding(Kind.NOT_CARRIED, doc.at(entry.getKeyNode()), what + ": " + value);
    }
}
