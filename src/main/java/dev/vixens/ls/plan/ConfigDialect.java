package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.litestream.Level;
import dev.vixens.ls.litestream.LitestreamVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one configuration language of Litestream is written: which processes a pod needs and what their config
 * holds. The release table names each release's dialect; the dialect asks the release for the
 * rest (where snapshot settings go, which safety settings it reads). The decision lives here, in Java, so it
 * can be tested without rendering. A new language is one class here, one {@link EmittedFile.ConfigModel} and one
 * template.
 */
public sealed interface ConfigDialect permits Litestream03Dialect, Litestream05Dialect {

    static ConfigDialect of(LitestreamVersion version) {
        return switch (version.release().dialect()) {
            case "0.3" -> new Litestream03Dialect(version);
            case "0.5" -> new Litestream05Dialect(version);
            default -> throw new IllegalStateException("the release table names a dialect vixens-ls does not have: "
                    + version.release().dialect());
        };
    }

    /** Groups the replicated databases of one pod into processes, the first listening on {@code basePort}. */
    List<LitestreamProcess> processes(List<LitestreamProcess.Replica> replicas, int basePort);

    /** The version whose config this dialect writes. */
    LitestreamVersion version();

    /** What one process's config file holds, in this dialect, with the app's heartbeat when it has one. */
    EmittedFile.ConfigModel config(LitestreamProcess process, Optional<Settings.Heartbeat> heartbeat);

    /** {@link #config(LitestreamProcess, Optional)} without a heartbeat. */
    default EmittedFile.ConfigModel config(LitestreamProcess process) {
        return config(process, Optional.empty());
    }

    /**
     * The safety settings the release table marks for writing at the top, then the heartbeat (the descriptor
     * loader refuses one on a release that does not read {@code heartbeat-url}; the keys are the release table's).
     */
    default List<EmittedFile.TopSetting> topSettings(Optional<Settings.Heartbeat> heartbeat) {
        List<EmittedFile.TopSetting> settings = new ArrayList<>();
        version().release().writes(Level.TOP)
                .forEach((key, value) -> settings.add(new EmittedFile.TopSetting(key, value)));
        heartbeat.ifPresent(h -> {
            settings.add(new EmittedFile.TopSetting("heartbeat-url", "${" + h.urlEnv() + "}"));
            settings.add(new EmittedFile.TopSetting("heartbeat-interval", h.interval().toString()));
        });
        return List.copyOf(settings);
    }
}
