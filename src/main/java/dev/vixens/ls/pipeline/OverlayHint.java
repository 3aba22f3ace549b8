package dev.vixens.ls.pipeline;

import dev.vixens.ls.kustomize.Kustomization;
import dev.vixens.ls.kustomize.OverlayFinder;
import dev.vixens.ls.plan.AppPlanner;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A generated Component does nothing until an overlay includes it. After generate, this points out apps
 * whose overlays (the repository's {@code verify.overlays}, {@code <app>/overlays/*} by default) do not mention
 * it. It reads text only, never writes; {@code check} proves it on the built overlays.
 */
public final class OverlayHint {

    private OverlayHint() {
    }

    public static List<String> missingComponents(Repository repo, List<AppRef> apps) {
        List<String> hints = new ArrayList<>();
        for (AppRef app : apps) {
            Path appDir = repo.resolve(app.directory());
            Path component = appDir.resolve(AppPlanner.COMPONENT_DIR);
            boolean included = false;
            String example = "../../" + AppPlanner.COMPONENT_DIR;
            for (Path overlay : OverlayFinder.find(appDir, repo.config().verify().overlays())) {
                String relative = overlay.relativize(component).toString().replace('\\', '/');
                example = relative;
                Optional<Path> file = Kustomization.fileIn(overlay);
                included |= file.isPresent() && includes(repo, file.get(), relative);
            }
            if (!included) {
                hints.add("note: " + app.name() + ": no overlay of " + app.directory()
                        + " includes the generated Component; add 'components: [" + example
                        + "]' to each overlay's kustomization.yaml");
            }
        }
        return hints;
    }

    /** Whether an overlay names the Component; one that cannot be read under the repository's rules gets no hint. */
    private static boolean includes(Repository repo, Path file, String component) {
        try {
            return repo.paths().read(file, SourceFile.MAX_MANIFEST_BYTES).text().contains(component);
        } catch (InputException e) {
            return true;
        }
    }
}
