package dev.vixens.ls.budget;

import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.math.BigDecimal;

/**
 * How fast the start-up steps go through a database, for the start-up estimate ({@link StartupEstimate}): the
 * {@code startupEstimate:} section of the repository configuration, or conservative defaults. A repository's
 * own storage decides these numbers far more than the tool does, so the repository may state them (measured
 * with {@code scripts/measure-throughput}); the defaults are the slowest real storage we know of, so that an
 * estimate never promises less time than such storage needs. Each default's origin is in
 * docs/startup-budget.md.
 *
 * @param restoreMiBps a whole restore (download of the snapshot and WAL, then its replay), MiB of database per second
 * @param integrityFullMiBps {@code PRAGMA integrity_check}, MiB per second
 * @param integrityQuickMiBps {@code PRAGMA quick_check}, MiB per second
 * @param safetyFactor what the restore and check times are multiplied by (at least 1)
 * @param fixedSeconds added once per pod: pulling the images and starting the containers
 */
public record StartupThroughputs(double restoreMiBps, double integrityFullMiBps, double integrityQuickMiBps,
        double safetyFactor, long fixedSeconds) {

    /**
     * A homelab's 2.6 GB database restored in 25 to 35 minutes (1.2 MiB/s at the slowest): 1.0. Its full check
     * took 26 minutes on network storage (1.6 MiB/s): 1.5. The quick check cost 1/8 to 1/20 of the full one in
     * every measurement (docs/integrity-check.md): 10, under 8 times the full figure. Restores of one database
     * varied by 1.4 times: a factor of 1.5. One minute for images and container starts.
     */
    public static final StartupThroughputs DEFAULTS = new StartupThroughputs(1.0, 1.5, 10.0, 1.5, 60);

    /** Above this, a throughput is a typing mistake (10 GiB/s is faster than any disk a pod restores to). */
    private static final double MAX_MIBPS = 10_240;
    private static final double MAX_FACTOR = 100;
    private static final long MAX_FIXED_SECONDS = 86_400;

    /** The section as written; every key is optional. */
    public record StartupEstimateDocument(BigDecimal restoreMiBps, BigDecimal integrityFullMiBps,
            BigDecimal integrityQuickMiBps, BigDecimal safetyFactor, BigDecimal fixedSeconds) {
    }

    /** Reads the section of {@code source}; a value that makes the estimate meaningless is refused where written. */
    public static StartupThroughputs of(SourceFile source, StartupEstimateDocument doc) {
        if (doc == null) {
            return DEFAULTS;
        }
        return new StartupThroughputs(
                rate(source, "restoreMiBps", doc.restoreMiBps(), DEFAULTS.restoreMiBps()),
                rate(source, "integrityFullMiBps", doc.integrityFullMiBps(), DEFAULTS.integrityFullMiBps()),
                rate(source, "integrityQuickMiBps", doc.integrityQuickMiBps(), DEFAULTS.integrityQuickMiBps()),
                factor(source, doc.safetyFactor()),
                fixed(source, doc.fixedSeconds()));
    }

    private static double rate(SourceFile source, String key, BigDecimal value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.signum() <= 0 || value.doubleValue() > MAX_MIBPS) {
            throw problem(source, key, value + " is not a throughput vixens-ls can use; expected MiB of database"
                    + " per second, more than 0 and at most " + (long) MAX_MIBPS + " (measure yours with"
                    + " scripts/measure-throughput)");
        }
        return value.doubleValue();
    }

    private static double factor(SourceFile source, BigDecimal value) {
        if (value == null) {
            return DEFAULTS.safetyFactor();
        }
        if (value.compareTo(BigDecimal.ONE) < 0 || value.doubleValue() > MAX_FACTOR) {
            throw problem(source, "safetyFactor", value + " is not a safety factor; expected at least 1 (less would"
                    + " promise a start-up faster than measured) and at most " + (long) MAX_FACTOR);
        }
        return value.doubleValue();
    }

    private static long fixed(SourceFile source, BigDecimal value) {
        if (value == null) {
            return DEFAULTS.fixedSeconds();
        }
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0 || value.longValue() > MAX_FIXED_SECONDS) {
            throw problem(source, "fixedSeconds", value + " is not a number of seconds; expected a whole number"
                    + " from 0 to " + MAX_FIXED_SECONDS);
        }
        return value.longValue();
    }

    private static InputException problem(SourceFile source, String key, String message) {
        return new InputException(YamlLocator.locate(source, YamlPath.of("startupEstimate", key)),
                "startupEstimate." + key + ": " + message);
    }
}
