package dev.vixens.ls.plan;

import dev.vixens.ls.plan.ContainerPlan.Mount;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.util.List;

/**
 * Kubernetes refuses a container with two volumes at one mount path, and a volume mounted inside a read-only
 * one (the Litestream config) cannot get its mount point. (Inside a writable one it can: the data volume at
 * {@code /tmp/data} under the scratch {@code /tmp} is fine.) Checked on every container the plan adds, after all
 * steps, so that a new step's mounts are checked too: {@code volume.mountPath: /etc/litestream} is refused
 * here, not by the API server.
 */
final class MountPathGuard {

    private MountPathGuard() {
    }

    static void check(SourceFile descriptor, Mount data, List<ContainerPlan> containers) {
        for (ContainerPlan container : containers) {
            List<Mount> mounts = container.mounts();
            for (int i = 0; i < mounts.size(); i++) {
                for (int j = i + 1; j < mounts.size(); j++) {
                    check(descriptor, data, container, mounts.get(i), mounts.get(j));
                }
            }
        }
    }

    private static void check(SourceFile descriptor, Mount data, ContainerPlan container, Mount a, Mount b) {
        String relation = a.path().equals(b.path()) ? "is also the mount path of"
                : a.path().startsWith(b.path() + "/") && b.readOnly() ? "is inside the read-only mount of"
                : b.path().startsWith(a.path() + "/") && a.readOnly() ? "contains the read-only mount of" : null;
        if (relation == null) {
            return;
        }
        Mount other = a.volume().equals(data.volume()) ? b : a;
        YamlPath at = YamlPath.of("volume", "mountPath");
        throw new InputException(YamlLocator.locate(descriptor, at), at + ": " + Problem.quote(data.path())
                + " " + relation + " the generated volume " + other.volume() + " (" + other.path() + ") in the"
                + " container " + container.name() + "; Kubernetes refuses two volumes at one mount path, and no mount"
                + " point can be made inside a read-only volume. Mount the data volume elsewhere");
    }
}
