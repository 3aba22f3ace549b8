package dev.vixens.ls.kustomize;

import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.YamlNodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A Deployment or StatefulSet as the cluster will run it: its containers, volumes, network and security
 * context, each with the node it came from. Import reads the pods of a hand-written base with it; check reads
 * the pods kustomize built from an overlay.
 *
 * @param claimTemplates the names of a StatefulSet's volumeClaimTemplates (pod volumes too)
 * @param hostNetwork whether the pod shares the node's network namespace
 * @param terminationGracePeriodSeconds the pod's value, empty when unset (Kubernetes then uses 30)
 */
public record PodView(YamlDoc doc, String kind, String name, Optional<String> namespace,
        List<ContainerView> initContainers, List<ContainerView> containers, Map<String, VolumeView> volumes,
        Optional<Long> podRunAsUser, Optional<Long> podRunAsGroup, Optional<Long> fsGroup,
        List<String> claimTemplates, boolean hostNetwork, Optional<Long> terminationGracePeriodSeconds) {

    public static final List<String> WORKLOAD_KINDS = List.of("Deployment", "StatefulSet");

    /** The Deployments and StatefulSets among the documents. */
    public static List<PodView> workloads(List<YamlDoc> docs) {
        List<PodView> out = new ArrayList<>();
        for (YamlDoc doc : docs) {
            Optional<String> kind = YamlNodes.text(doc.root(), "kind");
            if (kind.isEmpty() || !WORKLOAD_KINDS.contains(kind.get())) {
                continue;
            }
            String name = YamlNodes.path(doc.root(), "metadata", "name").flatMap(YamlNodes::text).orElse("");
            Optional<String> namespace = YamlNodes.path(doc.root(), "metadata", "namespace").flatMap(YamlNodes::text);
            Optional<Node> spec = YamlNodes.path(doc.root(), "spec", "template", "spec");
            List<ContainerView> init = new ArrayList<>();
            List<ContainerView> containers = new ArrayList<>();
            Map<String, VolumeView> volumes = new LinkedHashMap<>();
            Optional<Long> runAsUser = Optional.empty();
            Optional<Long> runAsGroup = Optional.empty();
            Optional<Long> fsGroup = Optional.empty();
            boolean hostNetwork = false;
            Optional<Long> grace = Optional.empty();
            if (spec.isPresent()) {
                for (Node c : YamlNodes.items(YamlNodes.child(spec.get(), "initContainers"))) {
                    init.add(ContainerView.of(doc, c));
                }
                for (Node c : YamlNodes.items(YamlNodes.child(spec.get(), "containers"))) {
                    containers.add(ContainerView.of(doc, c));
                }
                for (Node v : YamlNodes.items(YamlNodes.child(spec.get(), "volumes"))) {
                    VolumeView volume = new VolumeView(YamlNodes.text(v, "name").orElse(""),
                            YamlNodes.path(v, "configMap", "name").flatMap(YamlNodes::text),
                            YamlNodes.entries(v).stream().map(t -> YamlNodes.text(t.getKeyNode()).orElse(""))
                                    .filter(key -> !key.equals("name")).findFirst().orElse(""), doc.at(v));
                    volumes.put(volume.name(), volume);
                }
                runAsUser = number(YamlNodes.path(spec.get(), "securityContext", "runAsUser"));
                runAsGroup = number(YamlNodes.path(spec.get(), "securityContext", "runAsGroup"));
                fsGroup = number(YamlNodes.path(spec.get(), "securityContext", "fsGroup"));
                hostNetwork = YamlNodes.text(spec.get(), "hostNetwork").map("true"::equals).orElse(false);
                grace = number(YamlNodes.child(spec.get(), "terminationGracePeriodSeconds"));
            }
            List<String> claimTemplates = new ArrayList<>();
            for (Node t : YamlNodes.items(YamlNodes.path(doc.root(), "spec", "volumeClaimTemplates"))) {
                YamlNodes.path(t, "metadata", "name").flatMap(YamlNodes::text).ifPresent(claimTemplates::add);
            }
            out.add(new PodView(doc, kind.get(), name, namespace, init, containers, volumes, runAsUser, runAsGroup,
                    fsGroup, claimTemplates, hostNetwork, grace));
        }
        return out;
    }

    public Location at() {
        return doc.at(doc.root());
    }

    /** Init containers, then containers. */
    public List<ContainerView> allContainers() {
        List<ContainerView> all = new ArrayList<>(initContainers);
        all.addAll(containers);
        return all;
    }

    public Optional<ContainerView> container(String containerName) {
        return allContainers().stream().filter(c -> c.name().equals(containerName)).findFirst();
    }

    /** Whether the pod has a volume of that name, from its volumes or a StatefulSet's claim templates. */
    public boolean hasVolume(String volume) {
        return volumes.containsKey(volume) || claimTemplates.contains(volume);
    }

    /** A whole number written in the node, empty when absent or not one. */
    public static Optional<Long> number(Optional<Node> node) {
        return node.flatMap(YamlNodes::text).flatMap(text -> {
            try {
                return Optional.of(Long.parseLong(text.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * A pod volume; {@code configMap} is set for ConfigMap volumes.
     *
     * @param type the volume source key ({@code persistentVolumeClaim}, {@code emptyDir}, ...)
     */
    public record VolumeView(String name, Optional<String> configMap, String type, Location at) {
    }

    /** One container or init container. */
    public record ContainerView(YamlDoc doc, Node node, String name, String image, List<String> command,
            List<String> args, List<EnvVar> env, List<String> envFromSecrets, List<MountView> mounts,
            Optional<Long> runAsUser, Optional<Long> runAsGroup, Optional<Resources> resources, List<PortView> ports,
            Optional<String> restartPolicy) {

        static ContainerView of(YamlDoc doc, Node node) {
            List<EnvVar> env = new ArrayList<>();
            for (Node e : YamlNodes.items(YamlNodes.child(node, "env"))) {
                Optional<Node> ref = YamlNodes.path(e, "valueFrom", "secretKeyRef");
                env.add(new EnvVar(YamlNodes.text(e, "name").orElse(""), YamlNodes.text(e, "value"),
                        ref.flatMap(r -> YamlNodes.text(r, "name")), ref.flatMap(r -> YamlNodes.text(r, "key")),
                        YamlNodes.child(e, "valueFrom").isPresent() && ref.isEmpty(), doc.at(e)));
            }
            List<String> secrets = new ArrayList<>();
            for (Node from : YamlNodes.items(YamlNodes.child(node, "envFrom"))) {
                YamlNodes.path(from, "secretRef", "name").flatMap(YamlNodes::text).ifPresent(secrets::add);
            }
            List<MountView> mounts = new ArrayList<>();
            for (Node m : YamlNodes.items(YamlNodes.child(node, "volumeMounts"))) {
                mounts.add(new MountView(YamlNodes.text(m, "name").orElse(""), YamlNodes.text(m, "mountPath").orElse(""),
                        YamlNodes.text(m, "subPath"), doc.at(m)));
            }
            Optional<Resources> resources = YamlNodes.child(node, "resources").map(r -> new Resources(
                    YamlNodes.path(r, "requests", "cpu").flatMap(YamlNodes::text),
                    YamlNodes.path(r, "requests", "memory").flatMap(YamlNodes::text),
                    YamlNodes.path(r, "limits", "cpu").flatMap(YamlNodes::text),
                    YamlNodes.path(r, "limits", "memory").flatMap(YamlNodes::text)));
            List<PortView> ports = new ArrayList<>();
            for (Node p : YamlNodes.items(YamlNodes.child(node, "ports"))) {
                number(YamlNodes.child(p, "containerPort")).ifPresent(port -> ports.add(new PortView(
                        YamlNodes.text(p, "name").orElse(""), port.intValue(),
                        YamlNodes.text(p, "protocol").orElse("TCP"), doc.at(p))));
            }
            return new ContainerView(doc, node, YamlNodes.text(node, "name").orElse(""),
                    YamlNodes.text(node, "image").orElse(""), YamlNodes.strings(YamlNodes.child(node, "command")),
                    YamlNodes.strings(YamlNodes.child(node, "args")), env, secrets, mounts,
                    number(YamlNodes.path(node, "securityContext", "runAsUser")),
                    number(YamlNodes.path(node, "securityContext", "runAsGroup")), resources, ports,
                    YamlNodes.text(node, "restartPolicy"));
        }

        /** Whether the command line (command and args) runs {@code litestream} with that subcommand. */
        public boolean runsLitestream(String subcommand) {
            List<String> all = new ArrayList<>(command);
            all.addAll(args);
            String text = String.join(" ", all);
            boolean litestream = usesImage("litestream") || text.contains("litestream ");
            return litestream && (all.contains(subcommand) || text.contains("litestream " + subcommand));
        }

        public Location at() {
            return doc.at(node);
        }

        /** Command and arguments as one text, for recognising what the container does. */
        public String script() {
            List<String> all = new ArrayList<>(command);
            all.addAll(args);
            return String.join(" ", all);
        }

        /** The image repository without tag or digest. */
        public String imageRepository() {
            String repo = image;
            int at = repo.indexOf('@');
            if (at >= 0) {
                repo = repo.substring(0, at);
            }
            int colon = repo.lastIndexOf(':');
            return colon > repo.lastIndexOf('/') ? repo.substring(0, colon) : repo;
        }

        /** The image tag, empty when the image has none (which means latest). */
        public Optional<String> imageTag() {
            String repo = image;
            int at = repo.indexOf('@');
            if (at >= 0) {
                repo = repo.substring(0, at);
            }
            int colon = repo.lastIndexOf(':');
            return colon > repo.lastIndexOf('/') ? Optional.of(repo.substring(colon + 1)) : Optional.empty();
        }

        public boolean usesImage(String fragment) {
            return imageRepository().contains(fragment);
        }

        public Optional<MountView> mountOf(String volume) {
            return mounts.stream().filter(m -> m.volume().equals(volume)).findFirst();
        }

        public Optional<EnvVar> envVar(String name) {
            return env.stream().filter(e -> e.name().equals(name)).findFirst();
        }
    }

    /**
     * One {@code env} entry: a literal value, a Secret key, or another source ({@code other}).
     */
    public record EnvVar(String name, Optional<String> value, Optional<String> secret, Optional<String> secretKey,
            boolean other, Location at) {
    }

    public record MountView(String volume, String mountPath, Optional<String> subPath, Location at) {
    }

    /** One {@code ports} entry of a container; protocol {@code TCP} unless it says otherwise. */
    public record PortView(String name, int port, String protocol, Location at) {
    }

    public record Resources(Optional<String> requestsCpu, Optional<String> requestsMemory,
            Optional<String> limitsCpu, Optional<String> limitsMemory) {
    }
}
