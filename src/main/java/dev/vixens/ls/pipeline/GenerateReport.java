package dev.vixens.ls.pipeline;

import dev.vixens.ls.output.OutputWriter.Change;
import java.util.List;

/**
 * What a {@code generate} run did and has to say, for the command to print.
 *
 * @param changes every file written, left unchanged or deleted (stdout, one line each)
 * @param notes hints and warnings (stderr, one line each, in order)
 */
public record GenerateReport(List<Change> changes, List<String> notes) {

    public GenerateReport {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }
}
