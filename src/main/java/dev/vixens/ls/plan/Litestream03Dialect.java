package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.litestream.LitestreamVersion;
import java.util.List;
import java.util.Optional;

/**
 * Litestream 0.3 (0.3.13, 0.3.14): intervals and retention are per replica, so databases with different
 * profiles share one process and one config file.
 */
public record Litestream03Dialect(LitestreamVersion version) implements ConfigDialect {

    @Override
    public List<LitestreamProcess> processes(List<LitestreamProcess.Replica> replicas, int basePort) {
        if (replicas.isEmpty()) {
            return List.of();
        }
        return List.of(new LitestreamProcess("litestream", "metrics", "litestream.yml", basePort, replicas));
    }

    @Override
    public EmittedFile.Config03 config(LitestreamProcess process) {
        return config(process, Optional.empty());
    }

    @Override
    public EmittedFile.Config03 config(LitestreamProcess process, Optional<Settings.Heartbeat> heartbeat) {
        return new EmittedFile.Config03(process, version, topSettings(heartbeat));
    }
}
