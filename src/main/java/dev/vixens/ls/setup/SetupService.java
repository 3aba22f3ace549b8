package dev.vixens.ls.setup;

import dev.vixens.ls.plan.FileSpec;
import dev.vixens.ls.render.Renderer;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.setup.SetupPlan.Action;
import dev.vixens.ls.setup.SetupPlan.PlannedFile;
import dev.vixens.ls.source.ConfinedPaths;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import dev.vixens.ls.version.BuildInfo;
import dev.vixens.ls.version.ToolVersion;
import dev.vixens.ls.version.VersionRange;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sets up a repository for vixens-ls: its {@code .vixens-ls.yaml} (the app directories found in it, the tool
 * version pinned), and on request the pre-commit and CI files that run the pinned version for every teammate.
 * A file that exists is never replaced, whoever wrote it, so running setup again changes nothing.
 */
public final class SetupService {

    private SetupService() {
    }

    public static SetupPlan plan(SetupRequest request, BuildInfo tool) {
        Path root = request.root().toAbsolutePath().normalize();
        List<String> notes = new ArrayList<>();
        List<PlannedFile> files = new ArrayList<>();
        Path config = root.resolve(Repository.CONFIG_FILE);
        List<String> appDirs;
        if (Files.exists(config, LinkOption.NOFOLLOW_LINKS)) {
            // the repository's own list, read like every command reads it (and refused when its pin excludes us)
            appDirs = Repository.open(root).config().appDirs();
            if (!YamlLocator.has(SourceFile.read(config, Repository.CONFIG_FILE), YamlPath.of("requires"))) {
                notes.add(Repository.CONFIG_FILE + " pins no vixens-ls version; add requires: \""
                        + ToolVersion.parse(tool.version()).map(VersionRange::compatibleWith).orElse(">=X.Y <X.Z")
                        + "\" to it, so that every teammate and CI run this release series");
            }
        } else {
            appDirs = AppDirectories.find(root);
            if (appDirs.isEmpty()) {
                appDirs = List.of("apps");
                notes.add("no app directories found (directories holding base/ and overlays/, or a vixens-backup.yaml);"
                        + " " + Repository.CONFIG_FILE + " searches apps/: change 'apps:' if your apps live elsewhere");
            }
        }
        ToolVersion version = ToolVersion.parse(tool.version()).orElseThrow(() -> new InputException(
                Location.commandLine(), "this build of vixens-ls has no version (it was not built by Maven), so it"
                + " cannot pin one; build it with ./mvnw package"));
        Map<String, Object> model = Map.of("setup", new SetupModel(VersionRange.compatibleWith(version), appDirs,
                appDirs.get(0) + "/_shared/litestream", toolRepository(request, tool), rev(request, tool),
                request.hook().idSuffix()));
        files.add(planned(root, Repository.CONFIG_FILE, "setup/vixens-ls.yaml.ftl", model));
        if (request.preCommit()) {
            files.add(planned(root, ".pre-commit-config.yaml", "setup/pre-commit-config.yaml.ftl", model));
        }
        request.ci().ifPresent(ci -> files.add(planned(root, ci.path(), ci.template(), model)));
        return new SetupPlan(List.copyOf(files), List.copyOf(notes));
    }

    /**
     * What the templates read.
     *
     * @param requires the version range pinned in {@code .vixens-ls.yaml}
     * @param hookSuffix appended to the hook ids: empty for the script hooks, {@code -installed} for the others
     */
    public record SetupModel(String requires, List<String> appDirs, String shared, String toolRepository, String rev,
            String hookSuffix) {
    }

    private static PlannedFile planned(Path root, String path, String template, Map<String, Object> model) {
        String content = Renderer.renderUserFile(new FileSpec(path, template, model));
        Path file = root.resolve(path);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new PlannedFile(path, content, Action.WRITE, "");
        }
        try {
            if (new ConfinedPaths(root).read(file).text().equals(content)) {
                return new PlannedFile(path, content, Action.UNCHANGED, "");
            }
        } catch (InputException e) {
            // a link, a special file, unreadable: it is still the user's file, and kept
        }
        return new PlannedFile(path, content, Action.KEPT, "(it exists; setup never replaces a file)");
    }

    /** Only the hook and CI files need these; the config alone is written without them. */
    private static String toolRepository(SetupRequest request, BuildInfo tool) {
        String given = request.toolRepository().orElse(tool.sourceRepository());
        if (given.isBlank() && needsTool(request)) {
            throw new InputException(Location.commandLine(), "setup: the pre-commit and CI files fetch vixens-ls from"
                    + " its git repository, and this build does not know where that is published: pass --tool-repo URL"
                    + " (the repository holding the vX.Y.Z tags, or your mirror of it)");
        }
        return given;
    }

    private static String rev(SetupRequest request, BuildInfo tool) {
        String given = request.rev().orElse(tool.gitReference());
        if (given.isBlank() && needsTool(request)) {
            throw new InputException(Location.commandLine(), "setup: this build of vixens-ls (" + tool.version()
                    + ", commit " + tool.shortCommit() + ") has uncommitted changes, so no tag or commit pins it:"
                    + " pass --rev TAG");
        }
        return given;
    }

    private static boolean needsTool(SetupRequest request) {
        return request.preCommit() || request.ci().isPresent();
    }
}
