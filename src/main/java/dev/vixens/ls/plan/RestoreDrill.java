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

    /** The Job settings of every drill, decided here so that the template only lays them out. */
    public JobPolicy policy() {
        return JobPolicy.DRILL;
    }

    /**
     * How the CronJob runs its Job.
     *
     * @param concurrencyPolicy {@code Forbid}: a drill still restoring when the next is due must not run beside
     *     another one, reading the same replicas into the same node's disk
     * @param successfulJobsHistoryLimit finished Jobs kept, so that their logs (restore times, row counts) can
     *     still be read
     * @param failedJobsHistoryLimit failed Jobs kept for their logs
     * @param backoffLimit {@code 0}: a failed drill is the finding; retrying could hide a flaky restore
     * @param restartPolicy {@code Never}: a failed container fails the Job instead of restarting in place
     */
    public record JobPolicy(String concurrencyPolicy, int successfulJobsHistoryLimit, int failedJobsHistoryLimit,
            int backoffLimit, String restartPolicy) {

        static final JobPolicy DRILL = new JobPolicy("Forbid", 3, 3, 0, "Never");
    }

    /** {@code <app>-drill}: app names have at most 40 characters, CronJob names at most 52. */
    public static String nameFor(String app) {
        return app + "-drill";
    }
}
