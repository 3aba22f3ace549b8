package dev.vixens.ls.verify;

import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.plan.LitestreamProcess;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * No two overlays (of one app, or of two apps) replicate to the same bucket path through the same Secret. Two
 * environments that include one Component both write {@code s3://$BUCKET/<app>/<db>}; when their Secrets name
 * the same bucket, two Litestream processes write one replica and corrupt it. check cannot read the Secrets, so
 * the same Secret name counts as the same bucket unless the descriptor separates the overlays
 * ({@code overlays.<name>}: replica prefix, Secret or bucket variable).
 */
final class ReplicaCollisionRule {

    private ReplicaCollisionRule() {
    }

    private record Destination(String secret, String url) {
    }

    private record Writer(BuiltOverlay overlay, String database) {
    }

    /** Adds a finding to each overlay that writes where an earlier one writes (once per pair of overlays). */
    static void check(List<BuiltOverlay> overlays) {
        Map<Destination, Writer> writers = new LinkedHashMap<>();
        for (BuiltOverlay overlay : overlays) {
            if (overlay.included.isEmpty()) {
                continue;
            }
            AppPlan component = overlay.included.get();
            String secret = component.app().settings().secret();
            Set<BuiltOverlay> reported = new HashSet<>();
            for (LitestreamProcess process : component.processes()) {
                for (LitestreamProcess.Replica replica : process.replicas()) {
                    Destination destination = new Destination(secret, replica.url());
                    Writer first = writers.putIfAbsent(destination, new Writer(overlay, replica.path()));
                    if (first != null && first.overlay() != overlay && reported.add(first.overlay())) {
                        overlay.find(overlay.tree.overlayLocation("components"), message(overlay, replica,
                                secret, first));
                    }
                }
            }
            overlay.facts.add("replicas: Secret " + secret + ", " + String.join(", ", component.processes().stream()
                    .flatMap(p -> p.replicas().stream()).map(LitestreamProcess.Replica::url).toList()));
        }
    }

    private static String message(BuiltOverlay overlay, LitestreamProcess.Replica replica, String secret,
            Writer first) {
        String other = first.overlay().app == overlay.app ? "overlay " + first.overlay().shown()
                : "overlay " + first.overlay().shown() + " of app " + first.overlay().app.app().app();
        return "this overlay replicates " + replica.path() + " to " + replica.url() + " with Secret " + secret
                + ", as " + other + " does (" + first.database() + "): two Litestream processes writing one replica"
                + " corrupt it; give this overlay its own replica prefix, Secret or bucket variable in "
                + overlay.app.app().source().displayName() + " (e.g. overlays." + overlay.name
                + ".litestream.replicaPrefix: " + overlay.name + ") and include " + overlay.includePath(overlay.app)
                + "/" + overlay.name + " here";
    }
}
