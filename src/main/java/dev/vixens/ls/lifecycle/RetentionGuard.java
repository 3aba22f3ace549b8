package dev.vixens.ls.lifecycle;

import dev.vixens.ls.bucket.BucketKey;
import dev.vixens.ls.plan.BackupPolicy;
import dev.vixens.ls.plan.PlannedDatabase;
import dev.vixens.ls.plan.ResolvedApp;
import dev.vixens.ls.profile.GoDuration;
import dev.vixens.ls.profile.Profile;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the bucket's lifecycle rule from deleting what Litestream still needs. A database keeps
 * {@code retention} of history and restores it from the snapshot taken before that window, which can be up
 * to one {@code snapshotInterval} older; so every object younger than retention + snapshot interval may be
 * needed, and the expiry must be longer than that for every database the rule's prefix covers (overrides
 * included).
 */
public final class RetentionGuard {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    private RetentionGuard() {
    }

    /**
     * One database's need.
     *
     * @param where the descriptor position of its profile, or a profile file for repository-less checks
     */
    public record Need(Location where, String what, GoDuration retention, GoDuration snapshotInterval) {

        public long millis() {
            return retention.millis() + snapshotInterval.millis();
        }

        /** The smallest whole number of days longer than the need. */
        public int minimumDays() {
            return (int) (millis() / DAY) + 1;
        }
    }

    /**
     * Every backed-up database of the repository whose replica the rule covers (its bucket, then the prefix): its
     * bucket key in the app's own environment and in each overlay's that replicates apart (its own replica prefix).
     */
    public static List<Need> needs(List<ResolvedApp> apps, BucketScope scope, String prefix) {
        List<Need> needs = new ArrayList<>();
        for (ResolvedApp app : apps) {
            Set<BucketKey> seen = new HashSet<>();
            for (ResolvedApp environment : app.environments()) {
                if (!scope.covers(environment)) {
                    continue;
                }
                for (PlannedDatabase db : environment.databases()) {
                    BucketKey key = environment.bucketKey(db);
                    if (db.policy() instanceof BackupPolicy.Replicated r && key.overlaps(prefix) && seen.add(key)) {
                        needs.add(need(environment, db, r));
                    }
                }
            }
        }
        return needs;
    }

    private static Need need(ResolvedApp environment, PlannedDatabase db, BackupPolicy.Replicated r) {
        Location at = YamlLocator.locate(environment.app().source(),
                YamlPath.of("databases", db.database().index(), "profile"));
        String overrides = db.overrideSummary().isEmpty() ? ""
                : ", overridden: " + String.join(", ", db.overrideSummary());
        String overlay = environment.overlay().map(o -> " in overlay " + o).orElse("");
        return new Need(at, environment.app().app() + " " + db.path() + overlay + " (profile " + db.profile().name()
                + overrides + ")", r.retention().value(), r.snapshotInterval().value());
    }

    /** Outside a repository: every backed-up profile that could be used. */
    public static List<Need> needs(ProfileCatalog catalog) {
        List<Need> needs = new ArrayList<>();
        for (Profile profile : catalog.all()) {
            if (profile instanceof Profile.BackedUp p) {
                needs.add(new Need(Location.startOf(p.source()), "profile " + p.name(), p.retention(),
                        p.snapshotInterval()));
            }
        }
        return needs;
    }

    /** The longest need an expiry after {@code days} would cut into, if any. */
    public static Optional<Need> violated(List<Need> needs, int days) {
        return needs.stream()
                .filter(need -> (long) days * DAY <= need.millis())
                .max(Comparator.comparingLong(Need::millis));
    }

    public static String message(Need need, int days, int violations) {
        return message("an expiry after " + days + " days", "--expiry-days", need, days, violations);
    }

    /**
     * For {@code --noncurrent-days}: a noncurrent version is what a delete or an overwrite leaves behind on a
     * versioned bucket, the only copy left when something other than Litestream's own retention removed an
     * object (an {@code Expiration} rule, a mistaken {@code mc rm}, a second writer); restoring that version
     * brings the replica back only while it exists, so it is held to the same window as the current ones.
     */
    public static String noncurrentMessage(Need need, int days, int violations) {
        return message("expiring noncurrent versions after " + days + " days", "--noncurrent-days", need, days,
                violations);
    }

    private static String message(String rule, String option, Need need, int days, int violations) {
        return rule + " would delete objects Litestream still needs: " + need.what()
                + " keeps " + need.retention() + " of history and restores it from a snapshot up to "
                + need.snapshotInterval() + " older (" + need.millis() / HOUR + "h in all)"
                + (violations > 1 ? ", and " + (violations - 1) + " more database(s)" : "")
                + "; use " + option + " " + need.minimumDays() + " or more";
    }
}
