package dev.vixens.ls.plan;

import dev.vixens.ls.alerts.AlertRuleFile;
import dev.vixens.ls.litestream.LitestreamVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One file {@code generate} emits, by kind: the plan decides every value; each kind names its template (under
 * {@code templates/}) and what the template reads, in one place, so a template never receives a map assembled
 * elsewhere. A new kind is one record here and one template.
 */
public sealed interface EmittedFile {

    /** Relative to the repository root, '/'-separated. */
    String path();

    String template();

    /** The names the template reads, each bound to a plan value. */
    Map<String, Object> model();

    /** The format the output stage records in the file's header, for the files later runs read back. */
    default Optional<String> format() {
        return Optional.empty();
    }

    /** A Component's {@code kustomization.yaml}. */
    record Kustomization(String path, ComponentPlan component) implements EmittedFile {
        public String template() {
            return "component/kustomization.yaml.ftl";
        }

        public Map<String, Object> model() {
            return Map.of("component", component);
        }
    }

    /** The strategic-merge patch of the app's workload. */
    record WorkloadPatch(String path, PodPatch patch) implements EmittedFile {
        public String template() {
            return "component/pod-patch.yaml.ftl";
        }

        public Map<String, Object> model() {
            return Map.of("patch", patch);
        }
    }

    /** One Litestream process's config, in its release's dialect. */
    record LitestreamConfig(String path, ConfigModel config) implements EmittedFile {
        public String template() {
            return config.template();
        }

        public Map<String, Object> model() {
            return config.model();
        }

        /** {@code Litestream 0.3}: the dialect, which decides the replica layout the config writes. */
        @Override
        public Optional<String> format() {
            return Optional.of("Litestream " + config.version().release().dialect());
        }
    }

    /** The PodMonitor that scrapes every Litestream process of a pod. */
    record PodMonitor(String path, PodMonitorPlan monitor) implements EmittedFile {
        public String template() {
            return "component/podmonitor.yaml.ftl";
        }

        public Map<String, Object> model() {
            return Map.of("monitor", monitor);
        }
    }

    /** The restore drill's CronJob. */
    record RestoreDrillJob(String path, RestoreDrill drill) implements EmittedFile {
        public String template() {
            return "component/restore-drill.yaml.ftl";
        }

        public Map<String, Object> model() {
            return Map.of("drill", drill);
        }
    }

    /** The app's alert rules: a PrometheusRule (a resource of the Component) or a plain rules file beside it. */
    record AlertRules(String path, AlertRuleFile file) implements EmittedFile {
        public String template() {
            return "component/alert-rules.yaml.ftl";
        }

        public Map<String, Object> model() {
            return Map.of("file", file);
        }
    }

    /** What a Litestream config holds, per dialect. */
    sealed interface ConfigModel {

        LitestreamProcess process();

        LitestreamVersion version();

        String template();

        Map<String, Object> model();

        /**
         * The top-level settings: the safety settings the release table marks for writing (e.g.
         * {@code shutdown-sync-timeout}), then the app's heartbeat.
         */
        List<TopSetting> settings();
    }

    /** One top-level setting of a Litestream config. */
    record TopSetting(String key, String value) {
    }

    /** Litestream 0.3: intervals and retention per replica. */
    record Config03(LitestreamProcess process, LitestreamVersion version, List<TopSetting> settings)
            implements ConfigModel {
        public String template() {
            return "litestream/config-0.3.yml.ftl";
        }

        public Map<String, Object> model() {
            return Map.of("process", process, "settings", settings());
        }
    }

    /**
     * Litestream 0.5: one snapshot block per process, written at the top or on each database
     * ({@code snapshotPerDatabase}) as the release reads it.
     */
    record Config05(LitestreamProcess process, LitestreamVersion version, Litestream05Dialect.Snapshot snapshot,
            boolean snapshotPerDatabase, List<TopSetting> settings) implements ConfigModel {
        public String template() {
            return "litestream/config-0.5.yml.ftl";
        }

        public Map<String, Object> model() {
            return Map.of("process", process, "settings", settings(), "snapshot", snapshot, "snapshotPerDatabase",
                    snapshotPerDatabase, "version", version.text());
        }
    }
}
