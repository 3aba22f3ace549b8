package dev.vixens.ls.analyze;

/**
 * Whether the replica bucket keeps old versions of objects (S3 GetBucketVersioning). It decides which
 * lifecycle rule frees space: on a versioned bucket an {@code Expiration} only adds a delete marker, so
 * {@code lifecycle --versioned} is the one to install. Not every S3-compatible server answers the question
 * (S3Proxy 2.6 says NotImplemented), so "unknown" is a state of its own, never guessed as "off".
 *
 * @param state {@code Enabled}, {@code Suspended}, {@code off} (never enabled), {@code unknown} or
 *     {@code not checked}
 * @param detail why it is unknown (the server's answer); empty otherwise
 */
public record BucketVersioning(String state, String detail) {

    public static final String UNKNOWN = "unknown";
    /** A report made without asking the bucket (tests of the analysis alone). */
    public static final BucketVersioning NOT_CHECKED = new BucketVersioning("not checked", "");

    /** From the Status element of a GetBucketVersioning answer; absent or empty = never enabled. */
    public static BucketVersioning fromStatus(String status) {
        if (status == null || status.isBlank()) {
            return new BucketVersioning("off", "");
        }
        return new BucketVersioning(status, "");
    }

    public static BucketVersioning unknown(String why) {
        return new BucketVersioning(UNKNOWN, why);
    }

    /**
     * Enabled now, or Suspended: a suspended bucket still holds the noncurrent versions written while it was
     * enabled, and only a NoncurrentVersionExpiration rule frees them.
     */
    public boolean versioned() {
        return state.equals("Enabled") || state.equals("Suspended");
    }

    /** The line analyze prints about it. */
    public String describe() {
        if (versioned()) {
            return "bucket versioning " + state + ": an Expiration rule only adds delete markers here; install"
                    + " `vixens-ls lifecycle --versioned` (NoncurrentVersionExpiration and ExpiredObjectDeleteMarker)";
        }
        if (state.equals(UNKNOWN)) {
            return "bucket versioning unknown (" + detail + "): if the bucket is versioned, install"
                    + " `vixens-ls lifecycle --versioned`";
        }
        return "bucket versioning off: `vixens-ls lifecycle` (Expiration) frees space";
    }
}
