package dev.vixens.ls.plan;

/**
 * One concern of the generated setup (a start-up step, the sidecar, metrics, the single-writer guard): a
 * function of the resolved input that returns what it adds. {@link AppPlanner#STEPS} lists them in ADR-014's
 * order and folds their contributions; the shared building blocks are made of the same steps.
 */
@FunctionalInterface
interface StartupStep {

    Contribution contribute(StepInput input);
}
