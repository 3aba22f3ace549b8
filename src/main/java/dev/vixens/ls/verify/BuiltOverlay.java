package dev.vixens.ls.verify;

import dev.vixens.ls.budget.StartupCheck;
import dev.vixens.ls.budget.StartupThroughputs;
import dev.vixens.ls.kustomize.KustomizationTree;
import dev.vixens.ls.kustomize.KustomizeCommand;
import dev.vixens.ls.kustomize.PodView;
import dev.vixens.ls.kustomize.WorkloadSource;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One overlay of one app while it is being verified: what it builds from, what kustomize built, and what the
 * rules have found so far. Each rule reads it and adds facts (shown by {@code explain}) and findings.
 */
final class BuiltOverlay {

    /** The app's plan: its Component and the Components of its overlays with settings of their own. */
    final AppPlan app;
    /** The overlay directory's name ({@code prod}), the key of {@code overlays:} in the descriptor. */
    final String name;
    /** The repository root and the overlay directory, absolute. */
    final Path root;
    final Path dir;
    final KustomizationTree tree;
    final KustomizeCommand.Build build;
    final Function<Path, String> display;
    /** The Component this overlay must include. */
    final AppPlan expected;
    /** The app's Component this overlay does include (set by {@link ComponentRule}). */
    Optional<AppPlan> included = Optional.empty();
    /** The app's workload in the build (set by {@link PodShapeRule}). */
    Optional<PodView> pod = Optional.empty();
    /** Where the workload's pieces are written (set with {@link #pod}). */
    WorkloadSource source;
    /** How fast the repository's storage restores and checks ({@code startupEstimate:}). */
    final StartupThroughputs throughputs;
    /** The start-up estimate against the workload's budget (set by {@link StartupBudgetRule}). */
    Optional<StartupCheck> startup = Optional.empty();
    final List<String> facts = new ArrayList<>();
    final List<Problem> findings = new ArrayList<>();
    /** What check says without failing. */
    final List<Problem> warnings = new ArrayList<>();
    /** Set by a rule after whose finding the others would only repeat it. */
    boolean stopped;

    BuiltOverlay(AppPlan app, Path root, Path dir, KustomizationTree tree, KustomizeCommand.Build build,
            Function<Path, String> display, StartupThroughputs throughputs) {
        this.app = app;
        this.throughputs = throughputs;
        this.root = root;
        this.name = dir.getFileName().toString();
        this.dir = dir;
        this.tree = tree;
        this.build = build;
        this.display = display;
        this.expected = app.forOverlay(name);
    }

    /** The overlay directory as the user sees it. */
    String shown() {
        return display.apply(dir);
    }

    /** How this overlay's kustomization names a Component: {@code ../../litestream}. */
    String includePath(AppPlan component) {
        return dir.relativize(repoPath(component.outputDir())).toString().replace('\\', '/');
    }

    /** A repository-relative '/'-separated path of the app, as an absolute path. */
    Path repoPath(String relative) {
        return root.resolve(relative).normalize();
    }

    /** The plan the built pod should match: the Component included, else the one expected. */
    AppPlan component() {
        return included.orElse(expected);
    }

    String workloadName() {
        return app.app().workload().kind().kind() + " " + pod.map(PodView::name).orElse(app.app().workload().name());
    }

    void find(Location at, String message) {
        findings.add(new Problem(at, message));
    }

    void stop(Location at, String message) {
        find(at, message);
        stopped = true;
    }
}
