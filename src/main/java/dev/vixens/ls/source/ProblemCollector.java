package dev.vixens.ls.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every problem of a run, not just the first: a user fixing ten broken descriptors should see ten lines at
 * once, not one per run. Sorted by file, line and column (command-line problems first), duplicates dropped,
 * and bounded: after {@value #MAX_SHOWN} problems one line says how many more there are, so a repository of
 * generated junk cannot flood a terminal. Thread-safe, since apps are loaded and planned in parallel.
 */
public final class ProblemCollector {

    /** At most this many problems are printed. */
    public static final int MAX_SHOWN = 50;

    private static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> p.location().file())
            .thenComparingInt(p -> p.location().line())
            .thenComparingInt(p -> p.location().column())
            .thenComparing(Problem::message);

    private final List<Problem> problems = new ArrayList<>();

    /** The value {@code step} returns, or empty when it stopped on bad input (whose problems are kept). */
    public <T> Optional<T> attempt(Supplier<T> step) {
        try {
            return Optional.of(step.get());
        } catch (InputException e) {
            add(e);
            return Optional.empty();
        }
    }

    public synchronized void add(InputException e) {
        problems.addAll(e.problems());
    }

    public synchronized boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Stops the run with every problem collected, if there is any. */
    public synchronized void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        List<Problem> sorted = problems.stream().distinct().sorted(ORDER).toList();
        if (sorted.size() <= MAX_SHOWN) {
            throw new InputException(sorted);
        }
        List<Problem> shown = new ArrayList<>(sorted.subList(0, MAX_SHOWN));
        shown.add(new Problem(Location.commandLine(), (sorted.size() - MAX_SHOWN) + " more problems not shown;"
                + " fix these first"));
        throw new InputException(shown);
    }
}
