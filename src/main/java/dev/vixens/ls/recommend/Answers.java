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

    /** True when not a single question was answered (the recommendation is then only a default). */
    public boolean isEmpty() {
        return !cache && lossTolerance.isEmpty() && writesPerHour.isEmpty() && criticality.isEmpty();
    }

    public Answers withCache(boolean value) {
        return new Answers(value, lossTolerance, writesPerHour, criticality);
    }
}
