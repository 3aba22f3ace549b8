package dev.vixens.ls.output;

import java.util.List;

/**
 * Everything one run would write, and the directories it owns: a file carrying the marker inside a
 * managed directory that is not in {@code files} is stale and gets deleted (or reported by check).
 */
public record GenerationOutput(List<GeneratedFile> files, List<String> managedDirs) {

    public GenerationOutput {
        files = List.copyOf(files);
        managedDirs = List.copyOf(managedDirs);
    }

    /** The same files, with more directories whose marked files are stale unless generated. */
    public GenerationOutput managingAlso(List<String> more) {
        List<String> all = new java.util.ArrayList<>(managedDirs);
        all.addAll(more);
        return new GenerationOutput(files, all);
    }
}
