package dev.vixens.ls.importer.dataangel;

import dev.vixens.ls.importer.Finding;
import dev.vixens.ls.importer.Finding.Kind;
import dev.vixens.ls.importer.OverlayEditor;
import dev.vixens.ls.kustomize.Kustomization;
import dev.vixens.ls.plan.AppPlanner;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --rewrite-kustomization} for a DataAngel app: the overlay edits that hand the databases to Litestream
 * and leave DataAngel its files. Apart from {@link DataAngelImport} because writing the overlays is one job and
 * reading them another.
 */
final class DataAngelRewrite {

    private DataAngelRewrite() {
    }

    /**
     * Empties DataAngel's sqlite-paths where the overlay writes them, and adds the generated Component to
     * the overlay; DataAngel keeps everything else (its files, its exclusion, its probes).
     */
    static void rewrite(Repository repo, Path appDir, List<DataAngelPod> pods, String bucket, String namespace,
            Map<String, String> files, List<Finding> findings) {
        for (DataAngelPod pod : pods) {
            if (!pod.setting("bucket").map(bucket::equals).orElse(false) || pod.list("sqlite-paths").isEmpty()) {
                findings.add(new Finding(Kind.KEPT, Location.startOf(pod.overlay()), "overlay " + pod.overlay()
                        + ": another bucket or no SQLite path; left as it is (import it on its own)"));
                continue;
            }
            Path overlay = repo.resolve(pod.overlay());
            Optional<SqlitePathsEdit.Edit> edit = SqlitePathsEdit.find(repo, List.of(overlay,
                    appDir.resolve("base")));
            if (edit.isEmpty()) {
                throw new InputException(Location.startOf(pod.overlay()), "cannot find the line that sets"
                        + " dataangel.io/sqlite-paths for this overlay; empty it by hand and run import without"
                        + " --rewrite-kustomization");
            }
            String shownEdit = edit.get().file();
            files.putIfAbsent(shownEdit, edit.get().text());
            findings.add(new Finding(Kind.REPLACED, edit.get().at(), "dataangel.io/sqlite-paths emptied:"
                    + " DataAngel keeps its file role only"));
            Path kustomization = Kustomization.fileIn(overlay).orElseThrow();
            String shown = repo.display(kustomization);
            SourceFile source = repo.paths().read(kustomization, SourceFile.MAX_MANIFEST_BYTES);
            Optional<String> text = OverlayEditor.include(source, List.of(relative(overlay,
                    appDir.resolve(AppPlanner.COMPONENT_DIR))), "added by vixens-ls import");
            SourceFile edited = text.map(t -> SourceFile.fromBytes(shown, t.getBytes(StandardCharsets.UTF_8)))
                    .orElse(source);
            Optional<String> withNamespace = OverlayEditor.ensureNamespace(edited, namespace);
            text = withNamespace.isPresent() ? withNamespace : text;
            text.ifPresent(t -> files.put(shown, t));
        }
    }

    private static String relative(Path from, Path to) {
        return from.relativize(to).toString().replace('\\', '/');
    }
}
