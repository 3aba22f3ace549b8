package dev.vixens.ls.lint;

import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.YamlNodes;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * {@code missing-endpoint}: an {@code s3://} replica without {@code endpoint} goes to AWS S3. When the other
 * linted configs use an S3-compatible endpoint (MinIO), that replica is almost certainly a copy-paste
 * slip: its backups fail, or land in a bucket nobody watches.
 */
final class EndpointRule implements CorpusRule {

    private record Example(String endpoint, Location location) {
    }

    @Override
    public void check(List<LintedConfig> configs, List<Finding> out) {
        Optional<Example> example = Optional.empty();
        for (LintedConfig config : configs) {
            for (LintedConfig.Database db : config.databases()) {
                for (MappingNode replica : db.replicas()) {
                    Optional<String> endpoint = Replicas.endpoint(config, replica);
                    if (example.isEmpty() && Replicas.isS3(replica) && endpoint.isPresent()) {
                        Node node = YamlNodes.child(replica, "endpoint").orElse(replica);
                        example = Optional.of(new Example(endpoint.get(), config.at(node)));
                    }
                }
            }
        }
        if (example.isEmpty()) {
            return;
        }
        for (LintedConfig config : configs) {
            for (LintedConfig.Database db : config.databases()) {
                for (MappingNode replica : db.replicas()) {
                    if (Replicas.isS3(replica) && Replicas.endpoint(config, replica).isEmpty()) {
                        Node node = YamlNodes.child(replica, "url").orElse(replica);
                        out.add(Finding.of(Rule.MISSING_ENDPOINT, config.at(node), "s3 replica without endpoint:"
                                + " Litestream sends it to AWS S3, while the other linted configs use the"
                                + " S3-compatible endpoint " + example.get().endpoint() + " ("
                                + example.get().location()
                                + "); add endpoint: " + example.get().endpoint()));
                    }
                }
            }
        }
    }
}
