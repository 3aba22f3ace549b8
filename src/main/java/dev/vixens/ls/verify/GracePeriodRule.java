package dev.vixens.ls.verify;

import dev.vixens.ls.kustomize.PodView;

/**
 * The pod gives the sidecar time to ship the last writes at shutdown. The kubelet kills every container when
 * {@code terminationGracePeriodSeconds} (30 by default) is over; writes not yet replicated are then only on the
 * volume, and lost with it.
 */
final class GracePeriodRule implements OverlayRule {

    static final long KUBERNETES_DEFAULT = 30;

    @Override
    public void check(BuiltOverlay overlay) {
        PodView pod = overlay.pod.orElseThrow();
        long grace = pod.terminationGracePeriodSeconds().orElse(KUBERNETES_DEFAULT);
        String shown = grace + (pod.terminationGracePeriodSeconds().isEmpty() ? " (the default)" : "");
        SidecarShutdown.Need need = SidecarShutdown.of(overlay.component());
        if (grace < need.seconds()) {
            overlay.find(overlay.source.podSpec("terminationGracePeriodSeconds"), "terminationGracePeriodSeconds is "
                    + shown + ", but the sidecar needs " + need.seconds() + " s to ship the last writes ("
                    + need.why() + "), and the kubelet kills it when the period is over; set"
                    + " terminationGracePeriodSeconds: " + need.seconds() + " or more in the pod spec");
        }
        overlay.facts.add("shutdown: terminationGracePeriodSeconds " + shown + ", the sidecar needs "
                + need.seconds() + " s");
    }
}
