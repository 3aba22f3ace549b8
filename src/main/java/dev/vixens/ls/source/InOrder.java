package dev.vixens.ls.source;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Maps a list on all cores (apps, files: independent items), with the results, and the error reported when
 * several items fail, exactly as a sequential loop would give them: the first failing item in list order wins,
 * so the message a user sees never depends on thread timing.
 */
public final class InOrder {

    /** Below this many items the threads cost more than they save. */
    private static final int PARALLEL_FROM = 16;

    private InOrder() {
    }

    public static <T, R> List<R> map(List<T> items, Function<T, R> function) {
        if (items.size() < PARALLEL_FROM) {
            List<R> results = new ArrayList<>(items.size());
            for (T item : items) {
                results.add(function.apply(item));
            }
            return results;
        }
        Object[] results = new Object[items.size()];
        RuntimeException[] errors = new RuntimeException[items.size()];
        IntStream.range(0, items.size()).parallel().forEach(i -> {
            try {
                results[i] = function.apply(items.get(i));
            } catch (RuntimeException e) {
                errors[i] = e;
            }
        });
        List<R> ordered = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (errors[i] != null) {
                throw errors[i];
            }
            @SuppressWarnings("unchecked")
            R result = (R) results[i];
            ordered.add(result);
        }
        return ordered;
    }
}
