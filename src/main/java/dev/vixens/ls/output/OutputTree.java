package dev.vixens.ls.output;

import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The repository as the write and check stages see it: paths confined to the root, no writing through
 * symbolic links, and the generated files currently on disk.
 */
final class OutputTree {

    private final Path root;
    /** Directories already found not to be links: thousands of files share a few directories. */
    private final Set<Path> checkedDirectories = ConcurrentHashMap.newKeySet();

    OutputTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** Resolves a repository-relative path, refusing anything that leaves the root or crosses a link. */
    Path resolve(String relative) {
        Path target = root.resolve(relative.replace("/", root.getFileSystem().getSeparator())).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new InputException(Location.startOf(relative), "refusing to write outside the repository root "
                    + root);
        }
        for (Path p = target; !p.equals(root); p = p.getParent()) {
            if (p != target && checkedDirectories.contains(p)) {
                break;
            }
            if (Files.isSymbolicLink(p)) {
                throw new InputException(Location.startOf(relative), "refusing to write through the symbolic link "
                        + root.relativize(p).toString().replace('\\', '/'));
            }
            if (p != target) {
                checkedDirectories.add(p);
            }
        }
        return target;
    }

    /** The file's content, or empty when it does not exist. */
    Optional<String> read(String relative) {
        Path file = resolve(relative);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(Location.startOf(relative), "exists but is not a regular file; move it away");
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (MalformedInputException e) {
            return Optional.of("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Generated files (carrying the marker) under the managed directories, keyed by relative path. Files
     * without the marker are not listed: they are the user's.
     */
    Map<String, String> generatedFilesUnder(List<String> managedDirs) {
        Map<String, String> found = new TreeMap<>();
        for (String dir : managedDirs) {
            Path start = resolve(dir);
            if (!Files.isDirectory(start) || Files.isSymbolicLink(start)) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(start)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Path file : files) {
                String relative = root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/");
                read(relative).filter(Marker::carries).ifPresent(content -> found.put(relative, content));
            }
        }
        return found;
    }
}
