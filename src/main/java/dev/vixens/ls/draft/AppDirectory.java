package dev.vixens.ls.draft;

import dev.vixens.ls.descriptor.DescriptorLoader;
import dev.vixens.ls.kustomize.Kustomization;
import dev.vixens.ls.kustomize.KustomizeBase;
import dev.vixens.ls.kustomize.OverlayFinder;
import dev.vixens.ls.kustomize.YamlDoc;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.YamlNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The directory a drafted descriptor goes to, and what {@code init} and {@code import} both read around it: the
 * rule that it lies below the repository's app directories (else generate would never find the descriptor), the
 * refusal to replace a descriptor without {@code --force}, the app's Kustomize base and its overlays (the
 * repository's {@code verify.overlays} patterns, as check builds them) with the namespaces they set. One place, so
 * the two commands cannot drift apart.
 *
 * @param path the absolute directory
 * @param dir the same, relative to the repository root (as shown and as written in messages)
 */
public record AppDirectory(Repository repo, Path path, String dir) {

    public static AppDirectory of(Repository repo, Path absolute) {
        return new AppDirectory(repo, absolute, repo.display(absolute));
    }

    /** Why this directory cannot hold a descriptor generate finds ("is not below ..."), if it cannot. */
    public Optional<String> outsideAppDirs() {
        if (repo.config().appDirs().stream().anyMatch(apps -> dir.startsWith(apps + "/"))) {
            return Optional.empty();
        }
        return Optional.of("is not below the repository's app directories (" + String.join(", ",
                repo.config().appDirs()) + "), so generate would not find its descriptor");
    }

    /** The descriptor's path relative to the repository root. */
    public String descriptorPath() {
        return dir + "/" + DescriptorLoader.FILE_NAME;
    }

    /** Refuses to replace an existing descriptor unless {@code --force} was given. */
    public void refuseExisting(boolean force) {
        if (Files.exists(path.resolve(DescriptorLoader.FILE_NAME)) && !force) {
            throw new InputException(Location.startOf(descriptorPath()), "a descriptor already exists; pass --force"
                    + " to replace it");
        }
    }

    /** {@code <app>/base} when it holds a kustomization. */
    public Optional<Path> baseDir() {
        Path base = path.resolve("base");
        return Kustomization.fileIn(base).isPresent() ? Optional.of(base) : Optional.empty();
    }

    /** The hand-written base read, when the app has one. */
    public Optional<KustomizeBase> base() {
        return baseDir().map(base -> KustomizeBase.read(base, repo.paths()));
    }

    /** The app's overlay directories, sorted. */
    public List<Path> overlays() {
        return OverlayFinder.find(path, repo.config().verify().overlays());
    }

    /** The namespaces the overlays' kustomizations set, in overlay order. */
    public Set<String> overlayNamespaces() {
        Set<String> found = new LinkedHashSet<>();
        for (Path overlay : overlays()) {
            Path file = Kustomization.fileIn(overlay).orElseThrow();
            List<YamlDoc> docs = YamlDoc.readAll(repo.paths().read(file, SourceFile.MAX_MANIFEST_BYTES));
            if (!docs.isEmpty()) {
                YamlNodes.text(docs.get(0).root(), "namespace").ifPresent(found::add);
            }
        }
        return found;
    }

    /** {@code path} relative to this directory's subdirectory {@code from}, with forward slashes. */
    public static String relative(Path from, Path to) {
        return from.relativize(to).toString().replace('\\', '/');
    }
}
