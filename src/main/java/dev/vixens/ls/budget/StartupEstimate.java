package dev.vixens.ls.budget;

import dev.vixens.ls.descriptor.AppDescriptor.ExpectedSize;
import dev.vixens.ls.plan.PlannedDatabase;
import dev.vixens.ls.plan.ResolvedApp;
import dev.vixens.ls.profile.IntegrityDepth;
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
        long total = shares.isEmpty() ? 0 : (long) Math.ceil(sum * throughputs.safetyFactor()) + throughputs.fixedSeconds();
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

    private static long seconds(ExpectedSize size, double mibPerSecond) {
        return (long) Math.ceil(size.mebibytes() / mibPerSecond);
    }
}
