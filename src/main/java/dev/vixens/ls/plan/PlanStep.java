package dev.vixens.ls.plan;

/** One concern of the generated setup (a start-up step, the sidecar, metrics, the single-writer guard). */
interface PlanStep {

    void apply(PlanContext plan);
}
