package dev.vixens.ls.pipeline;

import dev.vixens.ls.budget.StartupEstimate;
import dev.vixens.ls.generate.PodSecurityWarning;
import dev.vixens.ls.generate.ReleaseWarnings;
import dev.vixens.ls.generate.ReplicaClaims;
import dev.vixens.ls.output.CheckCache;
import dev.vixens.ls.output.GenerationOutput;
import dev.vixens.ls.output.OutputChecker;
import dev.vixens.ls.output.OutputChecker.Difference;
import dev.vixens.ls.output.OutputWriter;
import dev.vixens.ls.output.OutputWriter.Change;
import dev.vixens.ls.output.RepositoryLock;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.plan.AppPlanner;
import dev.vixens.ls.plan.ResolvedApp;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InOrder;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.ProblemCollector;
import dev.vixens.ls.verify.OverlayVerifier;
import dev.vixens.ls.verify.OverlayVerifier.Verification;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one way every command runs vixens-ls's stages over a repository:
 * <pre>
 *   load (LoadedRepository) -> resolve (ResolvedApp) -> plan (AppPlan) -> render (GenerationOutput)
 *     -> write (generate) | compare and verify the built overlays (check)
 * </pre>
 * Loading finishes for every app before anything resolves; resolve and plan run fused per app, spread over
 * the cores; render starts when every app planned. Every problem of load, resolve and plan is collected and
 * reported together (sorted, bounded, one exit code), and nothing is written unless every stage succeeded.
 * Commands parse their options, call one method here and print the report it returns.
 */
public final class Pipeline {

    private final Repository repo;

    public Pipeline(Repository repo) {
        this.repo = repo;
    }

    /**
     * The apps of the repository (each descriptor found under {@code apps:}), listed without loading them: the
     * {@code apps} command lists what is there, including a descriptor that would not load.
     */
    public Collection<AppRef> apps() {
        return repo.apps();
    }

    /** The load stage: the selection, the profiles and the descriptors, with every problem of the selection. */
    public LoadedRepository load(Selection selection) {
        ProblemCollector problems = new ProblemCollector();
        LoadedRepository loaded = Loader.load(repo, selection, problems);
        problems.throwIfAny();
        return loaded;
    }

    /** Every app of the repository resolved (lifecycle, analyze, profiles), every problem collected. */
    public List<ResolvedApp> resolveAll() {
        ProblemCollector problems = new ProblemCollector();
        List<ResolvedApp> resolved = resolve(Loader.load(repo, Selection.everyApp(), problems), problems);
        problems.throwIfAny();
        return resolved;
    }

    /** The resolve stage for the selected apps that loaded. */
    private static List<ResolvedApp> resolve(LoadedRepository loaded, ProblemCollector problems) {
        List<ResolvedApp> resolved = new ArrayList<>();
        for (Optional<ResolvedApp> app : InOrder.map(loaded.selected(), app -> problems.attempt(
                () -> ResolvedApp.resolve(loaded.descriptor(app), loaded.profiles())))) {
            app.ifPresent(resolved::add);
        }
        return resolved;
    }

    /**
     * The resolve and plan stages for the selected apps, fused per app and spread over the cores; then refuses
     * a replica any other app of the repository writes too.
     */
    public List<AppPlan> plan(LoadedRepository loaded) {
        ProblemCollector problems = new ProblemCollector();
        List<AppPlan> plans = plan(loaded, problems);
        problems.throwIfAny();
        return plans;
    }

    private static List<AppPlan> plan(LoadedRepository loaded, ProblemCollector problems) {
        List<AppPlan> plans = new ArrayList<>();
        for (Optional<AppPlan> plan : InOrder.map(loaded.selected(), app -> problems.attempt(
                () -> plan(loaded.descriptor(app), loaded)))) {
            plan.ifPresent(plans::add);
        }
        if (!problems.isEmpty()) {
            return plans;
        }
        List<AppPlan> others = new ArrayList<>();
        for (Optional<AppPlan> plan : InOrder.map(loaded.others(), d -> planOrSkip(d, loaded))) {
            plan.ifPresent(others::add);
        }
        ReplicaClaims.check(plans, others);
        return plans;
    }

    /** Load, resolve and plan, every problem of the three stages reported together. */
    private Planned loadAndPlan(Selection selection) {
        ProblemCollector problems = new ProblemCollector();
        LoadedRepository loaded = Loader.load(repo, selection, problems);
        List<AppPlan> plans = plan(loaded, problems);
        problems.throwIfAny();
        return new Planned(loaded, plans);
    }

    private record Planned(LoadedRepository loaded, List<AppPlan> plans) {
    }

    /** The render stage: the shared building blocks and the planned apps. */
    public GenerationOutput render(LoadedRepository loaded, List<AppPlan> plans) {
        GenerationOutput output = Rendering.render(Rendering.planShared(repo.config(), loaded.profiles()),
                repo.config().writeShared(), plans);
        return output.managingAlso(loaded.orphanedComponents());
    }

