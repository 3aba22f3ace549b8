package dev.vixens.ls.generate;

import dev.vixens.ls.plan.AppPlanner;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import java.io.IOException;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A generated Component does nothing until an overlay includes it. After generate, this points out apps
 * whose overlays (under {@code <app>/overlays/*}) do not mention it. It reads text only, never writes.
 */
public final class OverlayHint {

    private OverlayHint() {
    }

    public static List<String> missingComponents(Repository repo, List<AppRef> apps) {
        List<String> hints = new ArrayList<>();
        for (AppRef app : apps) {
            Path appDir = repo.resolve(app.directory());
            Path component = appDir.resolve(AppPlanner.COMPONENT_DIR);
            Path overlays = appDir.resolve("overlays");
            boolean included = false;
            String example = "../../" + AppPlanner.COMPONENT_DIR;
            if (Files.isDirectory(overlays)) {
                try (Stream<Path> envs = Files.list(overlays)) {
                    for (Path env : envs.sorted().toList()) {
                        String relative = env.relativize(component).toString().replace('\\', '/');
                        example = relative;
                        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
                            Path file = env.resolve(name);
                            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && includes(repo, file, relative)) {
                                included = true;
                            }
                        }
                    }
                } catch (IOException e) {
                    included = true;
                }
            }
            if (!included) {
                hints.add("note: " + app.name() + ": no overlay under " + app.directory()
                        + "/overlays includes the generated Component; add 'components: [" + example
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
