package dev.vixens.ls.output;

import dev.vixens.ls.source.ConfinedPaths;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.InputFiles;
import dev.vixens.ls.source.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The repository as the write and check stages see it: every path through {@link ConfinedPaths} (inside the
 * root, no link, no file where a directory must be), and the generated files currently on disk. Only regular
 * files are ever read; a file's marker is judged on its first line alone.
 */
final class OutputTree {

    /** Generated files are far smaller; a larger file at a target is compared by its first line only. */
    static final int MAX_READ = 8 << 20;

    /** What the walk of the managed directories found. */
    record Found(Map<String, String> generated, List<String> temporaries) {
    }

    private final ConfinedPaths paths;

    OutputTree(Path root) {
        this.paths = new ConfinedPaths(root);
    }

    Path root() {
        return paths.root();
    }

    ConfinedPaths paths() {
        return paths;
    }

    /** Resolves a repository-relative target, refusing anything that leaves the root, crosses a link or a file. */
    Path resolve(String relative) {
        return paths.resolve(relative, "write");
    }

    /** The file's content, or empty when it does not exist; anything but a regular file there is refused. */
    Optional<String> read(String relative) {
        Path file = paths.absolute(relative);
        ConfinedPaths.Inspection inspection = paths.inspect(file, "write");
        if (inspection.problem() != null) {
            throw new InputException(Location.startOf(relative), inspection.problem());
        }
        BasicFileAttributes attributes = inspection.attributes();
        if (attributes == null) {
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            throw new InputException(Location.startOf(relative), "exists but is not a regular file; move it away");
        }
        return Optional.of(content(file, relative, attributes.size()));
    }

    /**
     * A regular file's text. A file too large to be generated output is not read whole: its first line (for
     * the marker) and a note stand for it, which never equal what generate writes.
     */
    private static String content(Path file, String relative, long size) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            if (size > MAX_READ) {
                String head = new String(in.readNBytes(1024), StandardCharsets.UTF_8);
                int newline = head.indexOf('\n');
                return (newline < 0 ? "" : head.substring(0, newline + 1)) + "# (" + size + " bytes, not read)\n";
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                    .decode(java.nio.ByteBuffer.wrap(in.readNBytes(MAX_READ))).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative, e);
        }
    }

    /**
     * Generated files (carrying the marker) under the managed directories, keyed by relative path, and the
     * temporary files of interrupted runs. Files without the marker, links and other special files are not
     * listed: they are the user's.
     */
    Found scan(List<String> managedDirs) {
        Map<String, String> generated = new TreeMap<>();
        List<String> temporaries = new ArrayList<>();
        for (String dir : managedDirs) {
            Path start = resolve(dir);
            if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            for (Path file : InputFiles.regularFiles(start)) {
                String relative = paths.display(file);
                if (OutputFiles.isTemporary(file)) {
                    temporaries.add(relative);
                    continue;
                }
                try {
                    if (Marker.startsFile(file)) {
                        generated.put(relative, content(file, relative, Files.size(file)));
                    }
                } catch (NoSuchFileException e) {
                    // removed meanwhile: nothing to judge
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + relative, e);
                }
            }
        }
        return new Found(generated, temporaries);
    }
}
