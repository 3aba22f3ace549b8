package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.AppDescriptor;
import java.util.List;

/**
 * Everything {@code generate} will write for one app, decided and frozen before any template runs.
 *
 * @param outputDir the app's generated Component, relative to the repository root
 */
public record AppPlan(AppDescriptor app, List<PlannedDatabase> databases, List<LitestreamProcess> processes,
        PodPatch patch, ComponentPlan component, String outputDir, List<FileSpec> files) {

    public AppPlan {
        databases = List.copyOf(databases);
        processes = List.copyOf(processes);
        files = List.copyOf(files);
    }
}
