package dev.vixens.ls.importer;

import dev.vixens.ls.importer.OldLitestreamConfig.OldDatabase;
import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which databases the descriptor declares: those the old Litestream config replicates, those a recognised
 * cache cleanup deletes at start (ephemeral), and absolute paths the user adds with {@code --profile}.
 */
final class DatabaseDetection {

    private DatabaseDetection() {
    }

    /**
     * @param mountPath the data volume's mount path: a database outside it cannot be declared
     * @param profiles the {@code --profile} keys and values
     */
    static List<FoundDatabase> find(OldLitestreamConfig old, Map<ContainerView, ContainerRole> roles,
            String mountPath, Map<String, String> profiles) {
        List<FoundDatabase> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (OldDatabase db : old.databases()) {
            if (!seen.add(db.path())) {
                throw new InputException(db.at(), db.path() + " is listed twice in the Litestream config");
            }
            out.add(new FoundDatabase(db.path(), db.at(), db.replica(), ""));
        }
        for (Map.Entry<ContainerView, ContainerRole> entry : roles.entrySet()) {
            if (entry.getValue() != ContainerRole.EPHEMERAL_CLEANUP) {
                continue;
            }
            ContainerView c = entry.getKey();
            for (String path : ScriptFacts.of(c.script()).databases()) {
                if (path.startsWith(mountPath + "/") && seen.add(path)) {
                    out.add(new FoundDatabase(path, c.at(), Optional.empty(), c.name()));
                }
            }
        }
        for (String key : profiles.keySet()) {
            if (key.startsWith("/") && !seen.contains(key)) {
                if (!key.startsWith(mountPath + "/")) {
                    throw new InputException(Location.commandLine(), "--profile " + key + ": not below"
                            + " the data volume mounted at " + mountPath);
                }
                seen.add(key);
                out.add(new FoundDatabase(key, Location.commandLine(), Optional.empty(), "--profile"));
            }
        }
        return out;
    }
}
