package dev.vixens.ls.profile;

/** A profile file as written; {@link ProfileLoader} turns it into a {@link Profile}. */
record ProfileDocument(String description, Boolean backup, String syncInterval, String snapshotInterval,
        String retention, String integrityCheck, String acknowledgeNoBackup, String alertAfter,
        String alertSeverity) {
}
