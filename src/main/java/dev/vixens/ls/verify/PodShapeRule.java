package dev.vixens.ls.verify;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.kustomize.BuiltWorkloads;
import dev.vixens.ls.kustomize.PodView;
import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.kustomize.PodView.MountView;
import dev.vixens.ls.kustomize.WorkloadSource;
import dev.vixens.ls.plan.AppPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The workload, the app's container and the data volume named by the descriptor exist in the built pod, and
 * the app's container mounts that volume where the descriptor says. Renaming a volume in the base used to leave
 * the generated containers mounting a volume that no longer exists, which the API server rejects at sync.
 */
final class PodShapeRule implements OverlayRule {

    @Override
    public void check(BuiltOverlay overlay) {
        AppDescriptor d = overlay.app.app();
        String kind = d.workload().kind().kind();
        Set<String> names = new LinkedHashSet<>();
        names.add(d.workload().name());
        overlay.tree.manifests().stream()
                .filter(m -> !m.patch() && m.kind().filter(kind::equals).isPresent()
                        && m.name().filter(d.workload().name()::equals).isPresent())
                .forEach(m -> m.builtName().ifPresent(names::add));
        List<PodView> workloads = BuiltWorkloads.read(overlay.build.yaml().orElseThrow(),
                overlay.shown() + " (built)");
        Optional<PodView> found = workloads.stream()
                .filter(w -> w.kind().equals(kind) && names.contains(w.name())).findFirst();
        List<Path> generated = ComponentRule.components(overlay.app).stream()
                .map(c -> overlay.repoPath(c.outputDir())).toList();
        List<String> sourceNames = new ArrayList<>(names);
        found.ifPresent(w -> sourceNames.add(w.name()));
        overlay.source = new WorkloadSource(overlay.tree, kind, sourceNames, generated,
                overlay.tree.overlayLocation("resources"));
        if (found.isEmpty()) {
            overlay.stop(overlay.tree.overlayLocation("resources"), "the built overlay has no " + kind + " '"
                    + d.workload().name() + "' (workload in " + d.source().displayName() + "); it has "
                    + (workloads.isEmpty() ? "no Deployment or StatefulSet" : String.join(", ", workloads.stream()
                            .map(w -> w.kind() + " " + w.name()).toList()))
                    + "; set workload.kind and workload.name to the app's workload");
            return;
        }
        PodView pod = found.get();
        overlay.pod = found;
        WorkloadSource source = overlay.source;
        String container = d.workload().container();
        Optional<ContainerView> app = pod.containers().stream().filter(c -> c.name().equals(container)).findFirst();
        if (app.isEmpty()) {
            overlay.stop(source.podSpec("containers"), "the built " + overlay.workloadName() + " has no container '"
                    + container + "' (workload.container in " + d.source().displayName() + "); its containers are: "
                    + String.join(", ", pod.containers().stream().map(ContainerView::name)
                            .filter(n -> !generatedNames(overlay.component()).contains(n)).toList())
                    + "; set workload.container to the app's own container");
            return;
        }
        String volume = d.volume().name();
        if (!pod.hasVolume(volume)) {
            List<String> volumes = new ArrayList<>(pod.volumes().keySet());
            volumes.addAll(pod.claimTemplates());
            volumes.removeIf(v -> v.startsWith("litestream"));
            overlay.stop(source.podSpec("volumes"), "the built " + overlay.workloadName() + " has no volume '"
                    + volume + "' (volume.name in " + d.source().displayName() + "), which the generated containers"
                    + " mount, so the API server rejects the pod; its volumes are: "
                    + (volumes.isEmpty() ? "none" : String.join(", ", volumes))
                    + "; set volume.name to the volume that holds the databases");
            return;
        }
        Optional<MountView> mount = app.get().mountOf(volume);
        String mountPath = d.volume().mountPath();
        if (mount.isEmpty()) {
            overlay.find(source.container(container, "volumeMounts"), "container '" + container + "' does not mount"
                    + " volume '" + volume + "' (volume.name in " + d.source().displayName() + "), so Litestream"
                    + " would back up files the app never writes; mount it at " + mountPath + ", or set volume.name"
                    + " to the volume the app keeps its databases on");
            return;
        }
        if (!mount.get().mountPath().replaceAll("/+$", "").equals(mountPath)) {
            overlay.find(source.mount(container, volume), "container '" + container + "' mounts volume '" + volume
                    + "' at " + mount.get().mountPath() + ", but " + d.source().displayName() + " says " + mountPath
                    + " (volume.mountPath), so Litestream would back up files the app never writes; set"
                    + " volume.mountPath: " + mount.get().mountPath() + " and the database paths below it");
            return;
        }
        if (mount.get().subPath().filter(s -> !s.isEmpty()).isPresent()) {
            overlay.find(source.mount(container, volume), "container '" + container + "' mounts only the"
                    + " subdirectory '" + mount.get().subPath().get() + "' of volume '" + volume + "', the generated"
                    + " containers the whole volume, so the same database path names two different files; remove"
                    + " the subPath, or mount the volume whole");
            return;
        }
        overlay.facts.add(overlay.workloadName() + ": container " + container + " mounts volume " + volume + " at "
                + mountPath);
    }

    /** The names of every container the Component adds. */
    static Set<String> generatedNames(AppPlan component) {
        Set<String> names = new LinkedHashSet<>();
        component.patch().initContainers().forEach(c -> names.add(c.name()));
        component.patch().containers().forEach(c -> names.add(c.name()));
        return names;
    }
}
