package dev.vixens.ls.litestream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.Goldens;
import dev.vixens.ls.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/litestream-releases.md} shows the release table as tables: below its marker line, the page is
 * rendered from the table, so it cannot say anything the product does not do. Rewrite it with
 * {@code scripts/update-goldens} after changing the table, and review the diff.
 */
@Tag(Goldens.TAG)
class ReleaseDocsTest {

    static final String MARKER = "<!-- Everything below is rendered from src/main/resources/litestream/releases.tsv"
            + " by ReleaseDocsTest; regenerate it with " + Goldens.UPDATE_COMMAND + ". -->";

    private static final ReleaseTable TABLE = ReleaseTable.get();

    @Test
    void theReleasesPageShowsTheReleaseTable() throws IOException {
        Path page = ProjectFiles.root().resolve("docs/litestream-releases.md");
        String text = Files.readString(page);
        int at = text.indexOf(MARKER);
        assertThat(at).as("the marker line in " + page).isNotNegative();
        String expected = text.substring(0, at) + MARKER + "\n" + render();
        if (Boolean.getBoolean(Goldens.UPDATE_PROPERTY)) {
            Files.writeString(page, expected);
        }
        assertThat(Files.readString(page)).as("%s (regenerate with %s)", page, Goldens.UPDATE_COMMAND)
                .isEqualTo(expected);
    }

    static String render() {
        StringBuilder out = new StringBuilder();
        out.append("\n## Releases\n\n");
        out.append("| release | date | dialect | replica layout | restore reads | snapshot settings | missing replica"
                + " | new in this release |\n|---|---|---|---|---|---|---|---|\n");
        Release previous = null;
        for (Release r : TABLE.releases()) {
            out.append("| ").append(r.version()).append(" | ").append(r.date()).append(" | ").append(r.dialect())
                    .append(" | ").append(r.layout().description()).append(" | ")
                    .append(String.join(" + ", r.restoreReads().stream().map(ReplicaLayout::description).toList()))
                    .append(" | ").append(placement(r.snapshotPlacement())).append(" | ")
                    .append(r.tellsMissingReplicaApart() ? "exit 0, no file (`-if-replica-exists`)"
                            : "**not told apart**: refused by generate")
                    .append(" | ").append(changes(previous, r)).append(" |\n");
            previous = r;
        }
        out.append("\nWhat vixens-ls writes or passes because a release offers it:\n\n");
        out.append("- from ").append(TABLE.readers(Level.TOP, "snapshot").get(0).version())
                .append(": one process per (snapshot interval, retention)\n");
        for (Release r : TABLE.releases()) {
            Release before = TABLE.releases().get(Math.max(0, r.index() - 1));
            for (Level level : Level.values()) {
                r.writes(level).forEach((key, value) -> {
                    if (r.index() == 0 || !value.equals(before.writes(level).get(key))) {
                        out.append("- from ").append(r.version()).append(": `").append(key).append(": ").append(value)
                                .append("` ").append(level.phrase()).append('\n');
                    }
                });
            }
        }
        out.append("- where `restore -integrity-check` exists: `-integrity-check full` on the start-up restore of a"
                + " database whose profile checks integrity\n");
        out.append("\nThe sidecar's time to ship its last writes after SIGTERM (`Release.secondsToShipLastWrites`):");
        Set<String> budgets = new LinkedHashSet<>();
        for (Release r : TABLE.releases()) {
            budgets.add(r.secondsToShipLastWrites() + " s");
        }
        out.append(' ').append(String.join(", ", budgets)).append(" on every release.\n");

        out.append("\n## Keys, level by level\n\n| level | key | type | read by |\n|---|---|---|---|\n");
        for (Level level : Level.values()) {
            for (String key : new TreeSet<>(TABLE.everyKey(level))) {
                List<Release> readers = TABLE.readers(level, key);
                String type = readers.get(readers.size() - 1).type(level, key).orElseThrow().name()
                        .toLowerCase(java.util.Locale.ROOT);
                out.append("| ").append(level.tableName()).append(" | `").append(key).append("` | ").append(type)
                        .append(" | ").append(TABLE.describe(readers)).append(" |\n");
            }
        }
        out.append("\nLevels where a release takes storage-specific keys beyond these (lint then reports an unlisted"
                + " key only when it looks like a typo): ");
        List<String> open = new ArrayList<>();
        for (Level level : Level.values()) {
            List<Release> readers = TABLE.releases().stream().filter(r -> !r.listsEveryKey(level)).toList();
            if (!readers.isEmpty()) {
                open.add(level.tableName() + " (" + TABLE.describe(readers) + ")");
            }
        }
        out.append(String.join(", ", open)).append(".\n");

        out.append("\n## Flags\n\n| command | flag | releases |\n|---|---|---|\n");
        for (Command command : Command.values()) {
            Set<String> flags = new TreeSet<>();
            TABLE.releases().forEach(r -> flags.addAll(r.flags(command)));
            for (String flag : flags) {
                out.append("| ").append(command.text()).append(" | `").append(flag).append("` | ")
                        .append(TABLE.describe(TABLE.releases().stream().filter(r -> r.has(command, flag)).toList()))
                        .append(" |\n");
            }
        }

        out.append("\n## Behaviour\n\n| fact | releases |\n|---|---|\n");
        for (Behaviour behaviour : Behaviour.values()) {
            out.append("| ").append(behaviour.tableName()).append(" | ")
                    .append(TABLE.describe(TABLE.releases().stream().filter(r -> r.has(behaviour)).toList()))
                    .append(" |\n");
        }

        out.append("\n## Metrics\n\n| series | releases |\n|---|---|\n");
        Set<String> metrics = new TreeSet<>();
        TABLE.releases().forEach(r -> metrics.addAll(r.metrics()));
        for (String metric : metrics) {
            out.append("| `").append(metric).append("` | ")
                    .append(TABLE.describe(TABLE.releases().stream().filter(r -> r.metrics().contains(metric))
                            .toList())).append(" |\n");
        }
        return out.toString();
    }

