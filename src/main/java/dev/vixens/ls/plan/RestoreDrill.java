package dev.vixens.ls.plan;

import java.util.List;

/**
 * The restore drill's CronJob: its Job restores every backed-up database into a scratch volume (init
 * container), then checks and counts what came back (container). Nothing of the app's pod is touched.
 *
 * @param name the CronJob's name
 * @param volumes the ConfigMap volume holding the Litestream config(s), the emptyDir the databases are
 *     restored into, and the tools' scratch space
 */
public record RestoreDrill(String name, String schedule, List<ContainerPlan> initContainers,
        List<ContainerPlan> containers, List<PodPatch.Volume> volumes) {

    public RestoreDrill {
        initContainers = List.copyOf(initContainers);
        containers = List.copyOf(containers);
        volumes = List.copyOf(volumes);
    }

    /** {@code <app>-drill}: app names have at most 40 characters, CronJob names at most 52. */
    public static String nameFor(String app) {
        return app + "-drill";
    }
}
