package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.AppDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code generate} will write for one app, decided and frozen before any template runs, with the
 * resolved facts it was planned from (which the warnings and the verification read).
 *
 * @param resolved the app (or one overlay's environment) as the resolve stage decided it
 * @param outputDir the app's generated Component, relative to the repository root
 * @param overlayPlans the Components of the app's overlays with settings of their own (none for those)
 */
public record AppPlan(ResolvedApp resolved, PodPatch patch, ComponentPlan component, String outputDir,
        List<EmittedFile> files, List<AppPlan> overlayPlans) {

    public AppPlan {
        files = List.copyOf(files);
        overlayPlans = List.copyOf(overlayPlans);
    }

    public AppDescriptor app() {
        return resolved.app();
    }

    public List<PlannedDatabase> databases() {
        return resolved.databases();
    }

    public List<LitestreamProcess> processes() {
        return resolved.processes();
    }

    /** For the Component of one overlay with settings of its own: that overlay's name. */
    public Optional<String> overlay() {
        return resolved.overlay();
    }

    /** The files of this Component and of every overlay's own Component. */
    public List<EmittedFile> allFiles() {
        List<EmittedFile> all = new ArrayList<>(files);
        overlayPlans.forEach(p -> all.addAll(p.files()));
        return all;
    }

    /** The Component the overlay named {@code overlayName} must include: its own, or the app's. */
    public AppPlan forOverlay(String overlayName) {
        return overlayPlans.stream().filter(p -> p.overlay().orElseThrow().equals(overlayName)).findFirst()
                .orElse(this);
    }
}
