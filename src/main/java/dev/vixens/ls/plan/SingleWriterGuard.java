package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.AppDescriptor.WorkloadKind;
import java.util.Optional;

/**
 * Keeps one writer per replica: exactly one pod, and for a Deployment the {@code Recreate} strategy so the
 * old pod is gone before the new one restores and replicates. Two Litestream processes writing one replica
 * path corrupt it. (A StatefulSet already replaces its single pod without overlap.)
 */
final class SingleWriterGuard implements PlanStep {

    @Override
    public void apply(PlanContext plan) {
        plan.replicas = Optional.of(1);
        plan.recreate = plan.app.workload().kind() == WorkloadKind.DEPLOYMENT;
    }
}
