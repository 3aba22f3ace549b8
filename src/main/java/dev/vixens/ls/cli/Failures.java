package dev.vixens.ls.cli;

import dev.vixens.ls.output.RepositoryLock;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.IoReasons;
import dev.vixens.ls.source.Problem;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Turns whatever stopped a command into what the README promises: bad input is exit 2 with one
 * {@code file:line:col: message} line per problem; an I/O failure or a repository held too long by another run is exit 3
 * with its reason ("Permission denied"); anything else is a bug in vixens-ls, exit 3, said in words. No
 * Java class name and no stack trace reaches the user, unless {@code VIXENS_LS_DEBUG} asks for the trace of a
 * bug to report.
 */
final class Failures {

    private Failures() {
    }

    /** Prints what went wrong and returns the exit code. */
    static int report(Throwable failure, PrintWriter err) {
        if (failure instanceof InputException input) {
            input.problems().forEach(problem -> err.println(problem.format()));
            return ExitCodes.INPUT;
        }
        if (failure instanceof RepositoryLock.Timeout timeout) {
            err.println(new Problem(dev.vixens.ls.source.Location.commandLine(), timeout.getMessage()).format());
            return ExitCodes.FAILURE;
        }
        if (failure instanceof UncheckedIOException io) {
            err.println(new Problem(dev.vixens.ls.source.Location.commandLine(), io.getMessage() + ": "
                    + IoReasons.of(io.getCause())).format());
            return ExitCodes.FAILURE;
        }
        err.println(new Problem(dev.vixens.ls.source.Location.commandLine(), "internal error, a bug in vixens-ls ("
                + what(failure) + "); nothing was written after it. Please report it with the command you ran; set"
                + " VIXENS_LS_DEBUG=1 to print the details").format());
        if (System.getenv("VIXENS_LS_DEBUG") != null) {
            failure.printStackTrace(err);
        }
        return ExitCodes.FAILURE;
    }

    /** The failure in words, without Java's names for it. */
    private static String what(Throwable failure) {
        if (failure instanceof StackOverflowError) {
            return "it ran out of stack";
        }
        if (failure instanceof OutOfMemoryError) {
            return "it ran out of memory";
        }
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return "an unexpected failure";
        }
        String line = message.strip().lines().findFirst().orElse("");
        // Java's own messages name classes ("java.lang.Foo cannot be cast to ..."): keep only the words
        line = line.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*", "a value");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
