package dev.vixens.ls.lint;

import dev.vixens.ls.litestream.Level;
import dev.vixens.ls.source.YamlNodes;
import java.util.Locale;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/** Where a replica writes, as one comparable string, and whether it is S3. */
final class Replicas {

    private Replicas() {
    }

    /**
     * {@code s3://bucket/path} or {@code file:///path}, with surrounding slashes trimmed; empty when the path
     * comes from the environment (a template such as {@code ${LITESTREAM_REPLICA_PATH}}: its value is not in
     * the file) or when the replica names no place.
     */
    static Optional<String> target(MappingNode replica) {
        Optional<String> url = YamlNodes.text(replica, "url").filter(u -> !u.isBlank());
        if (url.isPresent() && url.get().contains("://")) {
            String text = url.get();
            int scheme = text.indexOf("://");
            String rest = text.substring(scheme + 3);
            int query = rest.indexOf('?');
            if (query >= 0) {
                rest = rest.substring(0, query);
            }
            int slash = rest.indexOf('/');
            String host = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "" : trim(rest.substring(slash + 1));
            if (EnvValues.usesEnv(path)) {
                return Optional.empty();
            }
            return Optional.of(text.substring(0, scheme).toLowerCase(Locale.ROOT) + "://" + host + "/" + path);
        }
        Optional<String> path = YamlNodes.text(replica, "path").map(Replicas::trim);
        if (path.isEmpty() || EnvValues.usesEnv(path.get())) {
            return Optional.empty();
        }
        Optional<String> bucket = YamlNodes.text(replica, "bucket");
        if (bucket.isPresent()) {
            return Optional.of(YamlNodes.text(replica, "type").orElse("s3") + "://" + bucket.get() + "/" + path.get());
        }
        return Optional.of("file:///" + path.get());
    }

    static boolean isS3(MappingNode replica) {
        Optional<String> url = YamlNodes.text(replica, "url");
        if (url.isPresent() && url.get().contains("://")) {
            return url.get().toLowerCase(Locale.ROOT).startsWith("s3://");
        }
        return YamlNodes.text(replica, "type").map(t -> t.equals("s3"))
                .orElse(YamlNodes.text(replica, "bucket").isPresent());
    }

    /** The endpoint the replica uses: its own, one in its URL's query, or the top-level default (0.5.3+). */
    static Optional<String> endpoint(LintedConfig config, MappingNode replica) {
        Optional<String> own = YamlNodes.text(replica, "endpoint").filter(e -> !e.isBlank());
        if (own.isPresent()) {
            return own;
        }
        Optional<String> url = YamlNodes.text(replica, "url");
        if (url.isPresent() && url.get().matches(".*[?&]endpoint=.+")) {
            return Optional.of(url.get().replaceFirst(".*[?&]endpoint=([^&]+).*", "$1"));
        }
        if (config.reads(Level.TOP, "endpoint")) {
            return YamlNodes.text(config.root(), "endpoint").filter(e -> !e.isBlank());
        }
        return Optional.empty();
    }

    private static String trim(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
