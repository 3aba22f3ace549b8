package dev.vixens.ls.verify;

import dev.vixens.ls.budget.StartupBudget;
import dev.vixens.ls.budget.StartupCheck;
import dev.vixens.ls.budget.StartupEstimate;
import dev.vixens.ls.plan.ContainerPlan;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pod's start-up fits in what the workload allows it. Restores of 25 to 35 minutes against limits set for
 * a fresh start are how pods got stuck in the homelab this tool comes from; the sizes a descriptor declares
 * give an estimate to compare with the built workload's {@code progressDeadlineSeconds} and
 * {@code activeDeadlineSeconds}. A warning, not a finding: the estimate is only as good as the sizes and the
 * throughputs it was made from.
 */
final class StartupBudgetRule implements OverlayRule {

    @Override
    public void check(BuiltOverlay overlay) {
        Set<String> generatedInit = overlay.component().patch().initContainers().stream().map(ContainerPlan::name)
                .collect(Collectors.toSet());
        StartupCheck startup = new StartupCheck(StartupEstimate.of(overlay.component().resolved(),
                overlay.throughputs), StartupBudget.of(overlay.pod.orElseThrow(), overlay.source, generatedInit));
        overlay.startup = Optional.of(startup);
        overlay.facts.add(startup.fact());
        startup.budget().notCounted().forEach(reason -> overlay.facts.add("start-up: not a bound: " + reason));
        startup.warning().ifPresent(overlay.warnings::add);
    }
}
