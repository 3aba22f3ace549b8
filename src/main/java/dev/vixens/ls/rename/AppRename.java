package dev.vixens.ls.rename;

import dev.vixens.ls.descriptor.DescriptorLoader;
import dev.vixens.ls.descriptor.Names;
import dev.vixens.ls.kustomize.YamlDoc;
import dev.vixens.ls.output.OutputWriter;
import dev.vixens.ls.pipeline.LoadedRepository;
import dev.vixens.ls.pipeline.Pipeline;
import dev.vixens.ls.pipeline.Selection;
import dev.vixens.ls.plan.PlannedDatabase;
import dev.vixens.ls.plan.ResolvedApp;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.YamlNodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * {@code rename APP NEW}: the app name is its directory name and, by default, the first segment of every
 * database's path in the bucket; renaming the directory alone would silently start every database on a new,
 * empty history. So each backed-up database without a {@code replicaPath:} gets one, pinned to where its
 * backups already are, then the directory moves (overlays and all: their relative {@code components:} stay
 * right) and the Component is generated again under the new name. Everything is checked before the move.
 */
public final class AppRename {

    private AppRename() {
    }

    /**
     * @param pinned each database path to the replica path written for it
     * @param descriptor the descriptor's new text
     */
    public record Plan(AppRef app, String newName, String newDirectory, String descriptor,
            Map<String, String> pinned) {
    }

    public static Plan plan(Repository repo, String name, String newName) {
        AppRef app = repo.app(name);
        if (!Names.isDnsLabel(newName) || newName.length() > 40) {
            throw new InputException(Location.commandLine(), Problem.quote(newName) + " is not a valid app name ("
                    + Names.labelRule(40) + ")");
        }
        if (newName.equals(name)) {
            throw new InputException(Location.commandLine(), "the app is already called " + Problem.quote(name));
        }
        if (repo.apps().stream().anyMatch(a -> a.name().equals(newName))) {
            throw new InputException(Location.commandLine(), "an app named " + Problem.quote(newName)
                    + " exists already: " + repo.app(newName).directory());
        }
        Path appDir = repo.resolve(app.directory());
        Path target = appDir.resolveSibling(newName);
        String newDirectory = repo.display(target);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(Location.startOf(newDirectory), "exists already; rename would move "
                    + app.directory() + " here");
        }
        repo.paths().check(target, "write", Location.startOf(newDirectory));
        ResolvedApp resolved = ResolvedApp.resolve(repo.load(app), repo.profiles());
        SourceFile descriptor = repo.paths().read(app.descriptor());
        Map<String, String> pinned = new java.util.LinkedHashMap<>();
        String text = edit(descriptor, newName, resolved.databases(), pinned);
        return new Plan(app, newName, newDirectory, text, pinned);
    }

    /** Moves the directory, writes the descriptor, generates the Component again; returns what generate did. */
    public static List<OutputWriter.Change> apply(Repository repo, Plan plan) {
        Path from = repo.resolve(plan.app().directory());
        Path to = repo.resolve(plan.newDirectory());
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + plan.app().directory() + " to " + plan.newDirectory(), e);
        }
        dev.vixens.ls.output.UserFileWriter.write(repo.root(),
                Map.of(plan.newDirectory() + "/" + DescriptorLoader.FILE_NAME, plan.descriptor()));
        Repository moved = Repository.open(repo.root());
        Pipeline pipeline = new Pipeline(moved);
        LoadedRepository loaded = pipeline.load(new Selection(false, List.of(plan.newName())));
        return OutputWriter.write(moved.root(), pipeline.render(loaded, pipeline.plan(loaded)));
    }

    /** The descriptor with its new name and each backed-up database's replica path pinned, comments kept. */
    private static String edit(SourceFile file, String newName, List<PlannedDatabase> databases,
            Map<String, String> pinned) {
        List<YamlDoc> docs = YamlDoc.readAll(file);
        Node root = docs.get(0).root();
        Node app = YamlNodes.child(root, "app").orElseThrow();
        List<String> lines = new ArrayList<>(SourceFile.lines(file.text()));
        // the name first: it changes no line count, so the marks of the insertions below stay right
        int appLine = app.getStartMark().orElseThrow().getLine();
        String appText = lines.get(appLine);
        lines.set(appLine, appText.substring(0, app.getStartMark().orElseThrow().getColumn()) + newName
                + appText.substring(app.getEndMark().orElseThrow().getColumn()));
        List<int[]> inserts = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        Optional<Node> list = YamlNodes.child(root, "databases");
        List<Node> items = list.filter(SequenceNode.class::isInstance).map(n -> ((SequenceNode) n).getValue())
                .orElse(List.of());
        for (PlannedDatabase db : databases) {
            if (!db.replicated() || db.database().index() >= items.size()) {
                continue;
            }
            Node item = items.get(db.database().index());
            if (YamlNodes.child(item, "replicaPath").isPresent()) {
                continue;
            }
            if (!(item instanceof MappingNode mapping) || mapping.getFlowStyle() == FlowStyle.FLOW) {
                throw new InputException(docs.get(0).at(item), "rename pins each database's replica path, and can"
                        + " add it only to a block mapping; add 'replicaPath: " + db.database().replicaPath()
                        + "' to this database by hand, then rename again");
            }
            NodeTuple path = YamlNodes.entries(mapping).stream()
                    .filter(t -> YamlNodes.text(t.getKeyNode()).map("path"::equals).orElse(false))
                    .findFirst().orElseThrow();
            int column = path.getKeyNode().getStartMark().orElseThrow().getColumn();
            int line = path.getValueNode().getEndMark().orElseThrow().getLine();
            String value = db.database().replicaPath();
            inserts.add(new int[] {line + 1});
            inserted.add(" ".repeat(column) + "replicaPath: " + (value.contains(" ") ? "\"" + value + "\"" : value)
                    + "  # pinned by rename: where the backups already are");
            pinned.put(db.path(), value);
        }
        for (int i = inserts.size() - 1; i >= 0; i--) {
            lines.add(inserts.get(i)[0], inserted.get(i));
        }
        return String.join("\n", lines);
    }
}
