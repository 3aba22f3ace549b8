package dev.vixens.ls.verify;

import dev.vixens.ls.budget.StartupCheck;
import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.kustomize.KustomizationTree;
import dev.vixens.ls.kustomize.KustomizeCommand;
import dev.vixens.ls.kustomize.OverlayFinder;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.repo.VerifyConfig;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies the backup in what the cluster will run: builds every overlay of the given apps with the real
 * kustomize (each once, several at a time) and checks each built pod against its app's plan. Writes nothing.
 */
public final class OverlayVerifier {

    /** In order: a rule runs only when the ones before it did not stop the overlay. */
    private static final List<OverlayRule> RULES = List.of(
            new ComponentRule(),
            new PodShapeRule(),
            new LitestreamContainersRule(),
            new PortRule(),
            new UserRule(),
            new GracePeriodRule(),
            new StartupBudgetRule());

    /**
     * What was found for one overlay: facts for explain, the findings, the warnings, and the start-up estimate
     * against the workload's budget (empty when the workload was not found).
     */
    public record OverlayReport(String app, String overlay, List<String> facts, List<Problem> findings,
            List<Problem> warnings, Optional<StartupCheck> startup) {
    }

    /**
     * The outcome for every overlay, and what the fast check needs to know that nothing changed.
     *
     * @param command the kustomize command, as shown
     * @param findings every finding, app by app, in overlay order
     * @param warnings every warning (check says them, and exits as if they were not there), in the same order,
     *     each once: overlays built from one base find the same thing at the same place
     * @param overlays the overlay directories of each app directory (repository-relative)
     * @param filesRead every file a build read, absolute
     * @param cacheable whether {@code filesRead} is all the builds depend on
     */
    public record Verification(KustomizeCommand command, List<OverlayReport> reports, List<Problem> findings,
            List<Problem> warnings, Map<String, List<String>> overlays, Set<Path> filesRead, boolean cacheable) {
    }

    private OverlayVerifier() {
    }

    public static Verification verify(Repository repo, List<AppPlan> plans) {
        VerifyConfig config = repo.config().verify();
        KustomizeCommand command = KustomizeCommand.resolve(config.kustomize(), config.kustomizeAt());
        Map<AppPlan, List<Path>> overlaysOf = new LinkedHashMap<>();
        List<Path> all = new ArrayList<>();
        for (AppPlan plan : plans) {
            List<Path> dirs = OverlayFinder.find(repo.resolve(plan.app().directory()), config.overlays());
            overlaysOf.put(plan, dirs);
            all.addAll(dirs);
        }
        List<KustomizeCommand.Build> builds = command.buildAll(repo.root(), all);
        List<BuiltOverlay> built = new ArrayList<>();
        Set<Path> filesRead = new LinkedHashSet<>();
        boolean cacheable = true;
        int next = 0;
        Map<String, List<String>> overlays = new LinkedHashMap<>();
        for (Map.Entry<AppPlan, List<Path>> entry : overlaysOf.entrySet()) {
            List<String> shown = new ArrayList<>();
            for (Path dir : entry.getValue()) {
                KustomizationTree tree = KustomizationTree.read(dir, repo.root(), repo::display);
                filesRead.addAll(tree.filesRead());
                cacheable &= tree.cacheable();
                BuiltOverlay overlay = new BuiltOverlay(entry.getKey(), repo.root(), dir, tree, builds.get(next++),
                        repo::display, repo.config().startupThroughputs());
                for (OverlayRule rule : RULES) {
                    if (!overlay.stopped) {
                        rule.check(overlay);
                    }
                }
                built.add(overlay);
                shown.add(repo.display(dir));
            }
            overlays.put(entry.getKey().app().directory(), shown);
        }
        ReplicaCollisionRule.check(built);
        List<OverlayReport> reports = new ArrayList<>();
        List<Problem> findings = new ArrayList<>();
        Set<Problem> warnings = new LinkedHashSet<>();
        for (Map.Entry<AppPlan, List<Path>> entry : overlaysOf.entrySet()) {
            AppPlan plan = entry.getKey();
            for (BuiltOverlay overlay : built) {
                if (overlay.app == plan) {
                    reports.add(new OverlayReport(plan.app().app(), overlay.shown(), List.copyOf(overlay.facts),
                            List.copyOf(overlay.findings), List.copyOf(overlay.warnings), overlay.startup));
                    findings.addAll(overlay.findings);
                    warnings.addAll(overlay.warnings);
                }
            }
            findings.addAll(appFindings(plan, entry.getValue(), config));
        }
        return new Verification(command, reports, findings, List.copyOf(warnings), overlays, filesRead,
                cacheable);
    }

    /** An app without overlays, and {@code overlays.<name>} entries that name no overlay. */
    private static List<Problem> appFindings(AppPlan plan, List<Path> dirs, VerifyConfig config) {
        AppDescriptor d = plan.app();
        List<Problem> findings = new ArrayList<>();
        String patterns = String.join(", ", config.overlays());
        if (dirs.isEmpty()) {
            findings.add(new Problem(YamlLocator.locate(d.source(), YamlPath.of("app")), "no overlay of this app"
                    + " found (" + patterns + " with a kustomization, below " + d.directory() + "): nothing the"
                    + " cluster runs includes the generated Component, so the databases are not backed up; add an"
                    + " overlay that includes it, or set verify.overlays in " + Repository.CONFIG_FILE));
        }
        List<String> names = dirs.stream().map(dir -> dir.getFileName().toString()).toList();
        for (AppDescriptor.OverlaySettings overlay : d.overlays()) {
            if (!names.contains(overlay.name())) {
                findings.add(new Problem(YamlLocator.locateKey(d.source(), YamlPath.of("overlays", overlay.name())),
                        "overlays." + overlay.name() + ": no overlay of this app is named " + overlay.name()
                        + " (found: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ", from "
                        + patterns + "); rename the entry or the overlay directory"));
            }
        }
        return findings;
    }
}
