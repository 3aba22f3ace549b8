package dev.vixens.ls.lint;

import dev.vixens.ls.kustomize.Kustomization;
import dev.vixens.ls.kustomize.KustomizationEntry;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.Yaml;
import dev.vixens.ls.source.YamlNodes;
import dev.vixens.ls.source.YamlScalars;
import dev.vixens.ls.source.YamlSyntax;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads one YAML file, of any of the shapes Litestream configs live in: a plain {@code litestream.yml}, a
 * multi-document manifest whose ConfigMaps (or Secrets' {@code stringData}) hold configs as data entries,
 * or a kustomization. Also collects the Litestream image tags (to tell the version) and inline credentials
 * in container env. Nodes are composed, not constructed, so every finding keeps its line and column.
 */
final class ManifestReader {

    static final Pattern LITESTREAM_IMAGE = Pattern.compile(
            "(?:.+/)?litestream/litestream(?::([A-Za-z0-9_][A-Za-z0-9_.-]*))?(?:@sha256:[0-9a-f]+)?");
    /** Variables Litestream reads credentials from (its own and the AWS ones). */
    static final Set<String> CREDENTIAL_VARIABLES = Set.of("LITESTREAM_ACCESS_KEY_ID",
            "LITESTREAM_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");

    private final SourceFile source;
    private final ReadFile result;
    private final boolean explicit;

    private ManifestReader(SourceFile source, Path path, boolean explicit) {
        this.source = source;
        this.result = new ReadFile(path);
        this.explicit = explicit;
    }

    /**
     * @param explicit named on the command line: a file that is not YAML is an error there, and only a
     *     warning when found by walking a directory
     */
    static ReadFile read(SourceFile source, Path path, boolean explicit) {
        return new ManifestReader(source, path, explicit).read();
    }

    private ReadFile read() {
        List<Node> documents = new ArrayList<>();
        try {
            for (Node document : compose(source.text(), source.displayName())) {
                documents.add(document);
            }
        } catch (YamlEngineException e) {
            result.findings.add(invalid(Positions.direct(source), e, ""));
            return result;
        }
        String fileName = result.path.getFileName().toString();
        boolean kustomization = Kustomization.isKustomizationFile(result.path);
        for (int i = 0; i < documents.size(); i++) {
            Node document = documents.get(i);
            Optional<String> kind = YamlNodes.text(document, "kind");
            boolean object = kind.isPresent() && YamlNodes.text(document, "apiVersion").isPresent();
            if (kustomization || object && (kind.get().equals("Kustomization") || kind.get().equals("Component"))) {
                kustomization(document);
            } else if (object) {
                object(document, kind.get(), i);
            } else if (looksLikeConfig(document)
                    || document instanceof MappingNode && fileName.startsWith("litestream")) {
                duplicateKeys(document, Positions.direct(source));
                result.configs.add(new FoundConfig(result.path, document, Positions.direct(source), ""));
            }
        }
        return result;
    }

    /** Every document of a manifest, within the limits of {@link Yaml.Limits#MANIFEST}. */
    static List<Node> compose(String text, String label) {
        return Yaml.composeAll(text, label, Yaml.Limits.MANIFEST);
    }

    /** A mapping with a {@code dbs} key is what Litestream reads; anything else is somebody else's YAML. */
    static boolean looksLikeConfig(Node node) {
        return node instanceof MappingNode && YamlNodes.entry(node, "dbs").isPresent();
    }

    private void object(Node document, String kind, int index) {
        String dataKey = kind.equals("ConfigMap") ? "data" : kind.equals("Secret") ? "stringData" : null;
        if (dataKey != null) {
            String group = result.path + "#" + index;
            for (NodeTuple entry : YamlNodes.entries(YamlNodes.child(document, dataKey).orElse(null))) {
                embedded(entry, group);
            }
        }
        scan(document);
    }

    /**
     * A data entry named {@code litestream.yml} is a config whatever it holds; another {@code *.yml} entry
     * is one when it parses to a mapping with {@code dbs}.
     */
    private void embedded(NodeTuple entry, String group) {
        String key = YamlNodes.key(entry);
        if (key == null || !(entry.getValueNode() instanceof ScalarNode value)
                || !(key.endsWith(".yml") || key.endsWith(".yaml"))) {
            return;
        }
        boolean named = key.equals("litestream.yml") || key.equals("litestream.yaml");
        Positions positions = Positions.embedded(source, entry.getKeyNode(), value);
        List<Node> documents = new ArrayList<>();
        try {
            for (Node document : compose(value.getValue(), source.displayName())) {
                documents.add(document);
            }
        } catch (YamlEngineException e) {
            if (named) {
                result.findings.add(invalid(positions, e, " (in data." + key + ")"));
            }
            return;
        }
        for (Node document : documents) {
            if (named ? document instanceof MappingNode : looksLikeConfig(document)) {
                duplicateKeys(document, positions);
                result.configs.add(new FoundConfig(result.path, document, positions, group));
            }
        }
    }

    /** Litestream images and inline credentials anywhere in an object (pods, templates, CRs). */
    private void scan(Node node) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = YamlNodes.key(tuple);
                Node value = tuple.getValueNode();
                if ("image".equals(key) && value instanceof ScalarNode scalar) {
                    Matcher image = LITESTREAM_IMAGE.matcher(scalar.getValue());
                    if (image.matches()) {
                        result.images.add(new ImageRef(result.path, image.group(1) == null ? "" : image.group(1),
                                Positions.direct(source).of(scalar), false));
                    }
                } else if ("env".equals(key)) {
                    env(value);
                }
                scan(value);
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(this::scan);
        }
    }

    private void env(Node list) {
        for (MappingNode variable : YamlNodes.mappings(list)) {
            Optional<String> name = YamlNodes.text(variable, "name");
            Optional<Node> value = YamlNodes.child(variable, "value");
            if (name.isPresent() && CREDENTIAL_VARIABLES.contains(name.get()) && value.isPresent()
                    && value.get() instanceof ScalarNode scalar && !scalar.getValue().isBlank()
                    && !scalar.getValue().matches("\\$\\([A-Za-z_][A-Za-z0-9_]*\\)")) {
                result.inlineEnv.add(new ReadFile.InlineEnv(name.get(), Positions.direct(source).of(scalar)));
            }
        }
    }

    private void kustomization(Node document) {
        Path dir = result.path.getParent();
        for (KustomizationEntry entry : KustomizationEntry.of(document)) {
            reference(entry.value(), entry.node());
            if (entry.generator().isPresent() && isLocal(entry.value())) {
                result.generatedInto.put(dir.resolve(entry.value()).normalize(), result.path + "#"
                        + entry.generator().get());
            }
        }
        for (MappingNode image : YamlNodes.mappings(YamlNodes.child(document, "images").orElse(null))) {
            Optional<String> name = YamlNodes.text(image, "name");
            Optional<Node> tag = YamlNodes.child(image, "newTag");
            // newTag: ~ (or null, or nothing) sets no tag: the image keeps the tag of the manifests it builds
            if (name.isPresent() && LITESTREAM_IMAGE.matcher(name.get()).matches() && tag.isPresent()
                    && tag.get() instanceof ScalarNode scalar
                    && !(scalar.getScalarStyle() == ScalarStyle.PLAIN && YamlScalars.isNull(scalar.getValue()))) {
                result.images.add(new ImageRef(result.path, scalar.getValue(),
                        Positions.direct(source).of(scalar), true));
            }
        }
        scan(document);
    }

    private void reference(String target, Node at) {
        if (isLocal(target)) {
            result.references.add(new ReadFile.Reference(result.path.getParent().resolve(target).normalize(),
                    Positions.direct(source).of(at)));
        }
    }

    /** Remote bases (git, http) are not read: lint runs nothing and fetches nothing. */
    private static boolean isLocal(String target) {
        return !target.isBlank() && !Kustomization.isRemote(target);
    }

    /** Go's YAML decoder refuses a mapping that repeats a key; so does lint. */
    private void duplicateKeys(Node node, Positions positions) {
        if (node instanceof MappingNode mapping) {
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = YamlNodes.key(tuple);
                if (key != null && !key.equals("<<") && !seen.add(key)) {
                    result.findings.add(Finding.of(Rule.INVALID_YAML, positions.of(tuple.getKeyNode()),
                            "duplicate key '" + key + "': Litestream refuses a mapping that repeats a key"));
                }
                duplicateKeys(tuple.getValueNode(), positions);
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> duplicateKeys(item, positions));
        }
    }

    private Finding invalid(Positions positions, YamlEngineException e, String where) {
        Location location = positions.start();
        String problem = e.getMessage();
        if (e instanceof MarkedYamlEngineException marked) {
            location = marked.getProblemMark().or(marked::getContextMark).map(positions::of)
                    .orElse(positions.start());
            problem = marked.getProblem();
        }
        String message = e instanceof Yaml.TooDeep ? firstLine(problem) + where + "; lint reads no deeper"
                : "not valid YAML" + where + ": " + firstLine(problem);
        Finding finding = Finding.of(Rule.INVALID_YAML, location, message);
        return explicit ? finding : new Finding(location, Severity.WARNING, Rule.INVALID_YAML,
                message + "; skipped");
    }

    private static String firstLine(String text) {
        return YamlSyntax.firstLine(text);
    }
}
