package dev.vixens.ls.analyze;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The bucket listing over the S3 API (AWS SDK v2, path-style addressing for MinIO and other S3-compatible
 * servers). This is the only class that references the SDK, and only {@code analyze} loads it: the SDK is
 * heavy and no other command should pay for it at start-up.
 */
public final class S3Listing implements ObjectLister {

    private final S3Client client;
    private final S3Settings settings;

    private S3Listing(S3Settings settings) {
        this.settings = settings;
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build())
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey())))
                .forcePathStyle(true)
                // S3-compatible servers do not all know the newer default checksums.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        settings.endpoint().ifPresent(builder::endpointOverride);
        this.client = builder.build();
    }

    /** Declared as the interface so that callers never name this class's SDK types. */
    public static ObjectLister open(S3Settings settings) {
        return new S3Listing(settings);
    }

    @Override
    public List<BucketObject> list(String prefix) {
        List<BucketObject> out = new ArrayList<>();
        try {
            for (S3Object object : client.listObjectsV2Paginator(r -> r.bucket(settings.bucket()).prefix(prefix))
                    .contents()) {
                out.add(new BucketObject(object.key(), object.size() == null ? 0 : object.size(),
                        object.lastModified()));
            }
        } catch (SdkException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ListingException("cannot list " + settings.describe() + ": " + message.lines().findFirst()
                    .orElse(message), e);
        }
        return out;
    }

    @Override
    public BucketVersioning versioning() {
        try {
            return BucketVersioning.fromStatus(client.getBucketVersioning(r -> r.bucket(settings.bucket()))
                    .statusAsString());
        } catch (AwsServiceException e) {
            // e.g. S3Proxy: 501 NotImplemented. The listing itself already succeeded, so this is not a failure.
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            return BucketVersioning.unknown("the server answered " + e.statusCode()
                    + (code == null ? "" : " " + code) + " to GetBucketVersioning");
        } catch (SdkException e) {
            return BucketVersioning.unknown("GetBucketVersioning failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
