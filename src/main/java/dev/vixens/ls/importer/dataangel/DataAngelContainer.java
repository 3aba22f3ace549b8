package dev.vixens.ls.importer.dataangel;

import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.importer.Finding;
import dev.vixens.ls.importer.Finding.Kind;
import dev.vixens.ls.kustomize.PodView;
import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.kustomize.PodView.EnvVar;
import dev.vixens.ls.source.YamlNodes;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * What the DataAngel container itself ran with (its credentials' Secret, the ports in use beside it, its
 * startup probe) turned into settings of the descriptor, with a finding wherever the generated setup differs.
 * Apart from {@link DataAngelImport} because it reads the container, not the annotations.
 */
final class DataAngelContainer {

    private DataAngelContainer() {
    }

    static void probes(ContainerView angel, List<Finding> findings) {
        Optional<Node> startup = YamlNodes.child(angel.node(), "startupProbe");
        if (startup.isEmpty()) {
            return;
        }
        long threshold = number(startup.get(), "failureThreshold", 3);
        long period = number(startup.get(), "periodSeconds", 10);
        findings.add(new Finding(Kind.NOT_CARRIED, angel.at(), "container dataangel: its startupProbe gave its"
                + " restores up to " + threshold * period + " s; the generated restores are init containers"
                + " without a deadline, and the probe now covers DataAngel's file restore only"));
    }

    /** A probe's count, or Kubernetes' default when it is unset or not a number (the API server's problem). */
    private static long number(Node probe, String key, long fallback) {
        return YamlNodes.text(probe, key).filter(t -> t.strip().matches("[0-9]{1,9}"))
                .map(t -> Long.parseLong(t.strip())).orElse(fallback);
    }

    /** The per-app Secret DataAngel reads its credentials from; the generated containers read it whole. */
    static String secret(ContainerView angel, Settings defaults, List<Finding> findings) {
        Optional<EnvVar> id = angel.envVar("AWS_ACCESS_KEY_ID");
        Optional<EnvVar> key = angel.envVar("AWS_SECRET_ACCESS_KEY");
        Optional<String> name = id.flatMap(EnvVar::secret).or(() -> angel.envFromSecrets().stream().findFirst());
        if (name.isEmpty()) {
            findings.add(new Finding(Kind.REVIEW, angel.at(), "DataAngel reads its credentials from no Secret;"
                    + " the generated containers read Secret " + defaults.secret()));
            return null;
        }
        String idKey = id.flatMap(EnvVar::secretKey).orElse("LITESTREAM_ACCESS_KEY_ID");
        String secretKey = key.flatMap(EnvVar::secretKey).orElse("LITESTREAM_SECRET_ACCESS_KEY");
        if (!idKey.equals("LITESTREAM_ACCESS_KEY_ID") || !secretKey.equals("LITESTREAM_SECRET_ACCESS_KEY")) {
            findings.add(new Finding(Kind.REVIEW, id.map(EnvVar::at).orElse(angel.at()), "Secret " + name.get()
                    + " holds the credentials as " + idKey + " / " + secretKey + "; the generated containers read"
                    + " it with envFrom, as LITESTREAM_ACCESS_KEY_ID / LITESTREAM_SECRET_ACCESS_KEY: add those two"
                    + " keys (same values) to it before the migrated pod starts"));
        }
        return name.get();
    }

    /** The metrics port: the default unless a container of the pod (DataAngel: 9090) already listens there. */
    static int metricsPort(PodView pod, int fallback, List<Finding> findings) {
        Set<Integer> used = new HashSet<>();
        pod.allContainers().forEach(c -> c.ports().forEach(p -> used.add(p.port())));
        int port = fallback;
        while (used.contains(port)) {
            port++;
        }
        if (port != fallback) {
            findings.add(new Finding(Kind.REVIEW, pod.at(), "metrics.port " + port + ": DataAngel (or another"
                    + " container) listens on " + fallback + " in this pod"));
        }
        return port;
    }
}
