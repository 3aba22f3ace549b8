package dev.vixens.ls.cli;

import dev.vixens.ls.profile.GoDuration;
import dev.vixens.ls.recommend.Answers;
import dev.vixens.ls.recommend.Criticality;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The questions of ADR-014's decision tree as options, shared by recommend, import and init. */
public final class RecommendOptions {

    @Option(names = "--cache", description = "The database holds cache or temporary data (regenerable).")
    boolean cache;

    @Option(names = "--loss-tolerance", paramLabel = "DURATION", converter = ToleranceConverter.class,
            description = "How much recent history you could afford to lose: 1h, 6h, 24h, 2d, 1w or any duration"
                    + " (up to 1h critical, up to 6h standard, more relaxed).")
    GoDuration lossTolerance;

    @Option(names = "--writes-per-hour", paramLabel = "N", converter = WritesConverter.class,
            description = "Write activity (>100 critical, 10-100 standard, <10 relaxed); `analyze` measures it.")
    Double writesPerHour;

    @Option(names = "--criticality", paramLabel = "CLASS", converter = CriticalityConverter.class,
            completionCandidates = CriticalityCandidates.class,
            description = "mission-critical (standard at least), important (standard), convenience (relaxed).")
    Criticality criticality;

    public Answers answers() {
        return new Answers(cache, Optional.ofNullable(lossTolerance),
                writesPerHour == null ? OptionalDouble.empty() : OptionalDouble.of(writesPerHour),
                Optional.ofNullable(criticality));
    }

    static final class ToleranceConverter implements ITypeConverter<GoDuration> {
        @Override
        public GoDuration convert(String value) {
            try {
                return GoDuration.parseAnswer(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class WritesConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                return Answers.parseWritesPerHour(value, "");
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class CriticalityConverter implements ITypeConverter<Criticality> {
        @Override
        public Criticality convert(String value) {
            try {
                return Criticality.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class CriticalityCandidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(Criticality.values()).stream().map(Criticality::text).iterator();
        }
    }
}
