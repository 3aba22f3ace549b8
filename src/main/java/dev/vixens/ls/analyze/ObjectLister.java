package dev.vixens.ls.analyze;

import java.util.List;

/** Lists a bucket. The S3 implementation is the only code that touches the AWS SDK. */
public interface ObjectLister extends AutoCloseable {

    /** Every object whose key starts with {@code prefix}; throws {@link ListingException} when it cannot. */
    List<BucketObject> list(String prefix);

    /** Whether the bucket is versioned; unknown when the server does not say (never throws for that). */
    BucketVersioning versioning();

    @Override
    void close();

    /** The bucket could not be listed (unreachable, refused, no such bucket): not bad input, a failure. */
    final class ListingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ListingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
