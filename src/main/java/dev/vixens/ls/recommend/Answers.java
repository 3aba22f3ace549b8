package dev.vixens.ls.recommend;

import dev.vixens.ls.profile.GoDuration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What is known about one database, as the questions of ADR-014's decision tree. Any answer may be
 * missing; {@link Recommender} says which steps it could not take.
 *
 * @param cache whether the database holds cache or temporary data that can be regenerated
 * @param lossTolerance the most recent history one could afford to lose
 * @param writesPerHour measured or estimated write activity
 */
public record Answers(boolean cache, Optional<GoDuration> lossTolerance, OptionalDouble writesPerHour,
        Optional<Criticality> criticality) {

    public static final Answers NONE = new Answers(false, Optional.empty(), OptionalDouble.empty(), Optional.empty());

    public static Answers cacheData() {
        return new Answers(true, Optional.empty(), OptionalDouble.empty(), Optional.empty());
    }

    public static Answers writesPerHour(double writes) {
        return new Answers(false, Optional.empty(), OptionalDouble.of(writes), Optional.empty());
    }

    /**
     * A writes-per-hour answer as typed (flag or terminal): the one rule for both, a finite number, zero or more.
     *
     * @param example appended to the not-a-number message (the terminal shows one; the flag's help already does)
     */
    public static double parseWritesPerHour(String text, String example) {
        double writes;
        try {
            writes = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number of writes per hour" + example);
        }
        if (!(writes >= 0) || Double.isInfinite(writes)) {
            throw new IllegalArgumentException("'" + text + "' must be zero or more writes per hour");
        }
        return writes;
    }

    /** True when not a single question was answered (the recommendation is then only a default). */
    public boolean isEmpty() {
        return !cache && lossTolerance.isEmpty() && writesPerHour.isEmpty() && criticality.isEmpty();
    }

    public Answers withCache(boolean value) {
        return new Answers(value, lossTolerance, writesPerHour, criticality);
    }
}
