package dev.vixens.ls.budget;

import dev.vixens.ls.budget.StartupBudget.Bound;
import dev.vixens.ls.source.Problem;
import java.util.Optional;

/**
 * The start-up estimate of an app against the budget of one built workload: whether the worst case fits, and
 * the warning (never an error: the estimate is a guess about storage) that names the value to set when it does
 * not. {@code check} prints the warning; {@code explain} shows the whole comparison.
 */
public record StartupCheck(StartupEstimate estimate, StartupBudget budget) {

    public enum Verdict {
        /** The worst case fits within the smallest bound. */
        FITS,
        /** The worst case is longer than the smallest bound: warned. */
        TOO_SHORT,
        /** Nothing bounds the start-up. */
        NO_BUDGET,
        /** No database declares a size. */
        NO_ESTIMATE
    }

    public Verdict verdict() {
        if (!estimate.present()) {
            return Verdict.NO_ESTIMATE;
        }
        if (budget.smallest().isEmpty()) {
            return Verdict.NO_BUDGET;
        }
        return estimate.seconds() > budget.smallest().get().seconds() ? Verdict.TOO_SHORT : Verdict.FITS;
    }

    /** The line explain shows for the overlay. */
    public String fact() {
        String shownEstimate = estimate.present() ? "estimated worst case " + estimate.seconds() + " s"
                + (estimate.unsized().isEmpty() ? "" : " (at least: " + estimate.unsized().size()
                        + " database(s) without expectedSize)")
                : "no estimate (no database declares expectedSize)";
        String shownBudget = budget.smallest().map(b -> "budget " + b.shown())
                .orElse("no start-up budget (" + budget.workload()
                        + ": no progress deadline, no activeDeadlineSeconds)");
        String verdict = switch (verdict()) {
            case FITS -> ": fits";
            case TOO_SHORT -> ": too short, see the warning";
            case NO_BUDGET, NO_ESTIMATE -> "";
        };
        return "start-up: " + shownEstimate + "; " + shownBudget + verdict;
    }

    /** The warning when the worst case does not fit, at the field to change (or the workload, when unset). */
    public Optional<Problem> warning() {
        if (verdict() != Verdict.TOO_SHORT) {
            return Optional.empty();
        }
        Bound bound = budget.smallest().orElseThrow();
        int sized = estimate.databases().size();
        return Optional.of(new Problem(bound.at(), "warning: start-up budget: the worst-case start-up of "
                + budget.workload() + " is estimated at " + estimate.seconds()
                + " s (restore and integrity checks of the "
                + (sized == 1 ? "database" : sized + " databases") + " with an expectedSize;"
                + " docs/startup-budget.md), longer than its " + bound.field() + (bound.written() ? " of "
                : ", unset, so the default ") + bound.seconds() + " s: " + bound.consequence() + ". Set "
                + bound.field() + ": " + estimate.recommendedSeconds() + " or more in " + bound.where()
                + (bound.field().equals(StartupBudget.ACTIVE_DEADLINE) ? ", or remove it" : "")));
    }
}
