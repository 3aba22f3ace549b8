package dev.vixens.ls.importer;

import dev.vixens.ls.importer.Finding.Kind;
import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.kustomize.PodView;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user the generated containers run as: the one the old sidecar ran as (its {@code runAsUser}/{@code
 * runAsGroup}, else the pod's, else root: Litestream's image runs as root), or the one chosen with
 * {@code --run-as}, never another without a word (issue 12: a silent 1000:1000 against root-owned files logs
 * "attempt to write a readonly database" every second). A permissions fixer is replaced by {@code fixPermissions}
 * only when it gives the files to that same user; one that gives them to another is kept, so that the files stay
 * whose they were.
 *
 * @param fixPermissions true when the descriptor says {@code fixPermissions: true}, else null (not written)
 */
record RunAsUser(long uid, long gid, Boolean fixPermissions) {

    /**
     * @param roles the init containers' roles; a permissions fixer that must stay becomes {@link
     *     ContainerRole#UNRECOGNISED} here, before anything reports or removes it
     * @param runAs {@code --run-as}
     */
    static RunAsUser of(HandWrittenSetup setup, Map<ContainerView, ContainerRole> roles, Optional<long[]> runAs,
            List<Finding> findings) {
        PodView pod = setup.pod();
        ContainerView sidecar = setup.sidecar();
        Optional<Long> setUid = sidecar.runAsUser().or(pod::podRunAsUser);
        // unset, the process runs as the image's user: root for Litestream's image, and the group root's
        long oldUid = setUid.orElse(0L);
        long oldGid = sidecar.runAsGroup().or(pod::podRunAsGroup)
                .orElse(setUid.isPresent() ? pod.fsGroup().orElse(oldUid) : 0L);
        long uid = runAs.map(u -> u[0]).orElse(oldUid);
        long gid = runAs.map(u -> u[1]).orElse(oldGid);
        if (setUid.isEmpty()) {
            findings.add(new Finding(Kind.REVIEW, sidecar.at(), "no runAsUser on the sidecar or the pod: Litestream"
                    + " ran as its image's user, root, and the database files may be root's; the descriptor carries"
                    + " that user (runAs " + oldUid + ":" + oldGid + "). To run as another user, say so: --run-as"
                    + " UID:GID"));
        }
        Boolean fixPermissions = null;
        for (Map.Entry<ContainerView, ContainerRole> entry : roles.entrySet()) {
            if (entry.getValue() != ContainerRole.FIX_PERMISSIONS) {
                continue;
            }
            ContainerView fixer = entry.getKey();
            Optional<long[]> owner = ScriptFacts.of(fixer.script()).chown();
            if (owner.isPresent() && owner.get()[0] == uid && owner.get()[1] == gid) {
                fixPermissions = true;
                continue;
            }
            entry.setValue(ContainerRole.UNRECOGNISED);
            findings.add(new Finding(Kind.REVIEW, fixer.at(), fixer.name() + " gives the files to "
                    + owner.map(o -> o[0] + ":" + o[1]).orElse("a user named in its script") + " but Litestream"
                    + " runs as " + uid + ":" + gid + ": kept, so the files stay that user's (it runs after the"
                    + " generated restore); to run Litestream as the files' owner, pass --run-as with that"
                    + " user and the generated fixPermissions replaces it"));
        }
        if (runAs.isPresent() && (uid != oldUid || gid != oldGid)) {
            findings.add(new Finding(Kind.REVIEW, sidecar.at(), "--run-as " + uid + ":" + gid + ": the old"
                    + " containers ran as " + oldUid + ":" + oldGid + "; the generated ones run as " + uid + ":" + gid
                    + ", and fixPermissions: true gives the data volume's files to that user at every start (the app"
                    + " container's user is yours to change)"));
            fixPermissions = true;
        }
        if (uid == 0) {
            findings.add(new Finding(Kind.REVIEW, sidecar.at(), "Litestream ran as root (uid 0): the descriptor"
                    + " keeps runAs.uid 0 with podSecurity: baseline, and a namespace that enforces Pod Security"
                    + " \"restricted\" rejects the pod; run the app and Litestream as a non-root user to remove"
                    + " both"));
        }
        return new RunAsUser(uid, gid, fixPermissions);
    }
}
