package dev.vixens.ls.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The pod volumes the generated containers mount: the ConfigMap of Litestream configs, then the scratch
 * {@code emptyDir} of {@link ScratchSpace}. Derived from the containers' mounts after every step has
 * contributed, so a volume is defined exactly once, whichever steps mount it, and a building block that mounts
 * one (the shared restore piece, without a sidecar) never lacks it.
 */
final class PodVolumes {

    private PodVolumes() {
    }

    static List<PodPatch.Volume> of(List<ContainerPlan> containers, String configMapName) {
        List<PodPatch.Volume> volumes = new ArrayList<>();
        if (containers.stream().anyMatch(c -> c.mounts().contains(StepInput.configMount()))) {
            volumes.add(PodPatch.Volume.configMap(StepInput.CONFIG_VOLUME, configMapName));
        }
        if (ScratchSpace.usedBy(containers)) {
            volumes.add(ScratchSpace.volume());
        }
        return volumes;
    }
}
