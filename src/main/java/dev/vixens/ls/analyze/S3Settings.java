package dev.vixens.ls.analyze;

import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the replica bucket is and how to sign in: flags first, then the variables Litestream itself reads
 * ({@code LITESTREAM_*}), then the AWS ones. Credentials are never defaulted from files or instance metadata:
 * a listing must not talk to anything but the endpoint given.
 *
 * @param endpoint empty for AWS S3 itself
 */
public record S3Settings(Optional<URI> endpoint, String bucket, String region, String accessKeyId,
        String secretAccessKey) {

    private static final Location WHERE = Location.commandLine();

    /** The flags of {@code analyze}; null = not given. */
    public record Flags(String endpoint, String bucket, String region, String accessKeyId, String secretAccessKey) {
    }

    public static S3Settings resolve(Flags flags, Map<String, String> env) {
        Optional<String> endpoint = first(flags.endpoint(), env, "LITESTREAM_ENDPOINT", "AWS_ENDPOINT_URL_S3",
                "AWS_ENDPOINT_URL");
        Optional<URI> uri = endpoint.map(S3Settings::uri);
        String bucket = first(flags.bucket(), env, "LITESTREAM_BUCKET").orElseThrow(() -> new InputException(WHERE,
                "no bucket: pass --bucket or set LITESTREAM_BUCKET"));
        String region = first(flags.region(), env, "LITESTREAM_REGION", "AWS_REGION", "AWS_DEFAULT_REGION")
                .orElse("us-east-1");
        String id = first(flags.accessKeyId(), env, "LITESTREAM_ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID")
                .orElseThrow(() -> new InputException(WHERE, "no credentials: set LITESTREAM_ACCESS_KEY_ID and"
                        + " LITESTREAM_SECRET_ACCESS_KEY (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)"));
        String secret = first(flags.secretAccessKey(), env, "LITESTREAM_SECRET_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY")
                .orElseThrow(() -> new InputException(WHERE, "no secret key: set LITESTREAM_SECRET_ACCESS_KEY (or"
                        + " AWS_SECRET_ACCESS_KEY)"));
        return new S3Settings(uri, bucket, region, id, secret);
    }

    /** The endpoint as shown to the user (never the credentials). */
    public String describe() {
        return "s3://" + bucket + endpoint.map(e -> " at " + e).orElse(" (AWS S3, " + region + ")");
    }

    private static URI uri(String text) {
        if (!text.startsWith("http://") && !text.startsWith("https://")) {
            throw new InputException(WHERE, "endpoint '" + text + "' needs a scheme: http://HOST:PORT or https://...");
        }
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(WHERE, "endpoint '" + text + "' is not a URL");
        }
    }

    private static Optional<String> first(String flag, Map<String, String> env, String... names) {
        if (flag != null && !flag.isBlank()) {
            return Optional.of(flag);
        }
        for (String name : List.of(names)) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
