package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.plan.ContainerPlan.EnvSource;
import dev.vixens.ls.plan.ContainerPlan.Mount;
import dev.vixens.ls.plan.ContainerPlan.Port;
import java.util.List;

/**
 * Step 5: one Litestream sidecar per process, with its metrics port, resources ({@code resources}, not
 * {@code initResources}: it runs for the pod's whole life, native or not) and credentials from the Secret only;
 * and the ConfigMap volume holding every config file.
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
            ContainerPlan sidecar = container(process, settings.litestreamImageReference(), settings.resources(),
                    List.of(plan.credentials()), List.of(plan.dataMount(), PlanContext.configMount()),
                    plan.securityContext());
            if (settings.nativeSidecar()) {
                plan.initContainers.add(sidecar.withRestartPolicy(NATIVE_SIDECAR_RESTART_POLICY));
            } else {
                plan.containers.add(sidecar);
            }
        }
        if (plan.processes.stream().anyMatch(p -> !p.replicas().isEmpty())) {
            plan.volumes.add(PodPatch.Volume.configMap(PlanContext.CONFIG_VOLUME, plan.configMapName));
        }
    }

    static ContainerPlan container(LitestreamProcess process, String image, Settings.Resources resources,
            List<EnvSource> env, List<Mount> mounts, SecurityContext securityContext) {
        List<String> args = List.of("replicate", "-config", PlanContext.CONFIG_DIR + "/" + process.configFile());
        return ContainerPlan.entrypoint(process.containerName(), image, args).envFrom(env).mounts(mounts).scratch()
                .port(new Port(process.portName(), process.metricsPort())).securityContext(securityContext)
                .resources(resources).build();
    }
}
