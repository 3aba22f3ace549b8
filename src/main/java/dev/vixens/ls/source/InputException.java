package dev.vixens.ls.source;

import java.util.List;

/**
 * Bad input: the command stops before writing anything and prints the problem(s). Carries values, not a
 * stack trace; the command line turns it into exit code 2. One run may carry several problems (every bad
 * descriptor of a {@code generate --all}, see {@link ProblemCollector}), printed one line each.
 */
public final class InputException extends RuntimeException {

    private final transient List<Problem> problems;

    public InputException(Problem problem) {
        this(List.of(problem));
    }

    public InputException(Location location, String message) {
        this(new Problem(location, message));
    }

    /** Several problems, in the order they are printed; never empty. */
    public InputException(List<Problem> problems) {
        super(problems.get(0).format(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** The first problem (the only one, for a failure found alone). */
    public Problem problem() {
        return problems.get(0);
    }

    public List<Problem> problems() {
        return problems;
    }
}
