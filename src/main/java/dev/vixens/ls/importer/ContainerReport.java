package dev.vixens.ls.importer;

import dev.vixens.ls.importer.Finding.Kind;
import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.source.YamlNodes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * The import report's lines about the hand-written containers: which are replaced and which are kept, the
 * defects of those replaced (so the user learns what the old setup got wrong), and the sidecar settings that
 * are not carried over.
 */
final class ContainerReport {

    private static final Set<String> SIDECAR_KEYS_READ = Set.of("name", "image", "args", "command", "env",
            "envFrom", "volumeMounts", "resources", "securityContext", "ports", "imagePullPolicy");

    private ContainerReport() {
    }

    static void report(Map<ContainerView, ContainerRole> roles, HandWrittenSetup setup, List<Finding> findings) {
        for (Map.Entry<ContainerView, ContainerRole> entry : roles.entrySet()) {
            ContainerView c = entry.getKey();
            ContainerRole role = entry.getValue();
            switch (role) {
                case UNRELATED -> findings.add(new Finding(Kind.KEPT, c.at(), "init container " + c.name()
                        + ": not Litestream's; it now runs after the generated init containers"));
                case UNRECOGNISED -> findings.add(new Finding(Kind.KEPT, c.at(), "init container " + c.name()
                        + " touches the databases or the Litestream config in a way import does not recognise;"
                        + " kept, and it now runs after the generated start-up sequence: review it"));
                default -> {
                    findings.add(new Finding(Kind.REPLACED, c.at(), "init container " + c.name() + " ("
                            + role.text() + ")"));
                    defects(c, role, setup.mountPath(), findings);
                }
            }
        }
        ContainerView sidecar = setup.sidecar();
        for (ContainerView c : setup.pod().containers()) {
            if (c != sidecar && c != setup.appContainer()) {
                findings.add(new Finding(Kind.KEPT, c.at(), "container " + c.name() + ": not Litestream's"));
            }
        }
        ConfigSource config = setup.config();
        findings.add(new Finding(Kind.REPLACED, sidecar.at(), "container " + sidecar.name()
                + " (the Litestream sidecar)"));
        findings.add(new Finding(Kind.REPLACED, config.doc().at(config.doc().root()), "ConfigMap "
                + config.configMap() + " (litestream.yml), by the generated config"));
        for (NodeTuple entry : YamlNodes.entries(sidecar.node())) {
            String key = YamlNodes.text(entry.getKeyNode()).orElse("");
            if (!SIDECAR_KEYS_READ.contains(key)) {
                findings.add(new Finding(Kind.NOT_CARRIED, sidecar.doc().at(entry.getKeyNode()), "container "
                        + sidecar.name() + ": " + key));
            }
        }
        YamlNodes.child(sidecar.node(), "securityContext").ifPresent(ctx -> {
            for (NodeTuple entry : YamlNodes.entries(ctx)) {
                String key = YamlNodes.text(entry.getKeyNode()).orElse("");
                if (!key.equals("runAsUser") && !key.equals("runAsGroup")) {
                    findings.add(new Finding(Kind.NOT_CARRIED, sidecar.doc().at(entry.getKeyNode()),
                            "container " + sidecar.name() + ": securityContext." + key));
                }
            }
        });
    }

    private static void defects(ContainerView c, ContainerRole role, String mountPath, List<Finding> findings) {
        String script = c.script();
        ScriptFacts facts = ScriptFacts.of(script);
        if (role == ContainerRole.INTEGRITY_CHECK) {
            if (script.matches("(?s).*grep\\s+-q\\s+[\"']?ok[\"']?.*")) {
                findings.add(new Finding(Kind.REPLACED, c.at(), c.name() + ": `| grep -q ok` calls a corrupted"
                        + " database healthy whenever an error line contains \"ok\" (e.g. \"row 1 missing from"
                        + " index books_title\"); the generated check accepts only an output of exactly ok"));
            }
            for (String glob : facts.globs()) {
                findings.add(new Finding(Kind.REPLACED, c.at(), c.name() + ": checks every file matching "
                        + glob + " instead of the declared databases (and misses other extensions); the"
                        + " generated check runs on the declared databases only"));
            }
            if (script.matches("(?s).*rm\\s+-f\\s+\"?\\$db\"?.*")) {
                findings.add(new Finding(Kind.REPLACED, c.at(), c.name() + ": deletes a database that fails the"
                        + " check; the generated check moves it aside as <file>.corrupt-<time>"));
            }
        }
        if (role == ContainerRole.RESTORE && facts.globs().stream().anyMatch(g -> g.endsWith("-wal"))) {
            findings.add(new Finding(Kind.REPLACED, c.at(), c.name() + ": `rm -f " + mountPath + "/*-wal` deletes"
                    + " the -wal of every database before the restore, losing the committed transactions of a"
                    + " healthy database that were not checkpointed yet; the generated restore keeps a local"
                    + " database with its -wal"));
        }
        if (role == ContainerRole.EPHEMERAL_CLEANUP) {
            for (String glob : facts.globs()) {
                findings.add(new Finding(Kind.REPLACED, c.at(), c.name() + ": deletes every file matching "
                        + glob + ", declared or not; the generated cleanup deletes the declared ephemeral"
                        + " databases by exact path (declare others with --profile PATH=ephemeral)"));
            }
        }
        if (c.imageTag().isEmpty() || c.imageTag().get().equals("latest")) {
            findings.add(new Finding(Kind.REPLACED, c.at(), c.name() + ": image " + c.image() + " is not pinned;"
                    + " the generated containers use pinned images"));
        }
    }
}
