package dev.vixens.ls.init;

import java.util.List;

/**
 * The descriptor init will write, and how it decided.
 *
 * @param notes where values came from (the base, prompts, defaults)
 */
public record InitPlan(String app, String path, String descriptor, List<Choice> databases, List<String> notes,
        List<String> nextSteps) {

    public InitPlan {
        databases = List.copyOf(databases);
        notes = List.copyOf(notes);
        nextSteps = List.copyOf(nextSteps);
    }

    public record Choice(String path, String profile, String why) {
    }
}
