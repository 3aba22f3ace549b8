package dev.vixens.ls.lint;

import dev.vixens.ls.kustomize.Kustomization;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The files one {@code lint} run reads: each file named, every {@code *.yml}/{@code *.yaml} below each
 * directory named (hidden directories skipped), and, from every kustomization among them, the local files
 * and directories it builds from (resources, components, patches, generator files), so that linting an
 * overlay reaches its base and Components. Nothing is run and nothing remote is fetched.
 */
final class LintInputs {

    private record Pending(Path path, boolean explicit) {
    }

    /** Files by real path, in the order read. */
    final Map<Path, ReadFile> files = new LinkedHashMap<>();
    /** For each file, the kustomizations that build from it directly. */
    final Map<Path, Set<Path>> includedBy = new LinkedHashMap<>();
    private final Function<Path, String> display;
    private final Deque<Pending> queue = new ArrayDeque<>();

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
        if (!Files.exists(argument)) {
            throw new InputException(Location.startOf(display.apply(argument)), "no such file or directory");
        }
        if (Files.isDirectory(argument)) {
            for (Path file : walk(argument)) {
                queue.add(new Pending(file, false));
            }
        } else {
            queue.add(new Pending(argument, true));
        }
    }

    private void drain() {
        while (!queue.isEmpty()) {
            Pending next = queue.poll();
            Path real = real(next.path());
            if (files.containsKey(real)) {
                continue;
            }
            ReadFile file = readOne(real, next.explicit());
            files.put(real, file);
            Map<Path, String> generated = new LinkedHashMap<>(file.generatedInto);
            file.generatedInto.clear();
            generated.forEach((target, group) -> file.generatedInto.put(real(target), group));
            for (Path reference : file.references) {
                Path target = Files.isDirectory(reference) ? Kustomization.fileIn(reference).orElse(null) : reference;
                if (target == null || !Files.isRegularFile(target) || !isYaml(target)) {
                    continue;
                }
                Path realTarget = real(target);
                includedBy.computeIfAbsent(realTarget, k -> new LinkedHashSet<>()).add(real);
                queue.add(new Pending(realTarget, false));
            }
        }
    }

    private ReadFile readOne(Path path, boolean explicit) {
        String name = display.apply(path);
        try {
            return ManifestReader.read(SourceFile.read(path, name), path, explicit);
        } catch (InputException e) {
            ReadFile unreadable = new ReadFile(path);
            Location at = e.problem().location();
            unreadable.findings.add(explicit ? Finding.of(Rule.INVALID_YAML, at, e.problem().message())
                    : new Finding(at, Severity.WARNING, Rule.INVALID_YAML, e.problem().message() + "; skipped"));
            return unreadable;
        }
    }

    static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.equals("Kustomization");
    }

    private static List<Path> walk(Path dir) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String name = d.getFileName() == null ? "" : d.getFileName().toString();
                    return !d.equals(dir) && name.startsWith(".") ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isYaml(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        found.sort(null);
        return found;
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
