package dev.vixens.ls.plan;

import dev.vixens.ls.litestream.LitestreamVersion;
import java.util.List;
import java.util.Map;

/**
 * How one Litestream version is configured: which processes a pod needs and which template writes their
 * config. The decision lives here, in Java, so it can be tested without rendering.
 */
public sealed interface ConfigDialect permits Litestream03Dialect, Litestream05Dialect {

    static ConfigDialect of(LitestreamVersion version) {
        if (version instanceof LitestreamVersion.V05 v05) {
            return new Litestream05Dialect(v05);
        }
        return new Litestream03Dialect();
    }

    /** Groups the replicated databases of one pod into processes, the first listening on {@code basePort}. */
    List<LitestreamProcess> processes(List<LitestreamProcess.Replica> replicas, int basePort);

    /** The template (under {@code templates/}) that writes one process's config file. */
    String configTemplate();

    /** What {@link #configTemplate()} reads for one process. */
    default Map<String, Object> configModel(LitestreamProcess process) {
        return Map.of("process", process);
    }
}
