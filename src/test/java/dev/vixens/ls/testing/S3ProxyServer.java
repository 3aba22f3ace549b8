package dev.vixens.ls.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * A real S3 server for tests: S3Proxy with its filesystem backend, in its own JVM, on a free port of
 * 127.0.0.1 only, checking signatures ({@code aws-v2-or-v4}) against test credentials. The test that starts it
 * closes it. Buckets are created through the S3 API: {@link #createBucket()} makes a fresh one per test, so
 * tests never see each other's replicas; {@link #createBucket(String)} one with a fixed name. Each bucket is a
 * directory under {@link #storage()} and each object a file in it, whose modification time S3 lists as
 * LastModified.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "vixens-test-access";
    public static final String SECRET_KEY = "vixens-test-secret";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private final Process process;
    private final int port;
    private final Path storage;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private S3ProxyServer(Process process, int port, Path storage, Path log) {
        this.process = process;
        this.port = port;
        this.storage = storage;
        this.log = log;
    }

    /**
     * Starts S3Proxy with its storage, configuration and log under {@code dir}; returns once it accepts
     * connections.
     */
    public static S3ProxyServer start(Path dir) {
        Path jar = TestTools.s3proxyJar();
        try {
            Path storage = Files.createDirectories(dir.resolve("storage"));
            AssertionError last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = freeLoopbackPort();
                Path properties = dir.resolve("s3proxy-" + attempt + ".properties");
                Files.writeString(properties, String.join("\n",
                        "s3proxy.endpoint=http://127.0.0.1:" + port,
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + ACCESS_KEY,
                        "s3proxy.credential=" + SECRET_KEY,
                        "jclouds.provider=filesystem",
                        "jclouds.filesystem.basedir=" + storage,
                        "jclouds.identity=" + ACCESS_KEY,
                        "jclouds.credential=" + SECRET_KEY, ""));
                Path log = dir.resolve("s3proxy-" + attempt + ".log");
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--properties",
                        properties.toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                S3ProxyServer server = new S3ProxyServer(process, port, storage, log);
                try {
                    server.awaitListening();
                    return server;
                } catch (AssertionError e) {
                    server.close();
                    last = e;
                }
            }
            throw last;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start S3Proxy", e);
        }
    }

    /** A port of 127.0.0.1 that nothing listens on (for a server to take, or as an unreachable endpoint). */
    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("S3Proxy exited with " + process.exitValue() + ":\n" + logText());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Processes.sleep(100);
            }
        }
        throw new AssertionError("S3Proxy did not listen on 127.0.0.1:" + port + " within " + START_TIMEOUT
                + ":\n" + logText());
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The directory holding one directory per bucket, one file per object. */
    public Path storage() {
        return storage;
    }

    /** The Secret a pod would read with {@code envFrom}: credentials, bucket and endpoint of this server. */
    public Map<String, String> secret(String bucket) {
        Map<String, String> secret = new LinkedHashMap<>();
        secret.put("LITESTREAM_ACCESS_KEY_ID", ACCESS_KEY);
        secret.put("LITESTREAM_SECRET_ACCESS_KEY", SECRET_KEY);
        secret.put("LITESTREAM_BUCKET", bucket);
        secret.put("LITESTREAM_ENDPOINT", endpoint());
        return secret;
    }

    /** Creates a new, empty bucket with a name no other test uses, through the S3 API; returns the name. */
    public String createBucket() {
        return createBucket("test-" + ProcessHandle.current().pid() + "-" + BUCKETS.incrementAndGet());
    }

    /** Creates the empty bucket {@code bucket} through the S3 API; returns its name. */
    public String createBucket(String bucket) {
        HttpResponse<String> response = send("PUT", bucket, "", HttpRequest.BodyPublishers.noBody());
        if (response.statusCode() != 200) {
            throw new AssertionError("creating bucket " + bucket + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return bucket;
    }

    /**
     * Every object key under {@code prefix} in {@code bucket}, through the S3 API. The filesystem backend
     * also lists its directories as keys ending in '/'; real S3 has no such objects, so they are left out.
     */
    public List<String> keys(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        String marker = "";
        while (true) {
            String query = "prefix=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8).replace("+", "%20")
                    + (marker.isEmpty() ? "" : "&marker=" + URLEncoder.encode(marker, StandardCharsets.UTF_8)
                            .replace("+", "%20"));
            HttpResponse<String> response = send("GET", bucket, query, HttpRequest.BodyPublishers.noBody());
            if (response.statusCode() != 200) {
                throw new AssertionError("listing " + bucket + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            Document xml = parse(response.body());
            NodeList found = xml.getElementsByTagName("Key");
            for (int i = 0; i < found.getLength(); i++) {
                String key = found.item(i).getTextContent();
                if (!key.endsWith("/")) {
                    keys.add(key);
                }
            }
            NodeList truncated = xml.getElementsByTagName("IsTruncated");
            if (found.getLength() == 0 || truncated.getLength() == 0
                    || !"true".equals(truncated.item(0).getTextContent())) {
                return keys;
            }
            marker = found.item(found.getLength() - 1).getTextContent();
        }
    }

    /** AWS signature version 2 (S3Proxy accepts v2 and v4): enough for creating and listing buckets. */
    private HttpResponse<String> send(String method, String bucket, String query,
            HttpRequest.BodyPublisher body) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)
                .format(ZonedDateTime.now(ZoneOffset.UTC));
        String toSign = method + "\n\n\n\nx-amz-date:" + date + "\n/" + bucket;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint() + "/" + bucket
                            + (query.isEmpty() ? "" : "?" + query)))
                    .timeout(Duration.ofSeconds(30))
                    .header("x-amz-date", date)
                    .header("Authorization", "AWS " + ACCESS_KEY + ":" + signature)
                    .method(method, body)
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + bucket + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("S3Proxy answered something that is not XML: " + xml, e);
        }
    }

    private String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            Processes.stop(process, Duration.ofSeconds(10));
        }
    }
}
