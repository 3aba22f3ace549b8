package dev.vixens.ls.importer.dataangel;

import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one line of the user's own manifests that the DataAngel migration changes: the
 * {@code dataangel.io/sqlite-paths} annotation, set to {@code ""} in place. It is a line edit, not a patch:
 * an overlay applies its own patches after its Components, so no Component could override the value the
 * overlay writes; and editing the line keeps every comment and the layout of the file. The old value stays
 * in a comment on that line, so the move is reversible by hand.
 */
final class SqlitePathsEdit {

    static final String KEY = DataAngelPod.PREFIX + "sqlite-paths";
    /** A one-line scalar value: quoted, or plain (not a block scalar, which spans lines). */
    private static final Pattern LINE = Pattern.compile(
            "^(\\s*)([\"']?)" + Pattern.quote(KEY) + "\\2(\\s*:\\s*)(\"[^\"]*\"|'[^']*'|[^\\s|>&*!#\"'][^#]*?)?(\\s*#.*)?$");

    /** @param file the repository-relative path of the edited file */
    record Edit(String file, String text, Location at) {
    }

    private SqlitePathsEdit() {
    }

    /** The first file of {@code dirs} that sets the annotation, with the annotation emptied. */
    static Optional<Edit> find(Repository repo, List<Path> dirs) {
        for (Path dir : dirs) {
            for (Path file : DataAngelOverlays.yamlFiles(dir)) {
                SourceFile source = repo.paths().read(file, SourceFile.MAX_MANIFEST_BYTES);
                List<String> lines = source.lines();
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = LINE.matcher(lines.get(i));
                    if (!m.matches()) {
                        continue;
                    }
                    String old = m.group(4) == null ? "" : m.group(4).strip();
                    String edited = m.group(1) + m.group(2) + KEY + m.group(2) + ": \"\"  # was " + old
                            + ": the databases moved to Litestream (vixens-backup.yaml), DataAngel keeps the files";
                    List<String> out = new ArrayList<>(lines);
                    out.set(i, edited);
                    return Optional.of(new Edit(repo.display(file), String.join("\n", out),
                            source.at(i + 1, m.group(1).length() + 1)));
                }
            }
        }
        return Optional.empty();
    }

    /** Where the first file of {@code dirs} writes {@code key} (a whole annotation name), for the report. */
    static Optional<Location> locate(Repository repo, List<Path> dirs, String key) {
        Pattern line = Pattern.compile("^(\\s*)[\"']?" + Pattern.quote(key) + "[\"']?\\s*:.*$");
        for (Path dir : dirs) {
            for (Path file : DataAngelOverlays.yamlFiles(dir)) {
                SourceFile source = repo.paths().read(file, SourceFile.MAX_MANIFEST_BYTES);
                List<String> lines = source.lines();
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = line.matcher(lines.get(i));
                    if (m.matches()) {
                        return Optional.of(source.at(i + 1, m.group(1).length() + 1));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
