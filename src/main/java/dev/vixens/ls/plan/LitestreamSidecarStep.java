package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.plan.ContainerPlan.Port;
import java.util.List;

/**
 * Step 5: one Litestream sidecar per process, with its metrics port, resources ({@code resources}, not
 * {@code initResources}: it runs for the pod's whole life, native or not) and credentials from the Secret only.
 *
 * <p>With {@code nativeSidecar} (Kubernetes 1.29+), each sidecar is instead the last init container, with
 * {@code restartPolicy: Always}: the kubelet starts it once the restore steps have finished and before the
 * app's containers, and stops it only after they have stopped, so Litestream sees the app's first and last
 * writes.
 */
final class LitestreamSidecarStep implements StartupStep {

    /** What makes an init container a native sidecar (KEP-753). */
    static final String NATIVE_SIDECAR_RESTART_POLICY = "Always";

    @Override
    public Contribution contribute(StepInput input) {
        Settings settings = input.settings();
        Contribution contribution = Contribution.NONE;
        for (LitestreamProcess process : input.processes()) {
            List<String> args = List.of("replicate", "-config", StepInput.CONFIG_DIR + "/" + process.configFile());
            ContainerPlan sidecar = ContainerPlan.entrypoint(process.containerName(),
                    settings.litestreamImageReference(), args).envFrom(input.withCredentials())
                    .mounts(List.of(input.data(), StepInput.configMount())).scratch()
                    .port(new Port(process.portName(), process.metricsPort()))
                    .securityContext(input.securityContext()).resources(settings.resources()).build();
            contribution = settings.nativeSidecar()
                    ? contribution.initContainer(sidecar.withRestartPolicy(NATIVE_SIDECAR_RESTART_POLICY))
                    : contribution.container(sidecar);
        }
        return contribution;
    }
}
