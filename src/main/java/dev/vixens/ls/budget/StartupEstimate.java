package dev.vixens.ls.budget;

import dev.vixens.ls.descriptor.AppDescriptor.ExpectedSize;
import dev.vixens.ls.plan.PlannedDatabase;
import dev.vixens.ls.plan.ResolvedApp;
import dev.vixens.ls.profile.IntegrityDepth;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The worst-case start-up of an app's pod, in seconds, from the sizes its descriptor declares. Restores of 25
 * to 35 minutes ran into start-up limits in the homelab this tool comes from, and were found only when a pod
 * never came up; an estimate made at check time names the limit to raise before that happens.
 *
 * <p>The worst case is a local copy that is corrupt: the check-integrity step reads it (at the database's
 * depth) and moves it aside, the restore step downloads the replica and replays its WAL, and on 0.5.10+ the
 * restore checks the restored copy again at the same depth. The init containers run one after the other, and
 * the databases in sequence, so their times add up. The sum is multiplied by the safety factor; the fixed
 * seconds (images, container starts) are added once. A database without {@code expectedSize} adds nothing and
 * is listed as unsized, so the estimate is then a lower bound; with no size at all there is no estimate.
 *
 * @param databases each sized, backed-up database's share, in start-up order
 * @param unsized the backed-up databases that declare no size (their paths)
 * @param seconds the whole estimate: the shares times the safety factor, plus the fixed seconds
 */
public record StartupEstimate(List<DatabaseShare> databases, List<String> unsized, StartupThroughputs throughputs,
        long seconds) {

    public StartupEstimate {
        databases = List.copyOf(databases);
        unsized = List.copyOf(unsized);
    }

    /**
     * One database's part of the start-up, each figure rounded up to a whole second before the safety factor.
     *
     * @param checks how many times the start-up checks it: 0 (off), 1 (the check-integrity step) or 2 (and the
     *     0.5.10+ restore)
     */
    public record DatabaseShare(String path, ExpectedSize size, IntegrityDepth depth, long restoreSeconds,
            int checks, long checkSeconds) {

        /** Restore and every check, before the safety factor. */
        public long seconds() {
            return restoreSeconds + checks * checkSeconds;
        }
    }

    public static StartupEstimate of(ResolvedApp app, StartupThroughputs throughputs) {
        List<DatabaseShare> shares = new ArrayList<>();
        List<String> unsized = new ArrayList<>();
        int checksPerDatabase = app.restoreChecksIntegrity() ? 2 : 1;
        for (PlannedDatabase db : app.databases()) {
            if (!db.replicated()) {
                continue; // deleted at start-up, never restored
            }
            if (db.database().expectedSize().isEmpty()) {
                unsized.add(db.path());
                continue;
            }
            ExpectedSize size = db.database().expectedSize().get();
            IntegrityDepth depth = db.integrityDepth();
            double checkRate = depth == IntegrityDepth.FULL ? throughputs.integrityFullMiBps()
                    : throughputs.integrityQuickMiBps();
            shares.add(new DatabaseShare(db.path(), size, depth, seconds(size, throughputs.restoreMiBps()),
                    depth == IntegrityDepth.OFF ? 0 : checksPerDatabase,
                    depth == IntegrityDepth.OFF ? 0 : seconds(size, checkRate)));
        }
        long sum = shares.stream().mapToLong(DatabaseShare::seconds).sum();
        long total = shares.isEmpty() ? 0 : BigDecimal.valueOf(sum).multiply(BigDecimal.valueOf(
                throughputs.safetyFactor())).setScale(0, RoundingMode.CEILING).longValueExact()
                + throughputs.fixedSeconds();
        return new StartupEstimate(shares, unsized, throughputs, total);
    }

    /** Whether any database declared a size: without one, there is nothing to estimate. */
    public boolean present() {
        return !databases.isEmpty();
    }

    /** The value to set so that the start-up fits: the estimate rounded up to a whole minute. */
    public long recommendedSeconds() {
        return (seconds + 59) / 60 * 60;
    }

    /** What explain prints: each database's share, the sum, and the throughputs it was made with. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (!present()) {
            lines.add("Start-up estimate: none, no backed-up database declares expectedSize. Find each size with"
                    + " vixens-ls analyze (from the bucket) or ls -l of the database file, and set"
                    + " databases[].expectedSize (docs/startup-budget.md)");
            return lines;
        }
        lines.add("Start-up estimate (worst case: each local copy checked, found corrupt and restored, one after the"
                + " other; docs/startup-budget.md):");
        int width = databases.stream().mapToInt(db -> db.path().length()).max().orElse(0);
        for (String path : unsized) {
            width = Math.max(width, path.length());
        }
        String row = "  %-" + width + "s %s%n";
        for (DatabaseShare db : databases) {
            lines.add(String.format(row, db.path(), db.size().text() + ": restore " + db.restoreSeconds() + " s"
                    + (db.checks() == 0 ? ", no integrity check" : ", " + db.depth().pragma() + " "
                    + db.checkSeconds() + " s" + (db.checks() > 1 ? " x " + db.checks() + " (the restore checks too)"
                    : ""))).stripTrailing());
        }
        for (String path : unsized) {
            lines.add(String.format(row, path, "no expectedSize: not counted (vixens-ls analyze or ls -l gives its"
                    + " size)").stripTrailing());
        }
        long sum = databases.stream().mapToLong(DatabaseShare::seconds).sum();
        lines.add("  total: " + sum + " s x " + number(throughputs.safetyFactor()) + " (safety factor) + "
                + throughputs.fixedSeconds() + " s (images, container starts) = " + seconds + " s"
                + (unsized.isEmpty() ? "" : ", at least"));
        lines.add("  at: restore " + number(throughputs.restoreMiBps()) + " MiB/s, integrity_check "
                + number(throughputs.integrityFullMiBps()) + " MiB/s, quick_check "
                + number(throughputs.integrityQuickMiBps()) + " MiB/s ("
                + (throughputs.equals(StartupThroughputs.DEFAULTS) ? "the defaults"
                        : "startupEstimate: in .vixens-ls.yaml") + ")");
        return lines;
    }

    /** 1.5 as 1.5, 10.0 as 10. */
    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** Rounded up, in decimal arithmetic: 300 MiB at 0.1 MiB/s is 3000 s, not the 3001 of binary fractions. */
    private static long seconds(ExpectedSize size, double mibPerSecond) {
        BigDecimal bytesPerSecond = BigDecimal.valueOf(mibPerSecond).multiply(BigDecimal.valueOf(1L << 20));
        return BigDecimal.valueOf(size.bytes()).divide(bytesPerSecond, 9, RoundingMode.UP)
                .setScale(0, RoundingMode.CEILING).longValueExact();
    }
}
