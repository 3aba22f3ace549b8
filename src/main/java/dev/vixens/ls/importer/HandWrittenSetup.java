package dev.vixens.ls.importer;

import dev.vixens.ls.draft.MountPaths;
import dev.vixens.ls.importer.Finding.Kind;
import dev.vixens.ls.importer.OldLitestreamConfig.OldDatabase;
import dev.vixens.ls.kustomize.KustomizeBase;
import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.kustomize.PodView.MountView;
import dev.vixens.ls.kustomize.PodView;
import dev.vixens.ls.kustomize.YamlDoc;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.YamlNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The hand-written Litestream setup of a base, found: the one workload that runs a Litestream sidecar, that
 * sidecar, the ConfigMap its config comes from (a resource or a {@code configMapGenerator} file), the old
 * config read, the data volume holding every database, and the app's own container. Anything import cannot
 * read with certainty is refused here, before a descriptor is drafted.
 *
 * @param mountPath the data volume's mount path in the sidecar, without a trailing slash
 */
record HandWrittenSetup(PodView pod, ContainerView sidecar, ConfigSource config, OldLitestreamConfig old,
        MountView data, String mountPath, ContainerView appContainer) {

    private static final String DEFAULT_CONFIG = "/etc/litestream.yml";

    /** @param findings where a choice a person should confirm is reported (the app container among several) */
    static HandWrittenSetup find(KustomizeBase base, List<Finding> findings) {
        PodView pod = workload(base);
        ContainerView sidecar = sidecar(pod);
        ConfigSource config = config(pod, sidecar, base);
        OldLitestreamConfig old = OldLitestreamConfig.read(config.doc());
        if (old.databases().isEmpty()) {
            throw new InputException(config.doc().at(config.doc().root()), "the Litestream config lists no"
                    + " databases; nothing to import");
        }
        MountView data = dataMount(sidecar, old, config);
        ContainerView app = appContainer(pod, sidecar, data.volume(), findings);
        return new HandWrittenSetup(pod, sidecar, config, old, data, MountPaths.trimSlash(data.mountPath()), app);
    }

    private static PodView workload(KustomizeBase base) {
        List<PodView> pods = PodView.workloads(base.objects()).stream()
                .filter(p -> p.containers().stream().anyMatch(ContainerClassifier::isSidecar))
                .toList();
        if (pods.isEmpty()) {
            throw new InputException(base.kustomization().start(), "no Deployment or StatefulSet of this base runs"
                    + " a Litestream sidecar (a litestream container with 'replicate'); nothing to import");
        }
        if (pods.size() > 1) {
            throw new InputException(pods.get(1).at(), "a second workload with a Litestream sidecar ("
                    + pods.get(0).name() + " and " + pods.get(1).name() + "); a descriptor describes one");
        }
        return pods.get(0);
    }

    private static ContainerView sidecar(PodView pod) {
        List<ContainerView> sidecars = pod.containers().stream().filter(ContainerClassifier::isSidecar).toList();
        if (sidecars.size() > 1) {
            throw new InputException(sidecars.get(1).at(), "a second Litestream sidecar; import handles one"
                    + " Litestream process per pod");
        }
        return sidecars.get(0);
    }

    private static ConfigSource config(PodView pod, ContainerView sidecar, KustomizeBase base) {
        List<String> words = new ArrayList<>(sidecar.command());
        words.addAll(sidecar.args());
        String configPath = DEFAULT_CONFIG;
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals("-config") || words.get(i).equals("--config")) {
                configPath = words.get(i + 1);
            }
        }
        for (MountView mount : sidecar.mounts()) {
            String mountPath = MountPaths.trimSlash(mount.mountPath());
            String key = null;
            if (mountPath.equals(configPath)) {
                key = mount.subPath().orElse(null);
            } else if (configPath.startsWith(mountPath + "/") && mount.subPath().isEmpty()) {
                key = configPath.substring(mountPath.length() + 1);
            }
            if (key == null) {
                continue;
            }
            PodView.VolumeView volume = pod.volumes().get(mount.volume());
            if (volume == null || volume.configMap().isEmpty()) {
                throw new InputException(mount.at(), "the Litestream config " + configPath + " comes from volume '"
                        + mount.volume() + "', which is not a ConfigMap volume; import reads the config from a"
                        + " ConfigMap of the base");
            }
            return configMap(base, volume.configMap().get(), key, mount.volume(), volume.at());
        }
        throw new InputException(sidecar.at(), "cannot find the Litestream config " + configPath + ": no volume"
                + " mount of the sidecar provides it");
    }

    private static ConfigSource configMap(KustomizeBase base, String name, String key, String volume, Location at) {
        for (YamlDoc doc : base.objects()) {
            boolean isIt = YamlNodes.text(doc.root(), "kind").map("ConfigMap"::equals).orElse(false)
                    && YamlNodes.path(doc.root(), "metadata", "name").flatMap(YamlNodes::text).map(name::equals)
                            .orElse(false);
            if (!isIt) {
                continue;
            }
            Optional<Node> value = YamlNodes.path(doc.root(), "data", key);
            if (value.isEmpty() || !(value.get() instanceof ScalarNode scalar)) {
                throw new InputException(doc.at(doc.root()), "ConfigMap " + name + " has no data key '" + key
                        + "' holding the Litestream config");
            }
            return new ConfigSource(doc.embedded(scalar), volume, name, doc.source().displayName());
        }
        for (KustomizeBase.GeneratedConfigMap generator : base.configMaps()) {
            if (generator.name().equals(name) && generator.files().containsKey(key)) {
                SourceFile file = generator.files().get(key);
                List<YamlDoc> docs = YamlDoc.readAll(file);
                if (docs.isEmpty()) {
                    throw new InputException(file.start(), "the Litestream config is empty");
                }
                return new ConfigSource(docs.get(0), volume, name, file.displayName());
            }
        }
        throw new InputException(at, "ConfigMap '" + name + "' (the Litestream config) is not in the base:"
                + " neither a resource nor a configMapGenerator with key '" + key + "'");
    }

    private static MountView dataMount(ContainerView sidecar, OldLitestreamConfig old, ConfigSource config) {
        List<MountView> candidates = sidecar.mounts().stream().filter(m -> !m.volume().equals(config.volume()))
                .toList();
        Optional<MountView> best = MountPaths.deepestHolding(candidates,
                old.databases().stream().map(OldDatabase::path).toList());
        if (best.isPresent()) {
            return best.get();
        }
        for (OldDatabase db : old.databases()) {
            boolean mounted = sidecar.mounts().stream()
                    .anyMatch(m -> db.path().startsWith(MountPaths.trimSlash(m.mountPath()) + "/"));
            if (!mounted) {
                throw new InputException(db.at(), db.path() + " is not below any volume the sidecar mounts");
            }
        }
        throw new InputException(old.databases().get(0).at(), "the databases are on different volumes; a"
                + " descriptor has one data volume (import one volume's databases, the rest by hand)");
    }

    private static ContainerView appContainer(PodView pod, ContainerView sidecar, String dataVolume,
            List<Finding> findings) {
        List<ContainerView> others = pod.containers().stream().filter(c -> c != sidecar).toList();
        if (others.isEmpty()) {
            throw new InputException(pod.at(), pod.kind() + " " + pod.name() + " has no container besides the"
                    + " Litestream sidecar");
        }
        List<ContainerView> withData = others.stream().filter(c -> c.mountOf(dataVolume).isPresent()).toList();
        ContainerView chosen = withData.isEmpty() ? others.get(0) : withData.get(0);
        if (others.size() > 1) {
            findings.add(new Finding(Kind.REVIEW, chosen.at(), "workload.container: chose '" + chosen.name()
                    + "' (of " + String.join(", ", others.stream().map(ContainerView::name).toList())
                    + ") as the app's own container"));
        }
        return chosen;
    }
}
