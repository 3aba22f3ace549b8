package dev.vixens.ls.plan;

import dev.vixens.ls.litestream.LitestreamVersion;
import java.util.List;

/**
 * How one Litestream version is configured: which processes a pod needs and which template writes their
 * config. The decision lives here, in Java, so it can be tested without rendering.
 */
public sealed interface ConfigDialect permits Litestream03Dialect {

    static ConfigDialect of(LitestreamVersion version) {
        if (version instanceof LitestreamVersion.V03) {
            return new Litestream03Dialect();
        }
        throw new IllegalArgumentException("Litestream " + version.text()
                + " is not supported by this version of vixens-ls; use " + LitestreamVersion.VERIFIED_03);
    }

    /** Groups the replicated databases of one pod into processes, the first listening on {@code basePort}. */
    List<LitestreamProcess> processes(List<LitestreamProcess.Replica> replicas, int basePort);

    /** The template (under {@code templates/}) that writes one process's config file. */
    String configTemplate();
}
