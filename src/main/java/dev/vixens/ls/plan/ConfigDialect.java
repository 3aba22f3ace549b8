package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.litestream.Level;
import dev.vixens.ls.litestream.LitestreamVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one configuration language of Litestream is written: which processes a pod needs and which template
 * writes their config. The release table names each release's dialect; the dialect asks the release for the
 * rest (where snapshot settings go, which safety settings it reads). The decision lives here, in Java, so it
 * can be tested without rendering. A new language is one class here and one template.
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

    /** The template (under {@code templates/}) that writes one process's config file. */
    String configTemplate();

    /** The version whose config this dialect writes. */
    LitestreamVersion version();

    /**
     * What {@link #configTemplate()} reads for one process: the process, and the safety settings the release
     * table asks vixens-ls to write at the top level of this release's config.
     */
    default Map<String, Object> configModel(LitestreamProcess process) {
        return Map.of("process", process, "settings", settings());
    }

    /**
     * As {@link #configModel(LitestreamProcess)}, with the app's heartbeat among the top-level settings. The
     * descriptor loader refuses a heartbeat on a release that does not read {@code heartbeat-url}; the keys are
     * the release table's.
     */
    default Map<String, Object> configModel(LitestreamProcess process, Optional<Settings.Heartbeat> heartbeat) {
        Map<String, Object> model = new HashMap<>(configModel(process));
        if (heartbeat.isPresent()) {
            List<TopSetting> settings = new ArrayList<>(settings());
            settings.add(new TopSetting("heartbeat-url", "${" + heartbeat.get().urlEnv() + "}"));
            settings.add(new TopSetting("heartbeat-interval", heartbeat.get().interval().toString()));
            model.put("settings", List.copyOf(settings));
        }
        return Map.copyOf(model);
    }

    /** One top-level setting the release table marks for writing, e.g. {@code shutdown-sync-timeout: 20s}. */
    record TopSetting(String key, String value) {
    }

    default List<TopSetting> settings() {
        return version().release().writes(Level.TOP).entrySet().stream()
                .map(e -> new TopSetting(e.getKey(), e.getValue())).toList();
    }
}
