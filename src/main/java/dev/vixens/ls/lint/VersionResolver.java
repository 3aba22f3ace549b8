package dev.vixens.ls.lint;

import dev.vixens.ls.descriptor.SettingsResolver;
import dev.vixens.ls.litestream.LitestreamVersion;
import dev.vixens.ls.litestream.ReleaseTable;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import java.nio.file.Path;
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

/**
 * Which Litestream release reads a config decides what is wrong with it. In order: {@code
 * --litestream-version}; a kustomization {@code images:} override of {@code litestream/litestream} in a
 * kustomization that builds the config (the outermost one wins, as in kustomize); a
 * {@code litestream/litestream:<tag>} image in the config's own file; else in the nearest directory, going
 * up, whose linted files hold one; else, for a file inside a vixens-ls repository, the repository's
 * {@code defaults.litestream.version}. Images that disagree at the level that decides, or nothing at all,
 * stop the run with a request for {@code --litestream-version}. Only releases of the release table are
 * accepted: a tag it does not know is not guessed from its number.
 */
final class VersionResolver {

    private final Optional<LitestreamVersion> given;
    private final LintInputs inputs;
    private final Map<Path, LitestreamVersion> repositoryDefaults = new HashMap<>();

    VersionResolver(Optional<LitestreamVersion> given, LintInputs inputs) {
        this.given = given;
        this.inputs = inputs;
    }

    /** A version as lint accepts it: a release of the release table (0.5.0 too: lint reads what it reads). */
    static LitestreamVersion parse(String text) {
        return ReleaseTable.get().lookup(text, false, null);
    }

    LitestreamVersion versionOf(FoundConfig config, Location where) {
        if (given.isPresent()) {
            return given.get();
        }
        List<ImageRef> overrides = outermostOverrides(config.path());
        if (!overrides.isEmpty()) {
            return decide(overrides, where, "the kustomizations that build it override litestream/litestream"
                    + " with different tags");
        }
        List<ImageRef> own = images(config.path());
        if (!own.isEmpty()) {
            return decide(own, where, "its file names different litestream/litestream images");
        }
        for (Path dir = config.path().getParent(); dir != null; dir = dir.getParent()) {
            List<ImageRef> near = new ArrayList<>();
            for (Path file : inputs.files.keySet()) {
                if (file.startsWith(dir)) {
                    near.addAll(images(file));
                }
            }
            if (!near.isEmpty()) {
                return decide(near, where, "the nearest litestream/litestream images (in " + dir.getFileName()
                        + "/) disagree");
            }
        }
        Optional<LitestreamVersion> repositoryDefault = repositoryDefault(config.path());
        if (repositoryDefault.isPresent()) {
            return repositoryDefault.get();
        }
        ReleaseTable table = ReleaseTable.get();
        throw new InputException(where, "cannot tell which Litestream version reads this config: no"
                + " litestream/litestream:<tag> image in the linted files; pass --litestream-version (e.g. "
                + table.releases().get(0).version() + " or " + table.newest().version() + ")");
    }

    /** The {@code defaults.litestream.version} of the vixens-ls repository holding {@code file}, if any. */
    private Optional<LitestreamVersion> repositoryDefault(Path file) {
        Path root = Repository.findRoot(file.getParent());
        if (root == null) {
            return Optional.empty();
        }
        return Optional.of(repositoryDefaults.computeIfAbsent(root, r -> SettingsResolver.resolve(
                List.of(Repository.open(r).config().defaults())).litestreamVersion()));
    }

    private List<ImageRef> images(Path file) {
        ReadFile read = inputs.files.get(file);
        return read == null ? List.of() : read.images.stream().filter(i -> !i.override()).toList();
    }

    private LitestreamVersion decide(List<ImageRef> images, Location where, String disagreement) {
        Map<String, ImageRef> byTag = new LinkedHashMap<>();
        for (ImageRef image : images) {
            if (image.tag().isEmpty()) {
                throw new InputException(image.location(), "litestream/litestream without a tag does not name a"
                        + " Litestream version; pin a tag, or pass --litestream-version");
            }
            byTag.putIfAbsent(image.tag(), image);
        }
        Map<String, LitestreamVersion> versions = new LinkedHashMap<>();
        for (ImageRef image : byTag.values()) {
            try {
                versions.putIfAbsent(parse(image.tag()).text(), parse(image.tag()));
            } catch (IllegalArgumentException e) {
                throw new InputException(image.location(), "image tag '" + image.tag() + "': " + e.getMessage()
                        + "; pin a version tag, or pass --litestream-version");
            }
        }
        if (versions.size() > 1) {
            List<String> seen = new ArrayList<>();
            for (ImageRef image : byTag.values()) {
                seen.add(image.tag() + " at " + image.location());
            }
            throw new InputException(where, "cannot tell which Litestream version reads this config: "
                    + disagreement + " (" + String.join(", ", seen) + "); pass --litestream-version");
        }
        return versions.values().iterator().next();
    }

    /** Overrides in the kustomizations building {@code file}, keeping only the outermost ones. */
    private List<ImageRef> outermostOverrides(Path file) {
        Set<Path> ancestors = ancestors(file);
        List<ImageRef> result = new ArrayList<>();
        for (Path kustomization : ancestors) {
            List<ImageRef> overrides = overrides(kustomization);
            if (overrides.isEmpty()) {
                continue;
            }
            boolean shadowed = ancestors(kustomization).stream().anyMatch(a -> !overrides(a).isEmpty());
            if (!shadowed) {
                result.addAll(overrides);
            }
        }
        return result;
    }

    private List<ImageRef> overrides(Path kustomization) {
        ReadFile read = inputs.files.get(kustomization);
        return read == null ? List.of() : read.images.stream().filter(ImageRef::override).toList();
    }

    private Set<Path> ancestors(Path file) {
        Set<Path> seen = new LinkedHashSet<>();
        Deque<Path> queue = new ArrayDeque<>(inputs.includedBy.getOrDefault(file, Set.of()));
        while (!queue.isEmpty()) {
            Path next = queue.poll();
            if (seen.add(next)) {
                queue.addAll(inputs.includedBy.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }
}
