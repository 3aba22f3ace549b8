package dev.vixens.ls.importer;

import dev.vixens.ls.kustomize.PodView.ContainerView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells what each hand-written container does for Litestream ({@link ContainerRole}), from its image and its
 * script. Whatever it recognises as Litestream's is replaced by the generated Component and taken out of the
 * pod; so this one class decides what import may remove.
 */
final class ContainerClassifier {

    private ContainerClassifier() {
    }

    /** The role of every init container, in pod order. */
    static Map<ContainerView, ContainerRole> initContainers(List<ContainerView> initContainers,
            Set<String> databases, String dataVolume, String configVolume) {
        Map<ContainerView, ContainerRole> roles = new LinkedHashMap<>();
        for (ContainerView c : initContainers) {
            roles.put(c, ofInit(c, databases, dataVolume, configVolume));
        }
        return roles;
    }

    /**
     * @param databases the database paths the old Litestream config replicates
     * @param dataVolume the pod volume holding them
     * @param configVolume the pod volume holding the old Litestream config
     */
    static ContainerRole ofInit(ContainerView c, Set<String> databases, String dataVolume, String configVolume) {
        String script = c.script();
        ScriptFacts facts = ScriptFacts.of(script);
        boolean mountsData = c.mountOf(dataVolume).isPresent();
        if (script.contains("integrity_check")) {
            return ContainerRole.INTEGRITY_CHECK;
        }
        if (c.usesImage("litestream") && script.contains("restore")) {
            return ContainerRole.RESTORE;
        }
        if (mountsData && script.matches("(?s).*\\bchown\\b.*")) {
            return ContainerRole.FIX_PERMISSIONS;
        }
        boolean deletes = script.matches("(?s).*\\brm\\b.*");
        boolean namesFiles = !facts.databases().isEmpty() || !facts.globs().isEmpty();
        if (mountsData && deletes && namesFiles && !c.usesImage("litestream")) {
            return ContainerRole.EPHEMERAL_CLEANUP;
        }
        boolean touches = c.usesImage("litestream") || c.mountOf(configVolume).isPresent()
                || facts.databases().stream().anyMatch(databases::contains)
                || (mountsData && (namesFiles || script.contains("sqlite")));
        return touches ? ContainerRole.UNRECOGNISED : ContainerRole.UNRELATED;
    }

    /** A Litestream container that runs {@code replicate}: the hand-written sidecar. */
    static boolean isSidecar(ContainerView c) {
        return c.usesImage("litestream") && (c.args().contains("replicate") || c.command().contains("replicate")
                || c.script().matches("(?s).*\\blitestream\\s+replicate\\b.*"));
    }
}
