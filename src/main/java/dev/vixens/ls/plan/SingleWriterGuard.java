package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.AppDescriptor.WorkloadKind;

/**
 * Keeps one writer per replica: exactly one pod, and for a Deployment the {@code Recreate} strategy so the
 * old pod is gone before the new one restores and replicates. Two Litestream processes writing one replica
 * path corrupt it. (A StatefulSet already replaces its single pod without overlap.)
 */
final class SingleWriterGuard implements StartupStep {

    @Override
    public Contribution contribute(StepInput input) {
        return Contribution.NONE.singleWriter(input.target().kind() == WorkloadKind.DEPLOYMENT);
    }
}
