package dev.vixens.ls.generate;

import dev.vixens.ls.descriptor.PodSecurityLevel;
import dev.vixens.ls.plan.AppPlan;
import java.util.List;

/**
 * The opt-out from Pod Security "restricted" ({@code podSecurity: baseline}, for an app whose containers must
 * run as root) is meant to be loud: {@code generate} says so on stderr, every run, for every such app, so that
 * nobody forgets that a namespace enforcing "restricted" will reject its pod.
 */
public final class PodSecurityWarning {

    private PodSecurityWarning() {
    }

    public static List<String> warnings(List<AppPlan> plans) {
        return plans.stream()
                .filter(plan -> plan.app().settings().podSecurity() == PodSecurityLevel.BASELINE)
                .map(plan -> "warning: " + plan.app().app() + ": podSecurity: baseline: the generated containers run"
                        + " as root (runAs.uid 0) and meet the Pod Security Standard \"baseline\" only; a namespace"
                        + " that enforces \"restricted\" rejects the pod")
                .toList();
    }
}
