package dev.vixens.ls.analyze;

import java.time.Instant;

/** One object of the replica bucket, as listed. */
public record BucketObject(String key, long size, Instant lastModified) {
}
