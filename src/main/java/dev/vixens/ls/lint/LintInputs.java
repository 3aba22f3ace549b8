package dev.vixens.ls.lint;

import dev.vixens.ls.kustomize.Kustomization;
import dev.vixens.ls.source.ConfinedPaths;
import dev.vixens.ls.source.InOrder;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.InputFiles;
import dev.vixens.ls.source.IoReasons;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The files one {@code lint} run reads: each file named, every {@code *.yml}/{@code *.yaml} below each
 * directory named (hidden directories skipped), and, from every kustomization among them, the local files
 * and directories it builds from (resources, components, patches, generator files), so that linting an
 * overlay reaches its base and Components. Nothing is run and nothing remote is fetched.
 *
 * <p>Inside a repository (the nearest directory at or above a named path holding {@code .vixens-ls.yaml} or
 * {@code .git}) lint follows the repository rules of {@link ConfinedPaths}: nothing outside that root and
 * nothing through a symbolic link, so a pull request that adds one link cannot make lint print a file of the
 * CI runner. A path named on the command line outside every repository is read as named (links included:
 * the user chose it). Only regular files are ever opened (a FIFO or {@code /dev/zero} would block or never
 * end). A named path that cannot be read is bad input (exit 2); a file met on the way that is not read is a
 * {@code not-read} warning.
 */
final class LintInputs {

    private static final List<String> ROOT_MARKERS = List.of(".vixens-ls.yaml", ".git");

    /**
     * @param root the repository the file was reached in, empty outside every repository
     */
    private record Pending(Path path, boolean explicit, Optional<Path> root) {
    }

    /** Files by real path, in the order read. */
    final Map<Path, ReadFile> files = new LinkedHashMap<>();
    /** For each file, the kustomizations that build from it directly. */
    final Map<Path, Set<Path>> includedBy = new LinkedHashMap<>();
    private final Function<Path, String> display;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private final Map<Path, ConfinedPaths> repositories = new HashMap<>();

    private LintInputs(Function<Path, String> display) {
        this.display = display;
    }

    static LintInputs read(List<Path> arguments, Function<Path, String> display) {
        LintInputs inputs = new LintInputs(display);
        for (Path argument : arguments) {
            inputs.argument(argument);
        }
        inputs.drain();
        return inputs;
    }

    private void argument(Path argument) {
        Path path = argument.toAbsolutePath().normalize();
        Location at = Location.startOf(display.apply(argument));
        BasicFileAttributes attributes = attributes(path, at);
        Optional<Path> root = repositoryOf(attributes.isDirectory() ? path : path.getParent());
        if (root.isPresent() && !path.equals(root.get())) {
            String problem = confinement(root.get()).problem(path, "read");
            if (problem != null) {
                throw new InputException(at, problem);
            }
        } else if (root.isEmpty() && attributes.isSymbolicLink()) {
            path = realPath(path, at);
            attributes = attributes(path, at);
        }
        if (attributes.isDirectory()) {
            walk(path, root);
            return;
        }
        String kind = SourceFile.kindProblem(attributes);
        if (kind != null) {
            throw new InputException(at, kind);
        }
        queue.add(new Pending(path, true, root));
    }

    /**
     * Reads the queue wave by wave: the files of a wave are parsed on all cores, then kept and followed in
     * queue order, so the files, their order and every finding are those of reading them one by one.
     */
    private void drain() {
        while (!queue.isEmpty()) {
            Map<Path, Pending> wave = new LinkedHashMap<>();
            while (!queue.isEmpty()) {
                Pending next = queue.poll();
                if (!files.containsKey(next.path())) {
                    wave.putIfAbsent(next.path(), next);
                }
            }
            List<Pending> pending = List.copyOf(wave.values());
            List<ReadFile> read = InOrder.map(pending, this::readOne);
            for (int i = 0; i < pending.size(); i++) {
                ReadFile file = read.get(i);
                files.put(pending.get(i).path(), file);
                for (ReadFile.Reference reference : file.references) {
                    follow(file, reference, pending.get(i).root());
                }
            }
        }
    }

    /** A local file or directory a kustomization builds from, read when the rules allow. */
    private void follow(ReadFile from, ReadFile.Reference reference, Optional<Path> root) {
        Path path = reference.path();
        if (root.isPresent()) {
            String problem = confinement(root.get()).problem(path, "read");
            if (problem != null) {
                from.findings.add(Finding.of(Rule.NOT_READ, reference.location(), display.apply(path) + " is not"
                        + " read: " + problem));
                return;
            }
        }
        Path target = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? Kustomization.fileIn(path).orElse(null) : path;
        if (target == null || !isYaml(target) || !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            from.findings.add(Finding.of(Rule.NOT_READ, reference.location(), display.apply(target) + " is not"
                    + " read: it " + SourceFile.kindProblem(attributesOrNull(target))));
            return;
        }
        includedBy.computeIfAbsent(target, k -> new LinkedHashSet<>()).add(from.path);
        queue.add(new Pending(target, false, root));
    }

    private ReadFile readOne(Pending pending) {
        Path path = pending.path();
        String name = display.apply(path);
        try {
            return ManifestReader.read(SourceFile.read(path, name, SourceFile.MAX_MANIFEST_BYTES), path,
                    pending.explicit());
        } catch (InputException e) {
            ReadFile unreadable = new ReadFile(path);
            Location at = e.problem().location();
            unreadable.findings.add(pending.explicit() ? Finding.of(Rule.INVALID_YAML, at, e.problem().message())
                    : new Finding(at, Severity.WARNING, Rule.INVALID_YAML, e.problem().message() + "; skipped"));
            return unreadable;
        }
    }

    static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.equals("Kustomization");
    }

    /** Every YAML file below {@code dir}, never through a link; links and special files become warnings. */
    private void walk(Path dir, Optional<Path> root) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new InputFiles.Walk() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String name = d.getFileName() == null ? "" : d.getFileName().toString();
                    return !d.equals(dir) && name.startsWith(".") ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isYaml(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + display.apply(dir), e);
        }
        found.sort(null);
        for (Path file : found) {
            BasicFileAttributes attributes = attributesOrNull(file);
            if (attributes != null && attributes.isRegularFile()) {
                queue.add(new Pending(file, false, root));
            } else if (attributes != null && !attributes.isDirectory()) {
                ReadFile skipped = new ReadFile(file);
                skipped.findings.add(Finding.of(Rule.NOT_READ, Location.startOf(display.apply(file)), "not read: it "
                        + SourceFile.kindProblem(attributes)));
                files.put(file, skipped);
            }
        }
    }

    /** The repository a path lies in: the nearest directory at or above it with .vixens-ls.yaml or .git. */
    private static Optional<Path> repositoryOf(Path dir) {
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            for (String marker : ROOT_MARKERS) {
                if (Files.exists(candidate.resolve(marker), LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private ConfinedPaths confinement(Path root) {
        return repositories.computeIfAbsent(root, ConfinedPaths::new);
    }

    private static BasicFileAttributes attributes(Path path, Location at) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new InputException(at, "no such file or directory");
        } catch (IOException e) {
            throw new InputException(at, "cannot read: " + IoReasons.of(e));
        }
    }

    private static BasicFileAttributes attributesOrNull(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    private static Path realPath(Path path, Location at) {
        try {
            return path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new InputException(at, "is a symbolic link to nothing (its target does not exist)");
        } catch (IOException e) {
            throw new InputException(at, "cannot read: " + IoReasons.of(e));
        }
    }
}