    private static String placement(SnapshotPlacement placement) {
        return switch (placement) {
            case REPLICA -> "per replica";
            case TOP -> "top-level `snapshot:`";
            case DATABASE -> "`snapshot:` per database";
        };
    }

    /** What the release reads or does that its predecessor did not, and what it no longer does. */
    private static String changes(Release previous, Release r) {
        if (previous == null) {
            return "(first release of the table)";
        }
        List<String> parts = new ArrayList<>();
        for (Level level : Level.values()) {
            for (String key : r.keys(level)) {
                if (!previous.reads(level, key)) {
                    parts.add("+" + level.tableName() + " `" + key + "`");
                } else if (!previous.type(level, key).equals(r.type(level, key))) {
                    parts.add(level.tableName() + " `" + key + "` now a " + r.type(level, key).orElseThrow().name()
                            .toLowerCase(java.util.Locale.ROOT));
                }
            }
            for (String key : previous.keys(level)) {
                if (!r.reads(level, key)) {
                    parts.add("−" + level.tableName() + " `" + key + "`");
                }
            }
        }
        for (Command command : Command.values()) {
            r.flags(command).stream().filter(f -> !previous.has(command, f)).sorted()
                    .forEach(f -> parts.add("+" + command.text() + " `" + f + "`"));
            previous.flags(command).stream().filter(f -> !r.has(command, f)).sorted()
                    .forEach(f -> parts.add("−" + command.text() + " `" + f + "`"));
        }
        for (Behaviour behaviour : Behaviour.values()) {
            if (r.has(behaviour) != previous.has(behaviour)) {
                parts.add((r.has(behaviour) ? "+" : "−") + behaviour.tableName());
            }
        }
        r.metrics().stream().filter(m -> !previous.metrics().contains(m)).sorted()
                .forEach(m -> parts.add("+`" + m + "`"));
        previous.metrics().stream().filter(m -> !r.metrics().contains(m)).sorted()
                .forEach(m -> parts.add("−`" + m + "`"));
        return parts.isEmpty() ? "nothing noted" : String.join(", ", parts);
    }
}
