package dev.vixens.ls.litestream;

import java.util.Locale;

/** What a release does that is neither a config key nor a flag; the release table's {@code fact} rows. */
public enum Behaviour {
    /** Replicas as {@code <path>/generations/<id>/snapshots|wal/...} (0.3). */
    LAYOUT_GENERATIONS,
    /** Replicas as LTX files under {@code <path>/ltx/<level>/} (0.5). */
    LAYOUT_LTX,
    /** {@code restore} also reads 0.3 backups at the same replica path, and uses them while they are newer. */
    RESTORE_READS_GENERATIONS,
    /** {@code $PID} in the config expands to the process id. */
    EXPAND_ENV_PID,
    /** An existing, non-empty restore output is refused without {@code -force}. */
    RESTORE_REFUSES_OUTPUT,
    /** The image is Alpine based and has {@code /bin/sh}. */
    IMAGE_ALPINE,
    /** The image is Debian (bookworm-slim) based and has {@code /bin/sh}. */
    IMAGE_DEBIAN,
    /** A {@code scratch} image, without a shell, is also published under a {@code -scratch} tag suffix. */
    IMAGE_SCRATCH_VARIANT;

    String tableName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Behaviour ofTableName(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
