package dev.vixens.ls.importer;

import dev.vixens.ls.draft.MountPaths;
import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.kustomize.PodView.MountView;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells what each hand-written container does for Litestream ({@link ContainerRole}). Whatever it recognises as
 * Litestream's is replaced by the generated Component and taken out of the pod, so it recognises a container
 * only with certainty, by its image and by every command it runs: a Litestream image that runs
 * {@code litestream restore}; a script around {@code sqlite3 ... integrity_check}; a cleanup that only deletes
 * database files of the data volume; a permissions fixer that does nothing but a recursive {@code chown} of the
 * data volume. Anything else is kept (issue 12: Home Assistant's {@code config-init} copies a default config
 * from a Secret and chowns that one file; it is not Litestream's).
 */
final class ContainerClassifier {

    /** What a start-up script around the real job may also run: tests, messages, flow. */
    private static final Set<String> FLOW = Set.of("echo", "printf", "[", "test", "true", "false", "exit",
            "continue", "break", "set", "sleep");
    private static final Set<String> RESTORE = union(FLOW, Set.of("litestream", "restore", "rm", "ls", "mkdir"));
    private static final Set<String> INTEGRITY = union(FLOW, Set.of("sqlite3", "grep", "rm", "mv", "date"));
    private static final Set<String> CLEANUP = union(FLOW, Set.of("rm"));
    private static final Set<String> CHOWN = union(FLOW, Set.of("chown"));

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
        ShellScript shell = ShellScript.of(c);
        ScriptFacts facts = ScriptFacts.of(c.script());
        Optional<String> dataPath = c.mountOf(dataVolume).map(MountView::mountPath).map(MountPaths::trimSlash);
        if (isIntegrityCheck(shell)) {
            return ContainerRole.INTEGRITY_CHECK;
        }
        if (c.usesImage("litestream") && restores(shell) && shell.onlyRuns(RESTORE)) {
            return ContainerRole.RESTORE;
        }
        if (dataPath.isPresent() && onlyChownsRecursively(shell, dataPath.get())) {
            return ContainerRole.FIX_PERMISSIONS;
        }
        if (dataPath.isPresent() && !c.usesImage("litestream") && onlyDeletesDatabaseFiles(shell, dataPath.get())) {
            return ContainerRole.EPHEMERAL_CLEANUP;
        }
        boolean namesFiles = !facts.databases().isEmpty() || !facts.globs().isEmpty();
        boolean touches = c.usesImage("litestream") || c.mountOf(configVolume).isPresent()
                || facts.databases().stream().anyMatch(databases::contains)
                || (dataPath.isPresent() && (namesFiles || c.script().contains("sqlite")
                        || deletesBelow(shell, dataPath.get())));
        return touches ? ContainerRole.UNRECOGNISED : ContainerRole.UNRELATED;
    }

    /** A Litestream container that runs {@code replicate}: the hand-written sidecar. */
    static boolean isSidecar(ContainerView c) {
        return c.usesImage("litestream") && (c.args().contains("replicate") || c.command().contains("replicate")
                || c.script().matches("(?s).*\\blitestream\\s+replicate\\b.*"));
    }

    private static boolean restores(ShellScript shell) {
        return shell.commands().stream().anyMatch(words -> words.get(0).equals("restore")
                || ShellScript.baseName(words.get(0)).equals("litestream") && words.size() > 1
                        && words.get(1).equals("restore"));
    }

    private static boolean isIntegrityCheck(ShellScript shell) {
        boolean checks = shell.commands().stream().anyMatch(words -> ShellScript.baseName(words.get(0))
                .equals("sqlite3") && words.stream().anyMatch(w -> w.contains("integrity_check")
                        || w.contains("quick_check")));
        return checks && shell.onlyRuns(INTEGRITY);
    }

    /** Nothing but {@code chown -R OWNER DATA} (and messages): the one shape fixPermissions stands for. */
    private static boolean onlyChownsRecursively(ShellScript shell, String dataPath) {
        if (!shell.onlyRuns(CHOWN)) {
            return false;
        }
        boolean any = false;
        for (List<String> words : shell.commands()) {
            if (!ShellScript.baseName(words.get(0)).equals("chown")) {
                continue;
            }
            List<String> flags = words.stream().skip(1).filter(w -> w.startsWith("-")).toList();
            List<String> operands = words.stream().skip(1).filter(w -> !w.startsWith("-")).toList();
            boolean recursive = flags.stream().anyMatch(f -> f.equals("--recursive") || f.matches("-[a-zA-Z]*R.*"));
            if (!recursive || operands.size() != 2 || !MountPaths.trimSlash(operands.get(1)).equals(dataPath)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** Nothing but {@code rm} of database files and globs below the data volume (and messages). */
    private static boolean onlyDeletesDatabaseFiles(ShellScript shell, String dataPath) {
        if (!shell.onlyRuns(CLEANUP)) {
            return false;
        }
        boolean any = false;
        for (List<String> words : shell.commands()) {
            if (!ShellScript.baseName(words.get(0)).equals("rm")) {
                continue;
            }
            for (String operand : words.subList(1, words.size())) {
                if (operand.startsWith("-")) {
                    continue;
                }
                ScriptFacts target = ScriptFacts.of(operand);
                boolean databaseFile = !target.databases().isEmpty() || !target.globs().isEmpty();
                if (!operand.startsWith(dataPath + "/") || !databaseFile) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static boolean deletesBelow(ShellScript shell, String dataPath) {
        return shell.commands().stream().anyMatch(words -> ShellScript.baseName(words.get(0)).equals("rm")
                && words.stream().anyMatch(w -> w.startsWith(dataPath + "/") || w.equals(dataPath)));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }
}
