package dev.vixens.ls.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lifecycle --bucket}: a rule lives on one bucket, so it is checked against the databases replicated there
 * (a literal {@code bucket:} equal to it) and those whose bucket the tool cannot know (the Secret's variable).
 * alpha keeps 337h in bucket-a (15 days needed), beta 174h in bucket-b (8 days), gamma 96h in its Secret's (5 days).
 */
class LifecycleBucketTest {

    private static final String ALPHA = """
            app: alpha
            namespace: alpha
            workload: {kind: Deployment, name: alpha, container: alpha}
            volume: {name: data, mountPath: /data}
            bucket: bucket-a
            databases:
              - path: /data/alpha.db
                profile: critical
            """;
    private static final String BETA = ALPHA.replace("alpha", "beta").replace("bucket-a", "bucket-b")
            .replace("critical", "standard");
    private static final String GAMMA = ALPHA.replace("alpha", "gamma").replace("bucket: bucket-a\n", "")
            .replace("critical", "relaxed");

    private static final String RULE_9_DAYS = """
            {
              "Rules": [
                {
                  "ID": "vixens-ls-expire-after-9-days",
                  "Status": "Enabled",
                  "Filter": {
                    "Prefix": ""
                  },
                  "Expiration": {
                    "Days": 9
                  }
                }
              ]
            }
            """;

    @TempDir
    Path root;

    private TestRepo repo;

    @BeforeEach
    void twoAppsInBucketsOfTheirOwn() {
        repo = TestRepo.create(root).descriptor("a", "alpha", ALPHA).descriptor("b", "beta", BETA);
    }

    @Test
    void aRuleForOneBucketIsCheckedAgainstItsAppsAndThoseOfTheSecretsBucketOnly() {
        repo.descriptor("c", "gamma", GAMMA);

        CliRun bucketB = CliRun.inRepo(root, "lifecycle", "--expiry-days", "9", "--bucket", "bucket-b");
        CliRun bucketA = CliRun.inRepo(root, "lifecycle", "--expiry-days", "9", "--bucket", "bucket-a");

        assertThat(bucketB.exitCode()).as(bucketB.err()).isZero();
        assertThat(bucketB.out()).isEqualTo(RULE_9_DAYS);
        assertThat(bucketB.err()).isEqualTo("lifecycle: checked as if in bucket-b too, since vixens-ls cannot know"
                + " which bucket their Secret names ($LITESTREAM_BUCKET): gamma\n");
        assertThat(bucketA.exitCode()).isEqualTo(2);
        assertThat(bucketA.out()).isEmpty();
        assertThat(bucketA.err()).isEqualTo("lifecycle: checked as if in bucket-a too, since vixens-ls cannot know"
                + " which bucket their Secret names ($LITESTREAM_BUCKET): gamma\n"
                + "apps/a/alpha/vixens-backup.yaml:8:14: an expiry after 9 days would delete objects Litestream"
                + " still needs: alpha /data/alpha.db (profile critical) keeps 336h of history and restores it from a"
                + " snapshot up to 1h older (337h in all); use --expiry-days 15 or more\n");
    }

    @Test
    void theSecretsBucketCountsWhateverBucketTheRuleIsFor() {
        repo.descriptor("c", "gamma", GAMMA);

        CliRun four = CliRun.inRepo(root, "lifecycle", "--expiry-days", "4", "--bucket", "bucket-b");

        assertThat(four.exitCode()).isEqualTo(2);
        assertThat(four.err()).endsWith("apps/b/beta/vixens-backup.yaml:8:14: an expiry after 4 days would delete"
                + " objects Litestream still needs: beta /data/beta.db (profile standard) keeps 168h of history and"
                + " restores it from a snapshot up to 6h older (174h in all), and 1 more database(s); use"
                + " --expiry-days 8 or more\n");
    }

    @Test
    void withoutBucketEveryAppIsCheckedAndTheRunSaysItSpansBuckets() {
        CliRun run = CliRun.inRepo(root, "lifecycle", "--expiry-days", "9");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("lifecycle: the apps replicate to more than one bucket (bucket-a, bucket-b);"
                + " the rule is checked against the databases of all of them: --bucket NAME checks it against one"
                + " bucket's only\n"
                + "apps/a/alpha/vixens-backup.yaml:8:14: an expiry after 9 days would delete objects Litestream"
                + " still needs: alpha /data/alpha.db (profile critical) keeps 336h of history and restores it from a"
                + " snapshot up to 1h older (337h in all); use --expiry-days 15 or more\n");
    }

    @Test
    void oneLiteralBucketBesideTheSecretsIsMoreThanOneBucketToo() throws Exception {
        Files.delete(root.resolve("apps/b/beta/vixens-backup.yaml"));
        repo.descriptor("c", "gamma", GAMMA);

        CliRun run = CliRun.inRepo(root, "lifecycle");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("lifecycle: the apps replicate to more than one bucket (bucket-a, and the one"
                + " their Secret names); the rule is checked against the databases of all of them: --bucket NAME"
                + " checks it against one bucket's only\n");
    }

    @Test
    void aBucketNoAppNamesIsSaidAndABadNameRefused() {
        CliRun elsewhere = CliRun.inRepo(root, "lifecycle", "--expiry-days", "1", "--bucket", "bucket-c");
        CliRun bad = CliRun.inRepo(root, "lifecycle", "--bucket", "Bucket_A");

        assertThat(elsewhere.exitCode()).as(elsewhere.err()).isZero();
        assertThat(elsewhere.err()).isEqualTo("lifecycle: no app of this repository replicates to bucket bucket-c"
                + " (buckets named: bucket-a, bucket-b); the rule is checked against no database\n");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).isEqualTo("vixens-ls: --bucket 'Bucket_A' is not an S3 bucket name (3 to 63"
                + " lower-case letters, digits, '.' and '-')\n");
    }
}
