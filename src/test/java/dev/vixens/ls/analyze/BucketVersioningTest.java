package dev.vixens.ls.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Versioning detection through the real SDK. S3Proxy, the S3 server of the end-to-end tests, answers
 * GetBucketVersioning with 501 NotImplemented (AnalyzeEndToEndTest covers that answer); the answers of a
 * server that implements it (MinIO, AWS) are served here, byte for byte as S3 documents them, by a loopback
 * HTTP server that the test starts and stops.
 */
class BucketVersioningTest {

    @Test
    void readsTheStatusAServerThatImplementsItAnswers() throws Exception {
        assertThat(answer(200, "<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Status>Enabled</Status></VersioningConfiguration>"))
                .isEqualTo(new BucketVersioning("Enabled", ""));
        assertThat(answer(200, "<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Status>Suspended</Status></VersioningConfiguration>").versioned()).isTrue();
        // a bucket that was never versioned: no Status element at all
        assertThat(answer(200, "<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>"))
                .isEqualTo(new BucketVersioning("off", ""));
        assertThat(answer(501, "<Error><Code>NotImplemented</Code><Message>not implemented</Message></Error>"))
                .isEqualTo(BucketVersioning.unknown("the server answered 501 NotImplemented to GetBucketVersioning"));
    }

    @Test
    void theNoteNamesTheRuleThatFreesSpace() {
        assertThat(new BucketVersioning("Enabled", "").describe()).contains("lifecycle --versioned");
        assertThat(new BucketVersioning("off", "").describe()).isEqualTo(
                "bucket versioning off: `vixens-ls lifecycle` (Expiration) frees space");
        assertThat(BucketVersioning.fromStatus(null).versioned()).isFalse();
    }

    private static BucketVersioning answer(int status, String body) throws Exception {
        List<String> queries = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            queries.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try (ObjectLister lister = S3Listing.open(S3Settings.resolve(new S3Settings.Flags(
                "http://127.0.0.1:" + server.getAddress().getPort(), "replicas", null, "id", "secret"), Map.of()))) {
            BucketVersioning versioning = lister.versioning();
            assertThat(queries).containsExactly("GET /replicas?versioning");
            return versioning;
        } finally {
            server.stop(0);
        }
    }
}
