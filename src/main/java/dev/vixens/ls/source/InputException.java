package dev.vixens.ls.source;

/**
 * Bad input: the command stops before writing anything and prints the problem. Carries a value, not a
 * stack trace; the command line turns it into exit code 2.
 */
public final class InputException extends RuntimeException {

    private final transient Problem problem;

    public InputException(Problem problem) {
        super(problem.format(), null, false, false);
        this.problem = problem;
    }

    public InputException(Location location, String message) {
        this(new Problem(location, message));
    }

    public Problem problem() {
        return problem;
    }
}
