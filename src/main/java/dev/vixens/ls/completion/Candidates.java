package dev.vixens.ls.completion;

import dev.vixens.ls.profile.Profile;
import dev.vixens.ls.profile.ProfileLoader;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What completes at TAB time, asked of the tool then (not baked into the completion script when it is
 * generated, which knew only the apps of the repository it was generated in, and none outside one): the apps
 * and the profiles of the repository the command line names ({@code -C DIR}) or stands in, and the layers
 * (directories) under its first apps directory for {@code init --layer}.
 */
public enum Candidates {
    APPS, PROFILES, LAYERS;

    /** What a candidates class stands for in the generated script, replaced there by a call to the tool. */
    public String token() {
        return "@vixens-ls-complete:" + name().toLowerCase(java.util.Locale.ROOT) + "@";
    }

    /**
     * The candidates for the command line typed so far ({@code words}, as bash's COMP_WORDS), or none when
     * there is no repository or it cannot be read: completion must never print an error into the prompt.
     */
    public List<String> of(List<String> words) {
        try {
            Optional<Repository> repo = repository(words);
            return switch (this) {
                case APPS -> repo.map(r -> r.apps().stream().map(AppRef::name).toList()).orElse(List.of());
                case PROFILES -> (repo.isPresent() ? repo.get().profiles() : ProfileLoader.builtIn()).all().stream()
                        .map(Profile::name).toList();
                case LAYERS -> repo.map(Candidates::layers).orElse(List.of());
            };
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static Optional<Repository> repository(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if ((word.equals("-C") || word.equals("--repo")) && i + 1 < words.size()) {
                return Optional.of(Repository.open(Path.of(words.get(i + 1))));
            }
            if (word.startsWith("--repo=")) {
                return Optional.of(Repository.open(Path.of(word.substring("--repo=".length()))));
            }
        }
        Path root = Repository.findRoot(Path.of(""));
        return root == null ? Optional.empty() : Optional.of(Repository.open(root));
    }

    private static List<String> layers(Repository repo) {
        Path apps = repo.resolve(repo.config().appDirs().get(0));
        try (Stream<Path> entries = Files.list(apps)) {
            return entries.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString()).filter(name -> !name.startsWith("_") && !name.startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
