package dev.vixens.ls.verify;

import dev.vixens.ls.kustomize.PodView;
import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.kustomize.PodView.EnvVar;
import dev.vixens.ls.kustomize.PodView.VolumeView;
import dev.vixens.ls.kustomize.WorkloadSource;
import dev.vixens.ls.source.Location;
import java.util.Optional;

/**
 * The app and Litestream run as the same user, and Litestream can create files on a new volume. SQLite
 * creates the {@code -wal} and {@code -shm} files, Litestream its {@code _litestream_seq} table and the restore
 * step the database itself, each as its own uid and readable only to others: with two uids one side fails with
 * "attempt to write a readonly database" while the pod looks healthy (a real homelab lost its backups so).
 *
 * <p>The app's uid is the one its container runs as (the container's {@code securityContext} over the pod's), or,
 * for images that start as root and then run the app as {@code PUID}/{@code PGID} from the environment (the
 * linuxserver.io and hotio convention), those. An app container with neither does not say which uid it runs as
 * (its image decides, often root), and check cannot prove the backup works: it asks for an explicit
 * {@code runAsUser}, the one way to make it provable.
 */
final class UserRule implements OverlayRule {

    /** A uid/gid pair and where it comes from, for messages. */
    record Identity(Optional<Long> uid, Optional<Long> gid, String source, Location at) {

        String shown() {
            return uid.map(String::valueOf).orElse("?") + gid.map(g -> ":" + g).orElse("");
        }
    }

    @Override
    public void check(BuiltOverlay overlay) {
        PodView pod = overlay.pod.orElseThrow();
        String descriptor = overlay.app.app().source().displayName();
        String appName = overlay.app.app().workload().container();
        ContainerView app = pod.container(appName).orElseThrow();
        Identity litestream = litestream(pod, overlay);
        Identity own = app(pod, app, overlay.source);
        String wanted = "runAsUser: " + litestream.uid().map(String::valueOf).orElse("?")
                + litestream.gid().map(g -> " and runAsGroup: " + g).orElse("");
        if (own.uid().isEmpty()) {
            overlay.find(overlay.source.container(appName), "container '" + appName + "' does not say which uid it"
                    + " runs as (no runAsUser in its or the pod's securityContext, no PUID/PGID environment), so"
                    + " its image decides, often root; Litestream runs as " + litestream.shown() + " ("
                    + litestream.source() + ") and both must write the databases; set securityContext." + wanted
                    + " on the container (or PUID/PGID for a linuxserver.io image), or runAs in " + descriptor
                    + " to the uid the image runs as");
        } else if (litestream.uid().isPresent() && !own.uid().equals(litestream.uid())) {
            overlay.find(own.at(), "container '" + appName + "' runs as " + own.shown() + " (uid:gid, " + own.source()
                    + ") and Litestream as " + litestream.shown() + " (" + litestream.source() + "): the database"
                    + " files one creates (-wal, -shm, Litestream's _litestream_seq table, a restored database) are"
                    + " read-only to the other, \"attempt to write a readonly database\"; set runAs.uid: "
                    + own.uid().get() + own.gid().map(g -> " and runAs.gid: " + g).orElse("") + " in " + descriptor
                    + ", or run the app as " + litestream.shown());
        }
        newVolume(overlay, pod, litestream);
        overlay.facts.add("users: container " + appName + " runs as " + own.shown() + " (" + own.source()
                + "), Litestream as " + litestream.shown() + " (" + litestream.source() + ")"
                + pod.fsGroup().map(g -> ", pod fsGroup " + g).orElse(""));
    }

    /**
     * On a new volume (a PersistentVolumeClaim, owned by root until something changes it) the restore step,
     * not root, can create the database only when the pod's {@code fsGroup} (the descriptor's, or the base's)
     * makes the volume group-writable or fix-permissions hands it over first. Without either, the restore after
     * a lost disk fails the pod.
     */
    private static void newVolume(BuiltOverlay overlay, PodView pod, Identity litestream) {
        String volume = overlay.app.app().volume().name();
        boolean claim = pod.claimTemplates().contains(volume) || Optional.ofNullable(pod.volumes().get(volume))
                .map(VolumeView::type).filter("persistentVolumeClaim"::equals).isPresent();
        boolean root = litestream.uid().filter(uid -> uid == 0).isPresent();
        boolean fixPermissions = overlay.component().patch().initContainers().stream()
                .anyMatch(c -> c.name().equals("fix-permissions"));
        if (!claim || root || fixPermissions || pod.fsGroup().isPresent()) {
            return;
        }
        String gid = litestream.gid().or(litestream::uid).map(String::valueOf).orElse("1000");
        overlay.find(overlay.source.podSpec("securityContext"), "on a new volume '" + volume + "' (owned by root"
                + " until the app first runs) the generated restore step, running as " + litestream.shown() + ", cannot"
                + " create the databases, so a restore after a lost disk fails the pod; set fsGroup: " + gid + " in "
                + overlay.app.app().source().displayName() + " (or securityContext.fsGroup on the pod)");
    }

    /** The uid and gid of the generated sidecar: its securityContext over the pod's. */
    static Identity litestream(PodView pod, BuiltOverlay overlay) {
        String sidecar = overlay.component().processes().isEmpty()
                ? PodShapeRule.generatedNames(overlay.component()).iterator().next()
                : overlay.component().processes().get(0).containerName();
        ContainerView c = pod.container(sidecar).orElseThrow();
        Optional<Long> uid = c.runAsUser().or(pod::podRunAsUser);
        Optional<Long> gid = c.runAsGroup().or(pod::podRunAsGroup);
        return new Identity(uid, gid, uid.isPresent() ? "from runAs in " + overlay.app.app().source().displayName()
                : "its image's user", overlay.source.fallback());
    }

    /** The app's uid and gid: securityContext (container, then pod), else the PUID/PGID convention. */
    static Identity app(PodView pod, ContainerView c, WorkloadSource source) {
        if (c.runAsUser().isPresent()) {
            return new Identity(c.runAsUser(), c.runAsGroup().or(pod::podRunAsGroup), "from the container securityContext",
                    source.container(c.name(), "securityContext", "runAsUser"));
        }
        if (pod.podRunAsUser().isPresent()) {
            return new Identity(pod.podRunAsUser(), c.runAsGroup().or(pod::podRunAsGroup), "from the pod securityContext",
                    source.podSpec("securityContext", "runAsUser"));
        }
        Optional<Long> puid = literal(c, "PUID");
        if (puid.isPresent()) {
            return new Identity(puid, literal(c, "PGID"), "from PUID/PGID", source.env(c.name(), "PUID"));
        }
        return new Identity(Optional.empty(), Optional.empty(), "not set", source.container(c.name()));
    }

    private static Optional<Long> literal(ContainerView c, String name) {
        return c.envVar(name).flatMap(EnvVar::value).filter(v -> v.strip().matches("[0-9]{1,10}"))
                .map(v -> Long.parseLong(v.strip()));
    }
}
