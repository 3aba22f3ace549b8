package dev.vixens.ls.recommend;

import java.util.List;
import java.util.Optional;

/**
 * The profile the decision tree chose and the reason for each of its steps, in the ADR's order.
 *
 * @param guessed true when no question was answered and the profile is only the default
 */
public record Recommendation(String profile, List<Step> steps, boolean guessed) {

    public Recommendation {
        steps = List.copyOf(steps);
    }

    /** Why, in one line for a descriptor comment: the answers that asked for a profile. */
    public String why() {
        return "decision tree: " + String.join("; ", steps.stream().filter(s -> s.demands().isPresent())
                .map(s -> s.answer() + " -> " + s.demands().get()).toList());
    }

    /**
     * One step of the tree.
     *
     * @param question the ADR's question
     * @param answer what was given, or "not given"
     * @param demands the profile this answer asks for, empty when the step was skipped
     * @param reason why, in the ADR's words
     */
    public record Step(int number, String question, String answer, Optional<String> demands, String reason) {
    }
}
