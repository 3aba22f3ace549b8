package dev.vixens.ls.importer;

import dev.vixens.ls.recommend.Answers;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code import APP_DIR}.
 *
 * @param profiles {@code --profile DB=PROFILE}: DB is a database path, file name or short name
 * @param answers the decision-tree answers for databases without a {@code --profile} and not cache-like
 * @param rewriteKustomization also write the migration Component and add it to the overlays
 * @param runAs {@code --run-as UID[:GID]}: the generated containers run as this user instead of the old one
 */
public record ImportRequest(Path appDir, Map<String, String> profiles, Answers answers, Optional<String> namespace,
        boolean force, boolean rewriteKustomization, Optional<String> runAs) {

    public ImportRequest {
        profiles = Map.copyOf(profiles);
    }
}
