package dev.vixens.ls.verify;

import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The overlay builds, and includes the app's generated Component (its own one when the descriptor gives it
 * settings of its own). A Component nobody includes backs nothing up, and {@code check} used to stay green
 * about it.
 */
final class ComponentRule implements OverlayRule {

    /** kustomize's message when a patch's target is missing: {@code no matches for Id Deployment.v1.apps/x.[noNs]}. */
    private static final Pattern NO_TARGET = Pattern.compile("no matches for Id ([A-Za-z]+)\\.[^/\\s]*/([^\\s\\[;]+?)\\.\\[");

    @Override
    public void check(BuiltOverlay overlay) {
        List<AppPlan> included = new ArrayList<>();
        for (AppPlan component : components(overlay.app)) {
            if (overlay.tree.components().contains(overlay.repoPath(component.outputDir()))) {
                included.add(component);
            }
        }
        if (!overlay.build.succeeded()) {
            buildFailed(overlay);
            return;
        }
        Location at = overlay.tree.overlayLocation("components");
        String expected = overlay.includePath(overlay.expected);
        if (included.isEmpty()) {
            overlay.stop(at, "this overlay does not include the generated Component " + expected + ": the built "
                    + overlay.workloadName() + " runs no Litestream, so the app's databases are not backed up; add '"
                    + expected + "' under components: in this kustomization");
            return;
        }
        overlay.included = Optional.of(included.get(0));
        overlay.facts.add("includes the Component " + String.join(", ", included.stream()
                .map(overlay::includePath).toList()));
        if (included.size() > 1) {
            overlay.find(at, "this overlay includes " + included.size() + " of the app's generated Components ("
                    + String.join(", ", included.stream().map(overlay::includePath).toList()) + "): their patches"
                    + " merge into one pod with two sets of Litestream settings; include only " + expected);
        } else if (included.get(0) != overlay.expected) {
            AppPlan wrong = included.get(0);
            String why = overlay.expected.overlay().isPresent()
                    ? "overlays." + overlay.name + " in " + overlay.app.app().source().displayName()
                    + " gives this overlay settings of its own"
                    : "no overlays." + overlay.name + " entry in " + overlay.app.app().source().displayName()
                    + " gives this overlay settings of its own";
            overlay.find(at, "this overlay includes " + overlay.includePath(wrong) + ", but " + why
                    + "; include " + expected + " instead");
        }
    }

    private static void buildFailed(BuiltOverlay overlay) {
        String error = overlay.build.error();
        Matcher target = NO_TARGET.matcher(error);
        var workload = overlay.app.app().workload();
        if (target.find() && target.group(1).equals(workload.kind().kind())
                && target.group(2).equals(workload.name())) {
            overlay.stop(overlay.tree.overlayLocation("resources"), "the generated Component patches "
                    + workload.kind().kind() + " '" + workload.name() + "' (workload in "
                    + overlay.app.app().source().displayName() + "), but no resource of this overlay defines it, so"
                    + " kustomize cannot build the overlay; set workload.kind and workload.name to the app's"
                    + " workload, or add it to the resources");
            return;
        }
        overlay.stop(overlay.tree.overlayLocation("resources"), "kustomize cannot build this overlay, so the"
                + " backup in it cannot be verified; fix the overlay: " + error);
    }

    /** The app's Component first, then those of its overlays. */
    static List<AppPlan> components(AppPlan app) {
        List<AppPlan> all = new ArrayList<>();
        all.add(app);
        all.addAll(app.overlayPlans());
        return all;
    }
}
