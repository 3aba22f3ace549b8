package dev.vixens.ls.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.plan.AppPlanner;
import dev.vixens.ls.plan.EmittedFile;
import dev.vixens.ls.plan.PlannedDatabase;
import dev.vixens.ls.profile.Profile;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.Processes;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.TestTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14's "done when" for every example app, not only the three with hand-written unit tests
 * ({@link AlertRulesPromtoolTest}): every committed rules file under {@code apps/} and {@code examples/} is run
 * through the real {@code promtool test rules} with scenarios written here from the app's own facts (its
 * descriptor and profiles as the planner resolves them: namespace, workload and pod names, database paths,
 * {@code alertAfter} and {@code alertSeverity}, scrape setup, drill schedule), never from the rule's expression or
 * {@code for:}. For each alert: the failure it names happens and it must fire with exactly the labels it promises
 * after the profile's patience plus a margin, and not a minute before; on a healthy series it stays silent. A rule
 * that cannot fire, a selector that misses the app's series, a lost label or a wrong threshold fails here, and an
 * alert this test does not know fails too, so that no new rule ships untested.
 *
 * <p>The summary and description annotations are prose (with templates); the copy promtool reads keeps only the
 * {@code runbook_url}, which is derived here from the repository's {@code runbookBase}. The prose and its
 * templates are proven by the hand-written tests.
 */
class EveryAppAlertsFireTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    /** Minutes of healthy series before a failure starts; the failure starts at minute {@value} + 1. */
    private static final int HEALTHY = 10;
    /** Minutes an alert may take past its patience to fire: one rule evaluation, one scrape, a late sample. */
    private static final int MARGIN = 3;
    /**
     * The patience of the rules whose {@code for:} is not a profile's: credentials refused and disk full page at
     * once (docs/alerts.md: "for 1m, always critical"). The drill rules wait {@value #DRILL_PATIENCE} minutes
     * for kube-state-metrics to settle: the one fact here that comes from the rule itself.
     */
    private static final int AT_ONCE = 1;
    private static final int DRILL_PATIENCE = 5;
    private static final String KSM = "kube-state-metrics";
    /** The codes of a storage that refuses the credentials, and one that does not (S3 throttling). */
    private static final String REFUSED = "AccessDenied";
    private static final String THROTTLED = "SlowDown";

    /** One rules file (its path relative to the project, or to a test's repository) and the plan that wrote it. */
    record Case(String file, Path path, AppPlan plan, Monitoring monitoring) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Case> cases() throws IOException {
        Path root = ProjectFiles.root();
        Map<String, Case> planned = planned(root, List.of(root, root.resolve("examples")));
        List<String> committed = AlertRulesPromtoolTest.committedRulesFiles().stream()
                .map(p -> root.relativize(p).toString()).toList();
        assertThat(committed).as("every example app ships rules").hasSizeGreaterThanOrEqualTo(18);
        assertThat(planned.keySet()).as("the committed rules files are those the apps' plans write")
                .containsExactlyInAnyOrderElementsOf(committed);
        return committed.stream().map(planned::get).toList();
    }

    /** The rules file each app (and each overlay with settings of its own) of the repositories plans, by path. */
    private static Map<String, Case> planned(Path root, List<Path> repoRoots) {
        Map<String, Case> planned = new TreeMap<>();
        for (Path repoRoot : repoRoots) {
            Repository repo = Repository.open(repoRoot);
            Monitoring monitoring = repo.config().monitoring();
            for (AppRef ref : repo.apps()) {
                AppPlan plan = AppPlanner.plan(repo.load(ref), repo.profiles(), monitoring);
                for (AppPlan each : Stream.concat(Stream.of(plan), plan.overlayPlans().stream()).toList()) {
                    each.files().stream().filter(EmittedFile.AlertRules.class::isInstance).forEach(f -> {
                        Path path = repoRoot.resolve(f.path());
                        String file = root.relativize(path).toString();
                        planned.put(file, new Case(file, path, each, monitoring));
                    });
                }
            }
        }
        return planned;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyAlertFiresOnTheFailureItNamesAndNotOnAHealthySeries(Case c, @TempDir Path tmp) throws IOException {
        Processes.Result result = promtool(c, UnaryOperator.identity(), tmp);
        assertThat(result.exitCode()).as(c.file() + ":\n" + result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    /**
     * An app added later is judged the same way, and the rule no committed app has yet is proven too: the 0.5
     * app moved to 0.5.16, whose Litestream reports a full disk, with a restore drill, generated by the real
     * command line.
     */
    @Test
    void aNewAppOnTheNewestReleaseIsJudgedTheSameWay(@TempDir Path tmp) throws IOException {
        Path repo = tmp.resolve("repo");
        ProjectFiles.copyExampleRepository(repo, "hydrus-client-v05");
        Path descriptor = repo.resolve("apps/30-lab/hydrus-client-v05/vixens-backup.yaml");
        String text = Files.readString(descriptor);
        String newer = text.replace("version: 0.5.12", "version: 0.5.16") + "drill:\n  schedule: \"0 4 * * *\"\n";
        assertThat(newer).contains("0.5.16");
        Files.writeString(descriptor, newer);
        CliRun generate = CliRun.inRepo(repo, "generate", "--all");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        List<Case> cases = List.copyOf(planned(repo, List.of(repo)).values());
        assertThat(cases).hasSize(1);
        Case c = cases.get(0);
        assertThat(Files.readString(c.path())).contains(AlertRules.DISK_FULL, AlertRules.CREDENTIALS,
                AlertRules.DRILL_OVERDUE);
        Processes.Result result = promtool(c, UnaryOperator.identity(), tmp.resolve("run"));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    /** The scenarios can fail: each change below to a committed file is one promtool must report. */
    @Test
    void aRuleThatWaitsTooLongMissesItsSelectorOrDropsALabelFails(@TempDir Path tmp) throws IOException {
        Case vaultwarden = cases().stream()
                .filter(c -> c.file().equals("apps/60-services/vaultwarden/litestream/prometheusrule.yaml"))
                .findFirst().orElseThrow();
        Map<String, UnaryOperator<String>> defects = new LinkedHashMap<>();
        defects.put("LitestreamSyncErrors", s -> s.replaceFirst("for: 15m", "for: 2h"));
        defects.put("LitestreamMetricsAbsent", s -> s.replace(
                "absent(litestream_db_size{namespace=\\\"vaultwarden\\\"",
                "absent(litestream_db_size{namespace=\\\"vaultwarden-old\\\""));
        defects.put("LitestreamReplicationStalled", s -> s.replace("[15m]", "[5m]"));
        defects.put("LitestreamRestoreDrillFailed", s -> s.replace(
                "            namespace: \"vaultwarden\"\n            severity: \"critical\"\n          annotations:\n"
                        + "            description: \"The last run",
                "            severity: \"critical\"\n          annotations:\n            description: \"The last run"));
        for (Map.Entry<String, UnaryOperator<String>> defect : defects.entrySet()) {
            String original = Files.readString(vaultwarden.path());
            assertThat(defect.getValue().apply(original)).as("the defect applies").isNotEqualTo(original);
            Processes.Result result = promtool(vaultwarden, defect.getValue(), tmp.resolve(defect.getKey()));
            assertThat(result.exitCode()).as(result.output()).isNotZero();
            assertThat(result.output()).contains("alertname: " + defect.getKey());
        }
    }

    /** A rule the scenarios do not know fails the file, naming the alert. */
    @Test
    void anAlertWithoutAScenarioFails() throws IOException {
        Case any = cases().get(0);
        assertThat(catchThrowable(() -> new Scenarios(any).forAlerts(
                List.of(new FileRule("LitestreamSomethingNew", Optional.empty())))))
                .hasMessageContaining("LitestreamSomethingNew");
    }

    /** Runs promtool on the (edited) committed file of {@code c} with the scenarios of its app. */
    private static Processes.Result promtool(Case c, UnaryOperator<String> edit, Path dir) throws IOException {
        Files.createDirectories(dir);
        JsonNode doc = YAML.readTree(edit.apply(Files.readString(c.path())));
        JsonNode groups = doc.has("kind") ? doc.path("spec") : doc;
        List<FileRule> rules = new ArrayList<>();
        for (JsonNode group : groups.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.add(new FileRule(rule.path("alert").asText(),
                        Optional.ofNullable(rule.path("labels").get("database")).map(JsonNode::asText)));
                // The prose is the hand-written tests' concern; the runbook is derived from the repository.
                ObjectNode annotations = (ObjectNode) rule.path("annotations");
                annotations.retain("runbook_url");
            }
        }
        YAML.writeValue(dir.resolve("rules.yaml").toFile(), groups);
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("rule_files", List.of("rules.yaml"));
        test.put("evaluation_interval", "1m");
        test.put("tests", new Scenarios(c).forAlerts(rules));
        YAML.writeValue(dir.resolve("scenarios.test.yaml").toFile(), test);
        return Processes.run(Processes.command(List.of(TestTools.promtool().toString(), "test", "rules",
                "scenarios.test.yaml"), Map.of(), dir));
    }

    /** An alert rule of the file: its name and, for a rule about one database, the database it names. */
    record FileRule(String alert, Optional<String> database) {
    }

    /** A backed-up database of the app, with the patience and severity of its profile. */
    record Db(String name, String path, String profile, int afterMinutes, String severity) {
    }

    /**
     * The promtool test groups of one app, from its facts. Series carry the labels a Prometheus gives the
     * sidecar's metrics (namespace, pod, job, instance) or kube-state-metrics' (namespace of the object, job).
     */
    static final class Scenarios {
        private final String app;
        private final String namespace;
        private final String runbookBase;
        private final List<Db> databases = new ArrayList<>();
        private final Map<String, String> target = new LinkedHashMap<>();
        private final Optional<String> podMonitorJob;
        private final Optional<String> cronJob;
        private final long drillPeriodSeconds;

        Scenarios(Case c) {
            AppDescriptor app = c.plan().app();
            this.app = app.app();
            this.namespace = app.namespace();
            this.runbookBase = c.monitoring().runbookBase();
            for (PlannedDatabase db : c.plan().databases()) {
                if (db.replicated() && db.profile() instanceof Profile.BackedUp p) {
                    databases.add(new Db(db.name(), db.path(), p.name(),
                            (int) Math.ceil(p.alerting().after().millis() / 60_000.0), p.alerting().severity()));
                }
            }
            podMonitorJob = c.plan().files().stream().filter(EmittedFile.PodMonitor.class::isInstance)
                    .map(f -> ((EmittedFile.PodMonitor) f).monitor())
                    .map(m -> m.namespace() + "/" + m.name()).findFirst();
            target.put("namespace", namespace);
            target.put("pod", app.workload().kind() == AppDescriptor.WorkloadKind.STATEFUL_SET
                    ? app.workload().name() + "-0" : app.workload().name() + "-7c9d8f5b4-x2x7q");
            target.put("job", podMonitorJob.orElse("kubernetes-pods"));
            target.put("instance", "10.42.0.7:9090");
            Optional<EmittedFile.RestoreDrillJob> drill = c.plan().files().stream()
                    .filter(EmittedFile.RestoreDrillJob.class::isInstance).map(EmittedFile.RestoreDrillJob.class::cast)
                    .findFirst();
            cronJob = drill.map(d -> d.drill().name());
            drillPeriodSeconds = drill.map(d -> periodSeconds(d.drill().schedule())).orElse(0L);
        }

        List<Map<String, Object>> forAlerts(List<FileRule> rules) {
            assertThat(databases).as(app + ": a rules file for an app that backs nothing up").isNotEmpty();
            Set<String> alerts = new LinkedHashSet<>();
            for (FileRule rule : rules) {
                alerts.add(rule.alert());
                rule.database().ifPresent(db -> assertThat(databases.stream().map(Db::name))
                        .as(rule.alert() + " names a database the app does not back up").contains(db));
            }
            assertThat(alerts).as(app + ": every database's metrics are watched")
                    .contains(AlertRules.METRICS_GONE);
            List<Map<String, Object>> out = new ArrayList<>();
            for (String alert : alerts) {
                switch (alert) {
                    case AlertRules.SYNC_ERRORS -> databases.forEach(db -> syncErrors(db, out));
                    case AlertRules.STALLED -> databases.forEach(db -> stalled(db, out));
                    case AlertRules.METRICS_GONE -> databases.forEach(db -> metricsGone(db, out));
                    case AlertRules.CREDENTIALS -> replicaErrors(alert, REFUSED, THROTTLED, AT_ONCE, "critical", out);
                    case AlertRules.REPLICA_ERRORS ->
                        replicaErrors(alert, THROTTLED, REFUSED, appAfter(), appSeverity(), out);
                    case AlertRules.DISK_FULL -> diskFull(out);
                    case AlertRules.DRILL_FAILED -> drillFailed(out);
                    case AlertRules.DRILL_OVERDUE -> drillOverdue(out);
                    default -> throw new AssertionError(app + ": the alert " + alert + " has no scenario in"
                            + " EveryAppAlertsFireTest; add one (its failure, and a healthy series)");
                }
            }
            return out;
        }

        /** The sync error counter climbs from the failure on; flat when healthy. */
        private void syncErrors(Db db, List<Map<String, Object>> out) {
            int end = failure() + db.afterMinutes() + MARGIN;
            Map<String, String> series = with(target, "db", db.path());
            out.add(firesAfter(AlertRules.SYNC_ERRORS, db.afterMinutes(), List.of(
                    series("litestream_sync_error_count", series, "0x" + HEALTHY + " 1+1x" + end)),
                    promised(series, db)));
            out.add(silent(AlertRules.SYNC_ERRORS, end, List.of(
                    series("litestream_sync_error_count", series, "0x" + end))));
        }

        /**
         * The database keeps changing (its WAL bytes grow) while nothing reaches the replica any more: both
         * counters of 0.3 (bytes per database) and of 0.5 (PUTs per process) stop at the failure. The alert
         * waits the profile's window, counted from the last shipment. Healthy: both move, or neither (an idle
         * database ships nothing, rightly).
         */
        private void stalled(Db db, List<Map<String, Object>> out) {
            int stop = failure() - 1;
            int end = failure() + db.afterMinutes() + MARGIN;
            Map<String, String> series = with(target, "db", db.path());
            Map<String, String> replica = with(series, "name", "s3");
            Map<String, String> puts = with(target, "operation", "PUT");
            out.add(firesAfter(AlertRules.STALLED, db.afterMinutes(), List.of(
                    series("litestream_total_wal_bytes", series, "0+4096x" + end),
                    series("litestream_replica_wal_bytes", replica, "0+4096x" + stop + " " + 4096 * stop + "x" + end),
                    series("litestream_replica_operation_total", puts, "0+1x" + stop + " " + stop + "x" + end)),
                    promised(series, db)));
            out.add(silent(AlertRules.STALLED, end, List.of(
                    series("litestream_total_wal_bytes", series, "0+4096x" + end),
                    series("litestream_replica_wal_bytes", replica, "0+4096x" + end),
                    series("litestream_replica_operation_total", puts, "0+1x" + end))));
            out.add(silent(AlertRules.STALLED, end, List.of(
                    series("litestream_total_wal_bytes", series, "4096x" + end),
                    series("litestream_replica_wal_bytes", replica, "4096x" + end),
                    series("litestream_replica_operation_total", puts, "1x" + end))));
        }

        /**
         * The sidecar's series stop (stale). {@code absent()} can only carry the selector's exact matches: the
         * namespace, the database's path, and the PodMonitor's job when one scrapes the sidecars.
         */
        private void metricsGone(Db db, List<Map<String, Object>> out) {
            int end = failure() + db.afterMinutes() + MARGIN;
            Map<String, String> series = with(target, "db", db.path());
            Map<String, String> absent = new TreeMap<>(Map.of("namespace", namespace, "db", db.path()));
            podMonitorJob.ifPresent(job -> absent.put("job", job));
            out.add(firesAfter(AlertRules.METRICS_GONE, db.afterMinutes(), List.of(
                    series("litestream_db_size", series, "1048576x" + HEALTHY + " stale")), promised(absent, db)));
            out.add(silent(AlertRules.METRICS_GONE, end, List.of(
                    series("litestream_db_size", series, "1048576x" + end))));
        }

        /**
         * Replica operations fail with {@code code}, counted per pod and code; healthy: only the other kind of
         * code climbs (a refused credential pages once, as such, not twice).
         */
        private void replicaErrors(String alert, String code, String other, int after, String severity,
                List<Map<String, Object>> out) {
            int end = failure() + after + MARGIN;
            Map<String, String> failing = with(target, "code", code);
            Map<String, String> otherCode = with(target, "code", other);
            Map<String, String> labels = new TreeMap<>(Map.of("namespace", namespace, "pod", target.get("pod"),
                    "code", code));
            out.add(firesAfter(alert, after, List.of(
                    series("litestream_replica_operation_errors_total", with(failing, "operation", "PUT"),
                            "0x" + HEALTHY + " 1+1x" + end)), promised(labels, severity)));
            out.add(silent(alert, end, List.of(
                    series("litestream_replica_operation_errors_total", with(failing, "operation", "PUT"),
                            "0x" + end),
                    series("litestream_replica_operation_errors_total", with(otherCode, "operation", "PUT"),
                            "0x" + HEALTHY + " 1+1x" + end))));
        }

        private void diskFull(List<Map<String, Object>> out) {
            int end = failure() + AT_ONCE + MARGIN;
            Map<String, String> labels = new TreeMap<>(Map.of("namespace", namespace, "pod", target.get("pod")));
            out.add(firesAfter(AlertRules.DISK_FULL, AT_ONCE, List.of(
                    series("litestream_disk_full", target, "0x" + HEALTHY + " 1x" + end)),
                    promised(labels, "critical")));
            out.add(silent(AlertRules.DISK_FULL, end, List.of(series("litestream_disk_full", target, "0x" + end))));
        }

        /**
         * A Job of the drill's CronJob (named {@code <cronjob>-<minutes since epoch>}) that started after the last
         * success fails; healthy: a later run succeeded.
         */
        private void drillFailed(List<Map<String, Object>> out) {
            String cron = cronJob.orElseThrow(() -> new AssertionError(app + ": drill rules without a drill"));
            int end = failure() + DRILL_PATIENCE + MARGIN;
            Map<String, String> job = new TreeMap<>(Map.of("namespace", namespace, "job", KSM,
                    "job_name", cron + "-29412240"));
            Map<String, String> cronLabels = new TreeMap<>(Map.of("namespace", namespace, "job", KSM,
                    "cronjob", cron));
            out.add(firesAfter(AlertRules.DRILL_FAILED, DRILL_PATIENCE, List.of(
                    series("kube_cronjob_status_last_successful_time", cronLabels, "60x" + end),
                    series("kube_job_status_start_time", job, "600x" + end),
                    series("kube_job_status_failed", job, "0x" + HEALTHY + " 1x" + end)),
                    promised(Map.of(), appSeverity())));
            out.add(silent(AlertRules.DRILL_FAILED, end, List.of(
                    series("kube_cronjob_status_last_successful_time", cronLabels, "1200x" + end),
                    series("kube_job_status_start_time", job, "600x" + end),
                    series("kube_job_status_failed", job, "1x" + end))));
        }

        /**
         * The last success grows older than twice the schedule's period (from the descriptor's schedule) from the
         * failure on; healthy: it is one period old.
         */
        private void drillOverdue(List<Map<String, Object>> out) {
            String cron = cronJob.orElseThrow(() -> new AssertionError(app + ": drill rules without a drill"));
            int end = failure() + DRILL_PATIENCE + MARGIN;
            long period = drillPeriodSeconds;
            Map<String, String> cronLabels = new TreeMap<>(Map.of("namespace", namespace, "job", KSM,
                    "cronjob", cron));
            List<Map<String, Object>> schedule = List.of(
                    series("kube_cronjob_status_last_schedule_time", cronLabels, "0x" + end),
                    series("kube_cronjob_next_schedule_time", cronLabels, period + "x" + end));
            List<Map<String, Object>> overdue = new ArrayList<>(schedule);
            overdue.add(series("kube_cronjob_status_last_successful_time", cronLabels,
                    (HEALTHY * 60L - 2 * period) + "x" + end));
            out.add(firesAfter(AlertRules.DRILL_OVERDUE, DRILL_PATIENCE, overdue, promised(cronLabels, appSeverity())));
            List<Map<String, Object>> onTime = new ArrayList<>(schedule);
            onTime.add(series("kube_cronjob_status_last_successful_time", cronLabels,
                    (end * 60L - period) + "x" + end));
            out.add(silent(AlertRules.DRILL_OVERDUE, end, onTime));
        }

        /** The minute the failure starts in every scenario. */
        private static int failure() {
            return HEALTHY + 1;
        }

        /** The labels an alert about {@code db} promises on top of what its expression keeps of the series. */
        private Map<String, String> promised(Map<String, String> kept, Db db) {
            Map<String, String> labels = promised(kept, db.severity());
            labels.put("database", db.name());
            labels.put("profile", db.profile());
            return labels;
        }

        private Map<String, String> promised(Map<String, String> kept, String severity) {
            Map<String, String> labels = new TreeMap<>(kept);
            labels.put("app", app);
            labels.put("namespace", namespace);
            labels.put("severity", severity);
            return labels;
        }

        /** The rules about the whole app speak with the most urgent severity of its databases (docs/alerts.md)... */
        private String appSeverity() {
            List<String> order = List.of("critical", "warning", "info");
            return databases.stream().map(Db::severity).min(Comparator.comparingInt(order::indexOf)).orElseThrow();
        }

        /** ... after the shortest {@code alertAfter} among them. */
        private int appAfter() {
            return databases.stream().mapToInt(Db::afterMinutes).min().orElseThrow();
        }

        /** Silent one minute before the failure has lasted {@code after}, firing {@link #MARGIN} after. */
        private Map<String, Object> firesAfter(String alert, int after, List<Map<String, Object>> series,
                Map<String, String> labels) {
            int fires = failure() + after;
            Map<String, Object> alerting = Map.of("exp_labels", labels, "exp_annotations",
                    Map.of("runbook_url", runbookBase + "#" + alert.toLowerCase(Locale.ROOT)));
            return group(series, List.of(
                    eval(alert, fires - 1, List.of()),
                    eval(alert, fires + MARGIN, List.of(alerting))));
        }

        private Map<String, Object> silent(String alert, int at, List<Map<String, Object>> series) {
            return group(series, List.of(eval(alert, at, List.of())));
        }

        /**
         * One promtool test group. Every database the scenario does not speak of reports its size all along, so
         * that the app's other databases are up and only the scenario's failure can page.
         */
        private Map<String, Object> group(List<Map<String, Object>> series, List<Map<String, Object>> evals) {
            int end = evals.stream().mapToInt(e -> Integer.parseInt(((String) e.get("eval_time")).replace("m", "")))
                    .max().orElseThrow();
            List<Map<String, Object>> all = new ArrayList<>(series);
            for (Db db : databases) {
                Map<String, Object> up = series("litestream_db_size", with(target, "db", db.path()), "1048576x" + end);
                if (series.stream().noneMatch(s -> s.get("series").equals(up.get("series")))) {
                    all.add(up);
                }
            }
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("interval", "1m");
            group.put("input_series", all);
            group.put("alert_rule_test", evals);
            return group;
        }

        private static Map<String, Object> eval(String alert, int minute, List<Map<String, Object>> alerts) {
            Map<String, Object> eval = new LinkedHashMap<>();
            eval.put("eval_time", minute + "m");
            eval.put("alertname", alert);
            eval.put("exp_alerts", alerts);
            return eval;
        }

        private static Map<String, Object> series(String metric, Map<String, String> labels, String values) {
            StringBuilder s = new StringBuilder(metric).append('{');
            new TreeMap<>(labels).forEach((k, v) -> s.append(k).append("=\"").append(v).append("\","));
            s.setCharAt(s.length() - 1, '}');
            return Map.of("series", s.toString(), "values", values);
        }

        private static Map<String, String> with(Map<String, String> labels, String key, String value) {
            Map<String, String> out = new LinkedHashMap<>(labels);
            out.put(key, value);
            return out;
        }
    }

    /**
     * The time between two runs of a drill schedule, for the schedules the example apps use: a macro, or five
     * fields that fire once an hour, a day or a week. Any other shape fails so that this test is taught it.
     */
    static long periodSeconds(String schedule) {
        String[] f = schedule.strip().split("\\s+");
        long hour = 3600;
        return switch (schedule.strip()) {
            case "@hourly" -> hour;
            case "@daily", "@midnight" -> 24 * hour;
            case "@weekly" -> 7 * 24 * hour;
            default -> {
                assertThat(f).as("a five-field schedule: " + schedule).hasSize(5);
                boolean single = f[0].matches("[0-9]+");
                if (single && f[1].equals("*") && f[2].equals("*") && f[3].equals("*") && f[4].equals("*")) {
                    yield hour;
                }
                if (single && f[1].matches("[0-9]+") && f[2].equals("*") && f[3].equals("*")) {
                    yield f[4].equals("*") ? 24 * hour : f[4].matches("[0-9]+") ? 7 * 24 * hour
                            : fail(schedule);
                }
                yield fail(schedule);
            }
        };
    }

    private static long fail(String schedule) {
        throw new AssertionError("teach EveryAppAlertsFireTest.periodSeconds the drill schedule " + schedule);
    }
}
