package dev.vixens.ls.profile;

/**
 * A backup profile of ADR-014, read from a profile file (a built-in one, or one of a repository's profiles
 * directory). Either the database is backed up with fixed intervals, or it is ephemeral: never replicated,
 * deleted at pod start.
 */
public sealed interface Profile permits Profile.BackedUp, Profile.Ephemeral {

    String name();

    String description();

    /** Where the profile was read from (a repository file or {@code built-in}). */
    String source();

    record BackedUp(String name, String description, GoDuration syncInterval, GoDuration snapshotInterval,
            GoDuration retention, IntegrityCheck integrityCheck, Alerting alerting, String source) implements Profile {
    }

    /**
     * How soon the generated alert rules speak for a database of this profile (profile keys {@code alertAfter},
     * {@code alertSeverity}): a critical database alerts sooner and louder than a relaxed one. The values are
     * data in the profile files, so a repository tunes them with its own profiles.
     *
     * @param after how long a failure (sync errors, a stalled replica, metrics gone) must last before the alert
     *     fires: the Prometheus rule's {@code for}
     * @param severity the rule's {@code severity} label
     */
    record Alerting(GoDuration after, String severity) {
    }

    record Ephemeral(String name, String description, String source) implements Profile {
    }
}
