package dev.vixens.ls.init;

import dev.vixens.ls.recommend.Answers;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One {@code init APP}. Everything but the app name is optional: what is missing comes from the app's base
 * (when it has one), from prompts at a terminal, or is an error.
 *
 * @param dir the app directory ({@code --dir}), as given on the command line
 * @param layer the layer directory below the first apps directory ({@code --layer})
 * @param answers the decision-tree answers for databases given without a profile
 */
public record InitRequest(String app, Optional<Path> dir, Optional<String> layer, Optional<String> namespace,
        Optional<String> kind, Optional<String> workloadName, Optional<String> container, Optional<String> volume,
        Optional<String> mountPath, List<DatabaseSpec> databases, Answers answers, Optional<Long> uid,
        Optional<Long> gid, boolean fixPermissions, boolean force) {

    public InitRequest {
        databases = List.copyOf(databases);
    }

    /** {@code --db PATH[=PROFILE]}. */
    public record DatabaseSpec(String path, Optional<String> profile) {

        public static DatabaseSpec parse(String text) {
            int eq = text.lastIndexOf('=');
            if (eq > 0) {
                return new DatabaseSpec(text.substring(0, eq), Optional.of(text.substring(eq + 1)));
            }
            return new DatabaseSpec(text, Optional.empty());
        }
    }
}
