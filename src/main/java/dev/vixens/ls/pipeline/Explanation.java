package dev.vixens.ls.pipeline;

import dev.vixens.ls.budget.StartupEstimate;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.plan.ResolvedApp;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.verify.OverlayVerifier.Verification;
import java.util.List;

/**
 * What {@code explain} shows about one app: its resolved facts, the start-up sequence its plan gives the pod,
 * the release notes generate would print, the worst-case start-up estimated from the declared sizes, and what
 * the verification of its overlays found.
 */
public record Explanation(ResolvedApp resolved, AppPlan plan, List<String> notes, StartupEstimate estimate,
        Overlays overlays) {

    public Explanation {
        notes = List.copyOf(notes);
    }

    /** The overlays' verification, or why there is none. */
    public sealed interface Overlays {
    }

    /** {@code verify.enabled: false} in the repository config. */
    public record NotEnabled() implements Overlays {
    }

    /** The generated files on disk are not current, so the overlays would build something else. */
    public record Stale() implements Overlays {
    }

    /** The builds could not run (no kustomize, for example): explain informs, so this is a note. */
    public record NotRun(Problem reason) implements Overlays {
    }

    public record Verified(Verification verification) implements Overlays {
    }
}
