package dev.vixens.ls.importer;

import java.util.List;
import java.util.Map;

/**
 * Everything one import will write and report, decided before anything is written.
 *
 * @param files repository-relative path to content: the descriptor, and with --rewrite-kustomization the
 *     migration Component and the edited overlays
 * @param nextSteps what the user does next, in order
 */
public record ImportPlan(String app, String appDir, String descriptorPath, List<DatabaseChoice> databases,
        List<Finding> findings, Map<String, String> files, List<String> nextSteps) {

    public ImportPlan {
        databases = List.copyOf(databases);
        findings = List.copyOf(findings);
        nextSteps = List.copyOf(nextSteps);
    }

    /** A database of the descriptor, its profile and why that profile. */
    public record DatabaseChoice(String path, String profile, String why) {
    }
}
