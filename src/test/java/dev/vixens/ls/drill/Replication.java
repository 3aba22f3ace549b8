package dev.vixens.ls.drill;

import dev.vixens.ls.testing.Processes;
import dev.vixens.ls.testing.Sqlite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Waits, without blind sleeps, until Litestream has shipped what was committed: restores each database from
 * its replica into a probe file (with the sidecar's own config and credentials, like {@code kubectl exec} into
 * it) until the restored content equals the live database's. The probe goes where such a restore could write
 * in the pod, whose root file system is read-only: the sidecar's scratch space at {@code /tmp}. Gives up after
 * 60 s ({@code -Dvixens.drill.replicationTimeout=SECONDS}).
 */
public final class Replication {

    private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("vixens.drill.replicationTimeout", 60));
    /** The generated containers' scratch space (an emptyDir), a pod path. */
    private static final String SCRATCH = "/tmp";

    private Replication() {
    }

    /**
     * @param sidecar the container whose config and environment to restore with
     * @param databases pod paths of the databases to wait for
     * @return the content of each database (its {@code .dump}) that the replica now holds
     */
    public static Map<String, String> await(PodSandbox pod, String sidecar, String... databases) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String db : databases) {
            expected.put(db, Sqlite.dump(pod.hostPath(db)));
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int attempt = 0;
        String config = pod.configArgument(sidecar);
        for (String db : databases) {
            String last = "";
            while (true) {
                String probeInPod = SCRATCH + "/replication-probe-" + attempt++ + ".db";
                Path probe = pod.hostPath(probeInPod);
                PodSandbox.ContainerRun restore = pod.exec(sidecar, "litestream", "restore", "-config", config,
                        "-o", probeInPod, db);
                if (restore.succeeded() && Files.exists(probe)) {
                    String got = Sqlite.dump(probe);
                    if (got.equals(expected.get(db))) {
                        break;
                    }
                    last = restore.output() + "\nrestored content differs:\n" + firstDifference(got, expected.get(db));
                } else {
                    last = restore.output();
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the replica of " + db + " did not catch up within " + TIMEOUT
                            + "; last restore said:\n" + last + "\n" + sidecar + " printed:\n" + pod.log(sidecar));
                }
                Processes.sleep(250);
            }
        }
        try (var files = Files.list(pod.hostPath(SCRATCH))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("replication-probe-")).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expected;
    }

    private static String firstDifference(String got, String expected) {
        String[] a = got.split("\n", -1);
        String[] b = expected.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end>";
            String y = i < b.length ? b[i] : "<end>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": restored " + x + "\n        expected " + y;
            }
        }
        return "(none)";
    }
}
