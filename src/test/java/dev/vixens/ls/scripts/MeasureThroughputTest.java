package dev.vixens.ls.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.Processes;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.S3ProxyServer;
import dev.vixens.ls.testing.SharedS3Proxy;
import dev.vixens.ls.testing.TestTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/measure-throughput, run for real on a small database: the real sqlite3, Litestream 0.3.13 and
 * S3Proxy (the one it starts itself, or a user's endpoint, played by the shared test S3Proxy). It must print
 * three positive throughputs and the lines to paste, and leave no file, object or process behind.
 */
@ExtendWith(SharedS3Proxy.class)
class MeasureThroughputTest {

    private static final Pattern THROUGHPUT = Pattern.compile(
            "(?m)^(restore|integrity_check|quick_check): ([0-9]+\\.[0-9]) MiB/s \\(.*\\)$");
    private static final Pattern PASTE = Pattern.compile(
            "(?m)^startupEstimate:\\n  restoreMiBps: ([0-9.]+)\\n  integrityFullMiBps: ([0-9.]+)\\n"
                    + "  integrityQuickMiBps: ([0-9.]+)$");

    @TempDir
    Path dir;

    @TempDir
    Path tmp;

    @Test
    void measuresAgainstItsOwnLoopbackS3ProxyAndLeavesNothingBehind() throws IOException {
        Processes.Result run = measure(Map.of(), "--size", "8M", "--runs", "1", "--dir", dir.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(throughputs(run.output())).containsOnlyKeys("restore", "integrity_check", "quick_check")
                .allSatisfy((name, value) -> assertThat(value).as(name).isPositive());
        assertThat(run.output()).contains("restore from S3Proxy on 127.0.0.1 (loopback)")
                .containsPattern("database: [78]\\.[0-9] MiB in " + Pattern.quote(dir.toString()));
        assertPasteLines(run.output());
        assertNothingLeft();
    }

    @Test
    void measuresTheRestoreFromTheUsersEndpointAndDeletesItsReplicaThere() throws IOException {
        S3ProxyServer s3 = SharedS3Proxy.server();
        String bucket = s3.createBucket();
        Processes.Result run = measure(Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY), "--size", "2M", "--runs", "1", "--timer", "date",
                "--endpoint", s3.endpoint(), "--bucket", bucket, "--path", "team/measure");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(throughputs(run.output())).hasSize(3).allSatisfy((name, value) -> assertThat(value).isPositive());
        assertThat(run.output()).contains("restore from s3://" + bucket + " at " + s3.endpoint())
                .contains("timed with date");
        assertPasteLines(run.output());
        assertThat(s3.keys(bucket, "")).as("objects left in the user's bucket")
                .allMatch(key -> key.endsWith("/") && "team/measure/".startsWith(key));
        assertNothingLeft();
    }

    @Test
    void badArgumentsExitTwoBeforeCreatingAnything() throws IOException {
        Processes.Result size = measure(Map.of(), "--size", "512");
        Processes.Result half = measure(Map.of(), "--endpoint", "http://127.0.0.1:9");

        assertThat(size.exitCode()).isEqualTo(2);
        assertThat(size.output()).startsWith("measure-throughput: --size 512: a number with K, M or G, e.g. 512M\n");
        assertThat(half.exitCode()).isEqualTo(2);
        assertThat(half.output()).startsWith("measure-throughput: --endpoint and --bucket go together\n");
        assertNothingLeft();
    }

    private Processes.Result measure(Map<String, String> extraEnv, String... args) {
        List<String> argv = new ArrayList<>(List.of(ProjectFiles.root().resolve("scripts/measure-throughput")
                .toString()));
        argv.addAll(List.of(args));
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("TMPDIR", tmp.toString());
        env.put("VIXENS_LITESTREAM_BIN", TestTools.litestream().toString());
        env.put("VIXENS_S3PROXY_JAR", TestTools.s3proxyJar().toString());
        env.putAll(extraEnv);
        return Processes.run(Processes.command(argv, env, dir), Duration.ofMinutes(3));
    }

    private static Map<String, Double> throughputs(String output) {
        Map<String, Double> out = new HashMap<>();
        Matcher m = THROUGHPUT.matcher(output);
        while (m.find()) {
            out.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return out;
    }

    /** The paste block carries the printed throughputs, rounded down. */
    private static void assertPasteLines(String output) {
        Matcher paste = PASTE.matcher(output);
        assertThat(paste.find()).as(output).isTrue();
        Map<String, Double> measured = throughputs(output);
        List<String> order = List.of("restore", "integrity_check", "quick_check");
        for (int i = 0; i < 3; i++) {
            double value = Double.parseDouble(paste.group(i + 1));
            assertThat(value).as(order.get(i)).isPositive().isLessThanOrEqualTo(measured.get(order.get(i)));
        }
    }

    /** No file in the directories it wrote to, no process still running from them (S3Proxy, Litestream). */
    private void assertNothingLeft() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.list(dir), Files.list(tmp))) {
            assertThat(files.toList()).as("left behind").isEmpty();
        }
        List<String> running = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    String cmdline = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    if (cmdline.contains(tmp.toString()) || cmdline.contains(dir.toString())) {
                        running.add(cmdline);
                    }
                } catch (IOException gone) {
                    // the process ended while we listed
                }
            }
        }
        assertThat(running).as("processes left running").isEmpty();
    }
}
