package dev.vixens.ls.importer;

import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.kustomize.PodView;
import java.util.Set;

/** What a hand-written container does for Litestream, as far as import can tell. */
public enum ContainerRole {
    SIDECAR("the Litestream sidecar"),
    RESTORE("restore"),
    INTEGRITY_CHECK("integrity check"),
    EPHEMERAL_CLEANUP("cache cleanup"),
    FIX_PERMISSIONS("fix permissions"),
    /** Touches the databases or Litestream's config, in a way import does not know: kept, reported. */
    UNRECOGNISED("not recognised"),
    /** Nothing to do with the databases: kept. */
    UNRELATED("unrelated");

    private final String text;

    ContainerRole(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Whether the generated Component replaces containers of this role. */
    public boolean replaced() {
        return this != UNRECOGNISED && this != UNRELATED;
    }

    /**
     * @param databases the database paths the old Litestream config replicates
     * @param dataVolume the pod volume holding them
     * @param configVolume the pod volume holding the old Litestream config
     */
    public static ContainerRole ofInit(ContainerView c, Set<String> databases, String dataVolume,
            String configVolume) {
        String script = c.script();
        ScriptFacts facts = ScriptFacts.of(script);
        boolean mountsData = c.mountOf(dataVolume).isPresent();
        if (script.contains("integrity_check")) {
            return INTEGRITY_CHECK;
        }
        if (c.usesImage("litestream") && script.contains("restore")) {
            return RESTORE;
        }
        if (mountsData && script.matches("(?s).*\\bchown\\b.*")) {
            return FIX_PERMISSIONS;
        }
        boolean deletes = script.matches("(?s).*\\brm\\b.*");
        boolean namesFiles = !facts.databases().isEmpty() || !facts.globs().isEmpty();
        if (mountsData && deletes && namesFiles && !c.usesImage("litestream")) {
            return EPHEMERAL_CLEANUP;
        }
        boolean touches = c.usesImage("litestream") || c.mountOf(configVolume).isPresent()
                || facts.databases().stream().anyMatch(databases::contains)
                || (mountsData && (namesFiles || script.contains("sqlite")));
        return touches ? UNRECOGNISED : UNRELATED;
    }

    public static boolean isSidecar(ContainerView c) {
        return c.usesImage("litestream") && (c.args().contains("replicate") || c.command().contains("replicate")
                || c.script().matches("(?s).*\\blitestream\\s+replicate\\b.*"));
    }
}