    /**
     * Every stage, then the write: only changed files, each atomically, under the repository's lock; with
     * {@code dryRun}, what would change, under a shared lock, writing nothing (no cache record either).
     */
    public GenerateReport generate(Selection selection, boolean dryRun, Consumer<String> waiting) {
        try (RepositoryLock lock = dryRun ? RepositoryLock.shared(repo.root(), "generate", waiting)
                : RepositoryLock.exclusive(repo.root(), "generate", waiting)) {
            Planned planned = loadAndPlan(selection);
            LoadedRepository loaded = planned.loaded();
            List<AppPlan> plans = planned.plans();
            GenerationOutput output = render(loaded, plans);
            List<String> releaseWarnings = ReleaseWarnings.of(repo, plans);
            List<Change> changes = dryRun ? OutputWriter.dryRun(repo.root(), output)
                    : OutputWriter.write(repo.root(), output);
            // a check answered from the cache would not repeat the warnings: record only a run without any
            if (!dryRun && selection.all() && releaseWarnings.isEmpty() && loaded.warnings().isEmpty()) {
                CheckCache.record(repo.root(), new CheckCache.Snapshot(CheckCache.selectionKey(true, List.of()),
                        repo.config().appDirs(), repo.config().profilesDir(), repo.inputFiles(), output));
            }
            List<String> notes = new ArrayList<>(OverlayHint.missingComponents(repo, loaded.selected()));
            notes.addAll(releaseWarnings);
            notes.addAll(PodSecurityWarning.warnings(plans));
            notes.addAll(loaded.warnings());
            return new GenerateReport(changes, notes);
        }
    }

    /**
     * Every stage, then the comparison with the files on disk and, when {@code verify}, the built overlays of
     * the apps whose files are current. Writes nothing but the fast check's record.
     */
    public CheckReport check(Selection selection, boolean verify, Consumer<String> waiting) {
        Selection checked = selection.orEveryApp();
        try (RepositoryLock lock = RepositoryLock.shared(repo.root(), "check", waiting)) {
            Planned planned = loadAndPlan(checked);
            LoadedRepository loaded = planned.loaded();
            List<AppPlan> plans = planned.plans();
            GenerationOutput output = render(loaded, plans);
            List<String> warnings = new ArrayList<>(ReleaseWarnings.of(repo, plans));
            warnings.addAll(loaded.warnings());
            List<Difference> differences = OutputChecker.check(repo.root(), output);
            boolean verifying = verify && repo.config().verify().enabled();
            // An app whose generated files are stale is verified once they are current: its overlays build from
            // the files on disk, and findings about them would only repeat the diff, misleadingly.
            List<AppPlan> stale = plans.stream().filter(p -> differences.stream()
                    .anyMatch(d -> d.path().startsWith(p.outputDir() + "/"))).toList();
            Optional<Verification> verification = verifying ? Optional.of(OverlayVerifier.verify(repo,
                    plans.stream().filter(p -> !stale.contains(p)).toList())) : Optional.empty();
            verification.ifPresent(v -> v.warnings().forEach(w -> warnings.add(w.format())));
            CheckReport report = new CheckReport(output.files().size(), differences, verification,
                    stale.stream().map(p -> p.app().app()).toList(), warnings,
                    checked.all() ? "--all" : String.join(" ", checked.apps()),
                    OutputChecker.notGenerated(repo.root(), differences));
            if (report.current() && warnings.isEmpty()) {
                // the fast check answers from this record without planning, so it could not repeat warnings
                CheckCache.record(repo.root(), new CheckCache.Snapshot(CheckCache.selectionKey(checked.all(),
                        checked.apps(), verifying), repo.config().appDirs(), repo.config().profilesDir(),
                        repo.inputFiles(), output, report.currentLine(), verification.map(this::overlays)));
            }
            return report;
        }
    }

    /**
     * What {@code explain} shows about one app: its resolved facts and plan, the release notes, and its overlays
     * verified as check verifies them (when its generated files are current).
     */
    public Explanation explain(String name) {
        ProblemCollector problems = new ProblemCollector();
        LoadedRepository loaded = Loader.load(repo, new Selection(false, List.of(name)), problems);
        List<ResolvedApp> apps = resolve(loaded, problems);
        problems.throwIfAny();
        ResolvedApp resolved = apps.get(0);
        AppPlan plan = AppPlanner.plan(resolved, repo.config().monitoring());
        return new Explanation(resolved, plan, ReleaseWarnings.forApp(repo, resolved),
                StartupEstimate.of(resolved, repo.config().startupThroughputs()), overlays(loaded, plan));
    }

    private Explanation.Overlays overlays(LoadedRepository loaded, AppPlan plan) {
        if (!repo.config().verify().enabled()) {
            return new Explanation.NotEnabled();
        }
        boolean stale = OutputChecker.check(repo.root(), render(loaded, List.of(plan))).stream()
                .anyMatch(d -> d.path().startsWith(plan.outputDir() + "/"));
        if (stale) {
            return new Explanation.Stale();
        }
        try {
            return new Explanation.Verified(OverlayVerifier.verify(repo, List.of(plan)));
        } catch (InputException e) {
            return new Explanation.NotRun(e.problem());
        }
    }

    /** What the verified builds depended on, for the fast check. */
    private CheckCache.Overlays overlays(Verification verification) {
        return new CheckCache.Overlays(repo.config().verify().overlays(), repo.config().verify().kustomize(),
                verification.command().program(), verification.overlays(), verification.filesRead(),
                verification.cacheable());
    }

    private static AppPlan plan(dev.vixens.ls.descriptor.AppDescriptor app, LoadedRepository loaded) {
        return AppPlanner.plan(ResolvedApp.resolve(app, loaded.profiles()),
                loaded.repository().config().monitoring());
    }

    /**
     * An app outside the selection, planned to compare its replicas; one that does not plan is skipped here (its
     * own run reports why), so a broken app never blocks another's.
     */
    private static Optional<AppPlan> planOrSkip(dev.vixens.ls.descriptor.AppDescriptor app,
            LoadedRepository loaded) {
        try {
            return Optional.of(plan(app, loaded));
        } catch (InputException e) {
            return Optional.empty();
        }
    }
}
