package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.AppDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code generate} will write for one app, decided and frozen before any template runs.
 *
 * @param outputDir the app's generated Component, relative to the repository root
 * @param overlay for the Component of one overlay with settings of its own: that overlay's name
 * @param overlayPlans the Components of the app's overlays with settings of their own (none for those)
 */
public record AppPlan(AppDescriptor app, List<PlannedDatabase> databases, List<LitestreamProcess> processes,
        PodPatch patch, ComponentPlan component, String outputDir, List<EmittedFile> files, Optional<String> overlay,
        List<AppPlan> overlayPlans) {

    public AppPlan {
        databases = List.copyOf(databases);
        processes = List.copyOf(processes);
        files = List.copyOf(files);
        overlayPlans = List.copyOf(overlayPlans);
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
