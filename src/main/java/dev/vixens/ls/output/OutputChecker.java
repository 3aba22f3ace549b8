package dev.vixens.ls.output;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The check stage: compares what generate would write with what is on disk, without writing anything.
 * Missing, edited and stale generated files all count, each reported as a unified diff from the disk
 * ({@code a/}) to the generated content ({@code b/}).
 */
public final class OutputChecker {

    public enum Kind { MISSING, CHANGED, STALE }

    public record Difference(Kind kind, String path, String diff) {
    }

    private OutputChecker() {
    }

    public static List<Difference> check(Path root, GenerationOutput output) {
        OutputTree tree = new OutputTree(root);
        List<Difference> differences = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        for (GeneratedFile file : output.files()) {
            planned.add(file.path());
            Optional<String> existing = tree.read(file.path());
            if (existing.isEmpty()) {
                differences.add(new Difference(Kind.MISSING, file.path(), diff(null, file.path(), "", file.content())));
            } else if (!existing.get().equals(file.content())) {
                differences.add(new Difference(Kind.CHANGED, file.path(),
                        diff(file.path(), file.path(), existing.get(), file.content())));
            }
        }
        for (Map.Entry<String, String> existing : tree.scan(output.managedDirs()).generated().entrySet()) {
            if (!planned.contains(existing.getKey())) {
                differences.add(new Difference(Kind.STALE, existing.getKey(),
                        diff(existing.getKey(), null, existing.getValue(), "")));
            }
        }
        return differences;
    }

    /**
     * The differing files that generate would refuse to overwrite because they carry no marker: a user's file
     * in the way, which "run generate" alone cannot fix.
     */
    public static List<String> notGenerated(Path root, List<Difference> differences) {
        OutputTree tree = new OutputTree(root);
        return differences.stream().filter(d -> d.kind() == Kind.CHANGED)
                .filter(d -> tree.read(d.path()).map(text -> !Marker.carries(text)).orElse(false))
                .map(Difference::path).toList();
    }

    static String diff(String before, String after, String oldText, String newText) {
        List<String> oldLines = lines(oldText);
        List<String> newLines = lines(newText);
        Patch<String> patch = DiffUtils.diff(oldLines, newLines);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(
                before == null ? "/dev/null" : "a/" + before,
                after == null ? "/dev/null" : "b/" + after,
                oldLines, patch, 3);
        StringBuilder out = new StringBuilder();
        for (String line : unified) {
            out.append(line).append('\n');
        }
        if (!oldText.isEmpty() && !oldText.endsWith("\n") && !newText.equals(oldText)) {
            out.append("\\ No newline at end of file (on disk)\n");
        }
        return out.toString();
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String[] parts = text.split("\n", -1);
        int count = text.endsWith("\n") ? parts.length - 1 : parts.length;
        return Arrays.asList(parts).subList(0, count);
    }
}
