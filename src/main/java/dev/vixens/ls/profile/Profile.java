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
            GoDuration retention, IntegrityCheck integrityCheck, String source) implements Profile {
    }

    record Ephemeral(String name, String description, String source) implements Profile {
    }
}
