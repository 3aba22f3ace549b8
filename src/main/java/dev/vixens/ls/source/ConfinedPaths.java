package dev.vixens.ls.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that resolves every path the tool reads or writes inside a repository: descriptors, profile
 * files, {@code .vixens-ls.yaml}, the directories it names, generated files, and the files {@code lint} and
 * {@code import} read inside a repository. A path is refused when it leaves the root, when any part of it
 * below the root is a symbolic link (reading included: a link to a credentials file must not bring that
 * file into a message or a job log), or when a part that must be a directory is a file. A refused file is
 * never opened, so its content cannot be echoed.
 *
 * <p>Links above the root (a checkout reached through {@code /home -> /data/home}) are the user's business
 * and are accepted. Directories already found to be plain directories are remembered: thousands of files
 * share a few directories.
 */
public final class ConfinedPaths {

    private final Path root;
    private final Set<Path> plainDirectories = ConcurrentHashMap.newKeySet();

    public ConfinedPaths(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** A path as messages show it: relative to the root, '/'-separated (absolute when outside). */
    public String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (absolute.startsWith(root)) {
            return root.relativize(absolute).toString().replace(root.getFileSystem().getSeparator(), "/");
        }
        return absolute.toString();
    }

    /** The absolute path of a '/'-separated repository-relative one (not checked). */
    public Path absolute(String relative) {
        return root.resolve(relative.replace("/", root.getFileSystem().getSeparator())).normalize();
    }

    /**
     * Resolves a '/'-separated repository-relative path for {@code action} ("write", "read"), refusing
     * anything outside the root, through a link, or below a file.
     *
     * @throws InputException at the path, saying why
     */
    public Path resolve(String relative, String action) {
        Path target = absolute(relative);
        String problem = problem(target, action);
        if (problem != null) {
            throw new InputException(Location.startOf(relative), problem);
        }
        return target;
    }

    /** {@link #resolve} for a path that is already absolute; refused at {@code at}. */
    public Path check(Path path, String action, Location at) {
        Path target = path.toAbsolutePath().normalize();
        String problem = problem(target, action);
        if (problem != null) {
            throw new InputException(at, problem);
        }
        return target;
    }

    /** Reads one of the repository's own files (at most {@link SourceFile#MAX_BYTES}) under the rules above. */
    public SourceFile read(Path path) {
        return read(path, SourceFile.MAX_BYTES);
    }

    public SourceFile read(Path path, int maxBytes) {
        String shown = display(path);
        return SourceFile.read(check(path, "read", Location.startOf(shown)), shown, maxBytes);
    }

    /** Whether {@code path} passes the rules (for paths met while walking, which are skipped, not refused). */
    public boolean allows(Path path) {
        return problem(path.toAbsolutePath().normalize(), "read") == null;
    }

    /**
     * Why {@code target} may not be used, or null. Parts that do not exist yet are fine (a file about to be
     * written); every part that exists must be a plain directory, and the target itself no link.
     */
    public String problem(Path target, String action) {
        return inspect(target, action).problem();
    }

    /**
     * What the rules say about a path, and what it is when they allow it.
     *
     * @param problem why the path may not be used, or null
     * @param attributes the path's own attributes (read without following a link), or null when it does not
     *     exist or is refused
     */
    public record Inspection(String problem, BasicFileAttributes attributes) {
    }

    /** {@link #problem}, and the target's attributes from the same look, so callers need not look again. */
    public Inspection inspect(Path target, String action) {
        if (!target.startsWith(root) || target.equals(root)) {
            return new Inspection("refusing to " + action + " outside the repository root " + root, null);
        }
        Path relative = root.relativize(target);
        Path current = root;
        for (int i = 0; i < relative.getNameCount(); i++) {
            current = current.resolve(relative.getName(i));
            boolean last = i == relative.getNameCount() - 1;
            if (!last && plainDirectories.contains(current)) {
                continue;
            }
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return new Inspection(null, null);
            } catch (IOException e) {
                return new Inspection("cannot " + action + " " + display(current) + ": " + IoReasons.of(e), null);
            }
            if (attributes.isSymbolicLink()) {
                return new Inspection("refusing to " + action + " through the symbolic link " + display(current)
                        + "; vixens-ls never follows a link inside the repository (replace it with the directory or"
                        + " file itself)", null);
            }
            if (last) {
                return new Inspection(null, attributes);
            }
            if (!attributes.isDirectory()) {
                return new Inspection(display(current) + " is a file where a directory is needed; move it away",
                        null);
            }
            plainDirectories.add(current);
        }
        return new Inspection(null, null);
    }
}
