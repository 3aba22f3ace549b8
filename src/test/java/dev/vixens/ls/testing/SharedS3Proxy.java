package dev.vixens.ls.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One S3Proxy for every test class that asks for it ({@code @ExtendWith(SharedS3Proxy.class)}), started
 * on first use and stopped by JUnit when the whole run ends. Starting the server is a JVM start of several
 * seconds; classes keep apart by using a fresh bucket each ({@link S3ProxyServer#createBucket()}).
 */
public final class SharedS3Proxy implements BeforeAllCallback {

    private static volatile S3ProxyServer server;

    /** The running server; only valid in classes extended with this extension. */
    public static S3ProxyServer server() {
        if (server == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(SharedS3Proxy.class)");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Running running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedS3Proxy.class, key -> Running.start(), Running.class);
        server = running.server();
    }

    /** The server and its storage directory, closed and removed by JUnit at the end of the run. */
    private record Running(S3ProxyServer server, Path dir) implements ExtensionContext.Store.CloseableResource {

        static Running start() {
            try {
                Path dir = Files.createTempDirectory("vixens-s3proxy-");
                return new Running(S3ProxyServer.start(dir), dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
