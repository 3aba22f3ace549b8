package dev.vixens.ls.kustomize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The names kustomize accepts for a kustomization file, in the order it looks for them. One place, because
 * import, lint and check all find kustomizations, and the fast check must know every name whose appearance
 * changes a build.
 */
public final class Kustomization {

    public static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml",
            "Kustomization");

    private Kustomization() {
    }

    /** The kustomization file in {@code dir}, if any. */
    public static Optional<Path> fileIn(Path dir) {
        return FILE_NAMES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }

    public static boolean isKustomizationFile(Path file) {
        return file.getFileName() != null && FILE_NAMES.contains(file.getFileName().toString());
    }
}
