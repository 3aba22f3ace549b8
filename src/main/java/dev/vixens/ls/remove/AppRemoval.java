package dev.vixens.ls.remove;

import dev.vixens.ls.kustomize.Kustomization;
import dev.vixens.ls.kustomize.OverlayFinder;
import dev.vixens.ls.output.GenerationOutput;
import dev.vixens.ls.output.OutputWriter;
import dev.vixens.ls.output.UserFileWriter;
import dev.vixens.ls.plan.AppPlanner;
import dev.vixens.ls.plan.LitestreamProcess;
import dev.vixens.ls.plan.ResolvedApp;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code remove APP}: takes an app out of vixens-ls in one step, leaving every overlay buildable. Deleting the
 * descriptor and running {@code generate --all} deletes the Component but leaves the overlays naming it, so
 * they fail to build; and nothing says what becomes of the backups. Here everything is decided and checked
 * before the first change: the overlays' {@code components:} edits, the generated files (marked ones only),
 * the descriptor; and the report says where the backups stay.
 */
public final class AppRemoval {

    private AppRemoval() {
    }

    /**
     * What removing one app changes.
     *
     * @param overlayEdits overlay kustomization path to its new text
     * @param removedEntries overlay kustomization path to the entries taken out of its components
     * @param generated the generated files to delete (all carrying the marker)
     * @param replicas where the app's backups are in the bucket, which remove never touches
     */
    public record Plan(AppRef app, String componentDir, Map<String, String> overlayEdits,
            Map<String, List<String>> removedEntries, List<String> generated, List<String> replicas) {
    }

    public static Plan plan(Repository repo, String name) {
        AppRef app = repo.app(name);
        ResolvedApp resolved = ResolvedApp.resolve(repo.load(app), repo.profiles());
        Path appDir = repo.resolve(app.directory());
        Path component = appDir.resolve(AppPlanner.COMPONENT_DIR);
        Map<String, String> edits = new LinkedHashMap<>();
        Map<String, List<String>> removed = new LinkedHashMap<>();
        for (Path overlay : OverlayFinder.find(appDir, repo.config().verify().overlays())) {
            Optional<Path> file = Kustomization.fileIn(overlay);
            if (file.isEmpty()) {
                continue;
            }
            SourceFile text = repo.paths().read(file.get(), SourceFile.MAX_MANIFEST_BYTES);
            ComponentEntries.without(text, overlay, dir -> dir.startsWith(component)).ifPresent(edit -> {
                edits.put(repo.display(file.get()), edit.text());
                removed.put(repo.display(file.get()), edit.removed());
            });
        }
        UserFileWriter.check(repo.root(), edits);
        String componentDir = repo.display(component);
        List<String> generated = Files.isDirectory(component, LinkOption.NOFOLLOW_LINKS)
                ? OutputWriter.dryRun(repo.root(), empty(componentDir)).stream()
                        .filter(c -> c.action() == OutputWriter.Action.DELETED).map(OutputWriter.Change::path).toList()
                : List.of();
        List<String> replicas = new ArrayList<>();
        for (ResolvedApp environment : resolved.environments()) {
            environment.processes().stream().flatMap(p -> p.replicas().stream()).map(LitestreamProcess.Replica::url)
                    .filter(url -> !replicas.contains(url)).forEach(replicas::add);
        }
        return new Plan(app, componentDir, edits, removed, generated, replicas);
    }

    /** Edits the overlays, deletes the generated files, then the descriptor (so a failure leaves it to rerun). */
    public static void apply(Repository repo, Plan plan) {
        UserFileWriter.write(repo.root(), plan.overlayEdits());
        OutputWriter.write(repo.root(), empty(plan.componentDir()));
        UserFileWriter.delete(repo.root(), List.of(repo.display(plan.app().descriptor())));
    }

    private static GenerationOutput empty(String componentDir) {
        return new GenerationOutput(List.of(), List.of(componentDir));
    }
}
