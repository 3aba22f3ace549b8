package dev.vixens.ls.init;

import dev.vixens.ls.descriptor.Names;
import dev.vixens.ls.draft.AppDirectory;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where init puts a new app's descriptor: {@code --dir}, {@code --layer} (below the first apps directory), the
 * one existing directory named like the app, or the layer asked at the terminal; see the README (init).
 */
final class AppDirResolver {

    private static final Location COMMAND_LINE = Location.commandLine();

    private final Repository repo;
    private final Prompter prompter;
    private final List<String> notes;

    AppDirResolver(Repository repo, Prompter prompter, List<String> notes) {
        this.repo = repo;
        this.prompter = prompter;
        this.notes = notes;
    }

    /** @param cwd the directory a relative {@code --dir} is resolved against */
    AppDirectory resolve(InitRequest request, Path cwd) {
        if (request.dir().isPresent() && request.layer().isPresent()) {
            throw new InputException(COMMAND_LINE, "give --dir or --layer, not both");
        }
        String dir;
        if (request.dir().isPresent()) {
            Path absolute = cwd.resolve(request.dir().get()).toAbsolutePath().normalize();
            if (!absolute.startsWith(repo.root()) || absolute.equals(repo.root())) {
                throw new InputException(COMMAND_LINE, "--dir " + request.dir().get() + " is outside the repository "
                        + repo.root());
            }
            dir = repo.display(absolute);
            if (!absolute.getFileName().toString().equals(request.app())) {
                throw new InputException(COMMAND_LINE, "--dir " + dir + ": the app directory must be named like the"
                        + " app ('" + request.app() + "')");
            }
        } else {
            Optional<String> layer = request.layer();
            if (layer.isEmpty()) {
                List<String> existing = existingDirs(request.app());
                if (existing.size() == 1) {
                    notes.add("found the app directory " + existing.get(0));
                    return checked(existing.get(0));
                }
                if (existing.size() > 1) {
                    throw new InputException(COMMAND_LINE, "several directories are named " + request.app() + " ("
                            + String.join(", ", existing) + "); choose one with --dir");
                }
                layer = prompter.askValid("Layer directory under " + repo.config().appDirs().get(0)
                        + "/ (e.g. 60-services)", "", text -> {
                            String problem = Names.relativePathProblem(text);
                            if (problem != null) {
                                throw new IllegalArgumentException("'" + text + "' " + problem);
                            }
                            return text;
                        });
            }
            if (layer.isEmpty()) {
                throw new InputException(COMMAND_LINE, "where does " + request.app() + " go? pass --layer LAYER (it"
                        + " becomes " + repo.config().appDirs().get(0) + "/LAYER/" + request.app() + ") or --dir DIR");
            }
            String problem = Names.relativePathProblem(layer.get());
            if (problem != null) {
                throw new InputException(COMMAND_LINE, "--layer " + layer.get() + ": " + problem);
            }
            dir = repo.config().appDirs().get(0) + "/" + layer.get() + "/" + request.app();
        }
        return checked(dir);
    }

    private AppDirectory checked(String dir) {
        AppDirectory app = new AppDirectory(repo, repo.resolve(dir), dir);
        app.outsideAppDirs().ifPresent(problem -> {
            throw new InputException(COMMAND_LINE, dir + " " + problem);
        });
        return app;
    }

    private List<String> existingDirs(String app) {
        List<String> found = new ArrayList<>();
        for (String apps : repo.config().appDirs()) {
            Path start = repo.resolve(apps);
            if (!Files.isDirectory(start)) {
                continue;
            }
            try {
                Files.walkFileTree(start, Set.of(), 5, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                        String name = d.getFileName().toString();
                        if (!d.equals(start) && (name.startsWith(".") || name.startsWith("_"))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (!d.equals(start) && name.equals(app)) {
                            found.add(repo.display(d));
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }
}
