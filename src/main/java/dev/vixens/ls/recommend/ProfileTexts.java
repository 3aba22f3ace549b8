package dev.vixens.ls.recommend;

import dev.vixens.ls.profile.GoDuration;
import dev.vixens.ls.profile.Profile;

/**
 * What {@code recommend} says about a profile, always read from the catalog it recommends from: a repository
 * that changes a profile's values changes what recommend says about it, and no reason repeats a value that a
 * profile file may no longer hold.
 */
public final class ProfileTexts {

    private static final long DAY_MILLIS = 24L * 3600 * 1000;

    private ProfileTexts() {
    }

    /** {@code critical (1h snapshots, 14 days retention)}, or {@code critical (not backed up)}. */
    static String nameAndKeeps(Profile profile) {
        if (profile instanceof Profile.BackedUp p) {
            return p.name() + " (" + p.snapshotInterval() + " snapshots, " + inDays(p.retention()) + " retention)";
        }
        return profile.name() + " (not backed up)";
    }

    /** The profile's values and where they were read from, under the chosen profile's name. */
    public static String describe(Profile profile) {
        if (profile instanceof Profile.BackedUp p) {
            return "snapshots every " + p.snapshotInterval() + ", retention " + p.retention() + ", sync every "
                    + p.syncInterval() + ", integrity check " + p.integrityCheck().text() + " (" + p.source() + ")";
        }
        return "not backed up: deleted at pod start (" + profile.source() + ")";
    }

    /** {@code 336h} reads {@code 14 days}; a retention that is no whole number of days stays as written. */
    static String inDays(GoDuration duration) {
        long days = duration.millis() / DAY_MILLIS;
        if (days == 0 || duration.millis() % DAY_MILLIS != 0) {
            return duration.text();
        }
        return days == 1 ? "1 day" : days + " days";
    }
}
