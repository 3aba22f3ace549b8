package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.plan.ContainerPlan.EnvSource;
import dev.vixens.ls.plan.ContainerPlan.Mount;
import dev.vixens.ls.plan.ContainerPlan.Port;
import dev.vixens.ls.plan.ContainerPlan.Resources;
import dev.vixens.ls.plan.ContainerPlan.RunAs;
import java.util.List;
import java.util.Optional;

/**
 * Step 5: one Litestream sidecar per process, with its metrics port, resources and credentials from the
 * Secret only; and the ConfigMap volume holding every config file.
 *
 * <p>With {@code nativeSidecar} (Kubernetes 1.29+), each sidecar is instead the last init container, with
 * {@code restartPolicy: Always}: the kubelet starts it once the restore steps have finished and before the
 * app's containers, and stops it only after they have stopped, so Litestream sees the app's first and last
 * writes.
 */
final class LitestreamSidecarStep implements PlanStep {

    /** What makes an init container a native sidecar (KEP-753). */
    static final String NATIVE_SIDECAR_RESTART_POLICY = "Always";

    @Override
    public void apply(PlanContext plan) {
        Settings settings = plan.app.settings();
        for (LitestreamProcess process : plan.processes) {
            ContainerPlan sidecar = container(process, settings.litestreamImageReference(), resources(settings),
                    List.of(plan.credentials()), List.of(plan.dataMount(), PlanContext.configMount()),
                    plan.runAs());
            if (settings.nativeSidecar()) {
                plan.initContainers.add(sidecar.withRestartPolicy(NATIVE_SIDECAR_RESTART_POLICY));
            } else {
                plan.containers.add(sidecar);
            }
        }
        if (plan.processes.stream().anyMatch(p -> !p.replicas().isEmpty())) {
            plan.volumes.add(new PodPatch.Volume(PlanContext.CONFIG_VOLUME, plan.configMapName));
        }
    }

    static Resources resources(Settings settings) {
        Settings.Resources r = settings.resources();
        return new Resources(r.requestsCpu(), r.requestsMemory(), r.limitsCpu(), r.limitsMemory());
    }

    static ContainerPlan container(LitestreamProcess process, String image, Resources resources,
            List<EnvSource> env, List<Mount> mounts, RunAs runAs) {
        List<String> args = List.of("replicate", "-config", PlanContext.CONFIG_DIR + "/" + process.configFile());
        return new ContainerPlan(process.containerName(), image, Optional.empty(), args, env, mounts,
                Optional.of(runAs), Optional.of(resources), List.of(new Port(process.portName(),
                process.metricsPort())), Optional.empty());
    }
}
