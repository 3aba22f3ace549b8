package dev.vixens.ls.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a database lives in the bucket, and the questions lifecycle, analyze and import ask about it. */
class BucketKeyTest {

    static final BucketKey PLAIN = new BucketKey("", "hydrus-client/client.db");
    static final BucketKey V05 = new BucketKey("v05", "hydrus-client-v05/client.db");

    @Test
    void theKeyIsThePrefixThenThePath() {
        assertThat(PLAIN.key()).isEqualTo("hydrus-client/client.db");
        assertThat(V05.key()).isEqualTo("v05/hydrus-client-v05/client.db");
        assertThat(new BucketKey("backups/v03", "app/db.sqlite3").key()).isEqualTo("backups/v03/app/db.sqlite3");
    }

    @Test
    void theUrlEncodesSpacesOnlyAndNamesTheBucketVariable() {
        assertThat(V05.url("${LITESTREAM_BUCKET}"))
                .isEqualTo("s3://${LITESTREAM_BUCKET}/v05/hydrus-client-v05/client.db");
        assertThat(new BucketKey("my backups", "app/my db.sqlite3").url("${B}"))
                .isEqualTo("s3://${B}/my%20backups/app/my%20db.sqlite3");
    }

    @Test
    void aKeyPrefixOverlapsWhenEitherContainsTheOther() {
        assertThat(V05.overlaps("")).isTrue();
        assertThat(V05.overlaps("v05/")).isTrue();
        assertThat(V05.overlaps("v05/hydrus-client-v05/")).isTrue();
        assertThat(V05.overlaps("v05/hydrus-client-v05/client.db/ltx/")).isTrue();
        assertThat(V05.overlaps("hydrus-client-v05/")).isFalse();
        assertThat(V05.overlaps("v05/hydrus-client-v05/client.db.bak/")).isFalse();
        assertThat(PLAIN.overlaps("hydrus-client/")).isTrue();
        assertThat(PLAIN.overlaps("v05/")).isFalse();
    }

    @Test
    void theReplicaPathThatKeepsAnExistingKeyUnderAPrefix() {
        assertThat(BucketKey.pathFor("", "old/app/db")).contains("old/app/db");
        assertThat(BucketKey.pathFor("v05", "v05/app/db")).contains("app/db");
        assertThat(BucketKey.pathFor("v05", "v0/app/db")).isEmpty();
        assertThat(BucketKey.pathFor("v05", "v05")).isEmpty();
        assertThat(new BucketKey("v05", BucketKey.pathFor("v05", "v05/app/db").orElseThrow()).key())
                .isEqualTo("v05/app/db");
    }
}
