package dev.vixens.ls.verify;

import dev.vixens.ls.kustomize.PodView;
import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.kustomize.PodView.PortView;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The metrics ports of the generated sidecars are free. Containers of a pod share one network namespace, so a
 * sidecar on the port of another container (linkding listens on 9090, Litestream's default) fails to bind or
 * shadows it, and {@code prometheus.io/port} then points at the wrong process. With {@code hostNetwork} the
 * port is a port of the node, which the descriptor must choose knowingly.
 */
final class PortRule implements OverlayRule {

    @Override
    public void check(BuiltOverlay overlay) {
        PodView pod = overlay.pod.orElseThrow();
        Set<String> generated = PodShapeRule.generatedNames(overlay.component());
        List<String> mine = new ArrayList<>();
        List<String> theirs = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (ContainerView c : running(pod)) {
            for (PortView p : c.ports()) {
                (generated.contains(c.name()) ? mine : theirs).add(c.name() + " " + p.port() + "/" + p.protocol());
                if (!generated.contains(c.name())) {
                    used.add(p.port() + "/" + p.protocol());
                }
            }
        }
        String descriptor = overlay.app.app().source().displayName();
        for (ContainerView sidecar : running(pod)) {
            if (!generated.contains(sidecar.name())) {
                continue;
            }
            for (PortView port : sidecar.ports()) {
                for (ContainerView other : running(pod)) {
                    if (generated.contains(other.name())) {
                        continue;
                    }
                    for (PortView taken : other.ports()) {
                        if (taken.port() == port.port() && taken.protocol().equals(port.protocol())) {
                            overlay.find(overlay.source.port(other.name(), taken.port()), "port " + taken.port()
                                    + " of container '" + other.name() + "' is also the metrics port of the generated"
                                    + " container '" + sidecar.name() + "': containers of a pod share one network,"
                                    + " so one of them cannot listen on it; set metrics.port: " + free(used, overlay)
                                    + " (a free port) in " + descriptor);
                        }
                    }
                }
            }
        }
        if (pod.hostNetwork()) {
            boolean chosen = YamlLocator.has(overlay.app.app().source(), YamlPath.of("metrics", "port"));
            if (!chosen) {
                overlay.find(overlay.source.podSpec("hostNetwork"), "the pod uses hostNetwork: true, so the"
                        + " metrics port of the generated sidecar (" + overlay.component().processes().get(0)
                        .metricsPort() + ") is a port of the node, shared with every host-network pod and the node's"
                        + " own services; choose a free node port with metrics.port in " + descriptor);
            }
            overlay.facts.add("hostNetwork: the metrics ports are node ports");
        }
        overlay.facts.add("ports: generated " + (mine.isEmpty() ? "none" : String.join(", ", mine)) + "; others "
                + (theirs.isEmpty() ? "none" : String.join(", ", theirs)));
    }

    /** The containers running beside the app: regular ones and native sidecars. */
    static List<ContainerView> running(PodView pod) {
        List<ContainerView> all = new ArrayList<>(pod.containers());
        pod.initContainers().stream().filter(c -> c.restartPolicy().filter("Always"::equals).isPresent())
                .forEach(all::add);
        return all;
    }

    /** The first metrics port from the configured one on with room for every sidecar. */
    private static int free(Set<String> used, BuiltOverlay overlay) {
        int sidecars = overlay.component().processes().size();
        for (int port = overlay.component().app().settings().metricsPort(); port < 65535; port++) {
            boolean room = true;
            for (int i = 0; i < sidecars; i++) {
                room &= !used.contains((port + i) + "/TCP");
            }
            if (room) {
                return port;
            }
        }
        return 9091;
    }
}
