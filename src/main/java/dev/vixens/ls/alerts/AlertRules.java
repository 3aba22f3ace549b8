package dev.vixens.ls.alerts;

import dev.vixens.ls.litestream.Release;
import dev.vixens.ls.profile.GoDuration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which alert rules an app gets, with which expressions, thresholds and labels: the one place where that is
 * decided. Litestream has no "last successful sync" or lag series, so each rule is built from what the app's
 * release exposes (the release table's metrics: no rule reads a series the release does not serve), and its
 * patience and severity come from the database's profile ({@code alertAfter}, {@code alertSeverity}). Every rule
 * names the app, the database where the series allows it, a severity, and a runbook section of
 * docs/troubleshooting.md. The expressions are explained in docs/alerts.md.
 */
public final class AlertRules {

    static final String SYNC_ERRORS = "LitestreamSyncErrors";
    static final String STALLED = "LitestreamReplicationStalled";
    static final String CREDENTIALS = "LitestreamReplicaCredentialsRejected";
    static final String REPLICA_ERRORS = "LitestreamReplicaOperationErrors";
    static final String DISK_FULL = "LitestreamDiskFull";
    static final String METRICS_GONE = "LitestreamMetricsAbsent";
    static final String DRILL_FAILED = "LitestreamRestoreDrillFailed";
    static final String DRILL_OVERDUE = "LitestreamRestoreDrillOverdue";

    /** The error codes of a storage that refuses the credentials, as S3 and its clones name them. */
    static final String CREDENTIAL_CODES =
            "AccessDenied|InvalidAccessKeyId|SignatureDoesNotMatch|ExpiredToken|InvalidToken|Forbidden|403";
    /** The window a counter's increase is taken over where the profile's patience is the rule's {@code for}. */
    private static final String WINDOW = "5m";

    private AlertRules() {
    }

    /** The rules file of one app, of the kind the repository's monitoring asks for. */
    public static AlertRuleFile file(AlertSubject subject, Monitoring monitoring) {
        return new AlertRuleFile(subject.app() + "-litestream-alerts", subject.namespace(),
                monitoring.prometheusOperator(), monitoring.ruleLabels(), rules(subject, monitoring.runbookBase()));
    }

    static List<AlertRule> rules(AlertSubject subject, String runbookBase) {
        Rules out = new Rules(subject, runbookBase);
        Release release = subject.release();
        String sel = selector(subject);
        for (AlertSubject.Database db : subject.databases()) {
            String dbSel = sel + ",db=" + quote(db.path());
            if (release.metrics().contains("litestream_sync_error_count")) {
                out.database(SYNC_ERRORS, db, "increase(litestream_sync_error_count{" + dbSel + "}[" + WINDOW
                        + "]) > 0", Optional.of(prometheus(db.alerting().after())),
                        "Litestream cannot sync " + db.name() + " (" + subject.app() + ")",
                        "Litestream has failed to sync the database to its replica for " + prometheus(db.alerting()
                        .after()) + ": its latest writes are not backed up.");
            }
            stalled(release, dbSel, sel).ifPresent(expr -> out.database(STALLED, db, expr
                    .replace("$WINDOW", prometheus(db.alerting().after())), Optional.of("1m"),
                    "Replication of " + db.name() + " (" + subject.app() + ") has stalled",
                    "The database changed during the last " + prometheus(db.alerting().after()) + " and nothing"
                    + " was shipped to its replica."));
            if (release.metrics().contains("litestream_db_size")) {
                out.database(METRICS_GONE, db, "absent(litestream_db_size{" + dbSel + "})",
                        Optional.of(prometheus(db.alerting().after())),
                        "No Litestream metrics for " + db.name() + " (" + subject.app() + ")",
                        "No Litestream process reports the database " + db.path() + ": the sidecar is not running,"
                        + " not scraped, or no longer replicates it.");
            }
        }
        if (subject.databases().isEmpty()) {
            return out.rules;
        }
        if (release.metrics().contains("litestream_replica_operation_errors_total")) {
            String errors = "litestream_replica_operation_errors_total{" + sel;
            out.app(CREDENTIALS, "critical", "sum by (namespace, pod, code) (increase(" + errors + ",code=~"
                    + quote(CREDENTIAL_CODES) + "}[" + WINDOW + "])) > 0", Optional.of("1m"),
                    "The storage refuses " + subject.app() + "'s Litestream credentials",
                    "Replica operations fail with {{ $labels.code }}: nothing is backed up until the Secret holds"
                    + " valid credentials.");
            out.app(REPLICA_ERRORS, out.severity(), "sum by (namespace, pod, code) (increase(" + errors
                    + ",code!~" + quote(CREDENTIAL_CODES) + "}[" + WINDOW + "])) > 0", Optional.of(out.after()),
                    "Replica operations of " + subject.app() + " fail",
                    "Litestream's operations on the replica storage fail with {{ $labels.code }}.");
        }
        if (release.metrics().contains("litestream_disk_full")) {
            out.app(DISK_FULL, "critical", "max by (namespace, pod) (litestream_disk_full{" + sel + "}) > 0",
                    Optional.of("1m"), "The disk of " + subject.app() + "'s databases is full",
                    "Litestream reports a full disk: writes and replication stop.");
        }
        subject.drillCronJob().ifPresent(cronJob -> drill(out, subject, cronJob));
        return out.rules;
    }

    /**
     * "The database changes and nothing reaches the replica", from what each line exposes. 0.3 counts the WAL
     * bytes it copies from the database ({@code litestream_total_wal_bytes}) and the bytes it ships, per
     * database ({@code litestream_replica_wal_bytes}). 0.5 counts the same WAL bytes, but its replica operations
     * ({@code litestream_replica_operation_total}) are counted per process, not per database: a process
     * replicating several databases is judged by all of them.
     */
    private static Optional<String> stalled(Release release, String dbSel, String sel) {
        if (!release.metrics().contains("litestream_total_wal_bytes")) {
            return Optional.empty();
        }
        String changed = "increase(litestream_total_wal_bytes{" + dbSel + "}[$WINDOW]) > 0";
        if (release.metrics().contains("litestream_replica_wal_bytes")) {
            return Optional.of(changed + " unless on (job, instance, db) increase(litestream_replica_wal_bytes{"
                    + dbSel + "}[$WINDOW]) > 0");
        }
        if (release.metrics().contains("litestream_replica_operation_total")) {
            return Optional.of(changed + " unless on (job, instance) increase(litestream_replica_operation_total{"
                    + sel + ",operation=\"PUT\"}[$WINDOW]) > 0");
        }
        return Optional.empty();
    }

    /**
     * The drill, from kube-state-metrics: failed when a drill Job that failed started after the last success;
     * overdue when the last success is older than twice the time between two runs of the CronJob (the schedule's
     * own period, read from the next and the last schedule time, so any cron expression works).
     */
    private static void drill(Rules out, AlertSubject subject, String cronJob) {
        String ns = "namespace=" + quote(subject.namespace());
        String jobs = ns + ",job_name=~" + quote(regex(cronJob) + "-[0-9]+");
        String lastSuccess = "kube_cronjob_status_last_successful_time{" + ns + ",cronjob=" + quote(cronJob) + "}";
        out.app(DRILL_FAILED, out.severity(), "max(kube_job_status_start_time{" + jobs + "} and on (namespace,"
                + " job_name) kube_job_status_failed{" + jobs + "} > 0) > scalar(max(" + lastSuccess
                + ") or vector(0))", Optional.of("5m"),
                "The restore drill of " + subject.app() + " failed",
                "The last run of the CronJob " + cronJob + " failed: the backup could not be restored or did not"
                + " pass the integrity check.");
        String cron = "{" + ns + ",cronjob=" + quote(cronJob) + "}";
        out.app(DRILL_OVERDUE, out.severity(), "time() - " + lastSuccess + " > 2 * (kube_cronjob_next_schedule_time"
                + cron + " - kube_cronjob_status_last_schedule_time" + cron + ")", Optional.of("5m"),
                "The restore drill of " + subject.app() + " has not succeeded for two periods",
                "The CronJob " + cronJob + " last succeeded {{ $value | humanizeDuration }} ago, more than twice"
                + " its schedule's period.");
    }

    /** The app's Litestream series: its namespace and pods, and the PodMonitor's job when one scrapes them. */
    static String selector(AlertSubject subject) {
        String sel = "namespace=" + quote(subject.namespace()) + ",pod=~" + quote(subject.podPattern());
        return subject.podMonitorJob().map(job -> sel + ",job=" + quote(job)).orElse(sel);
    }

    /** A PromQL double-quoted string; names and paths are limited to characters that need no escape but '\'. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** {@code text} as a regular expression matching itself (names hold only letters, digits, '-' and '.'). */
    public static String regex(String text) {
        return text.replace(".", "\\.");
    }

    /** A duration as Prometheus writes it: {@code 1h30m}, {@code 45s}. */
    static String prometheus(GoDuration duration) {
        long millis = duration.millis();
        StringBuilder out = new StringBuilder();
        long[] units = {3_600_000, 60_000, 1_000, 1};
        String[] names = {"h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (millis >= units[i]) {
                out.append(millis / units[i]).append(names[i]);
                millis %= units[i];
            }
        }
        return out.isEmpty() ? "0s" : out.toString();
    }

    /** Collects the rules with the labels and annotations every rule carries. */
    private static final class Rules {
        private final AlertSubject subject;
        private final String runbookBase;
        final List<AlertRule> rules = new ArrayList<>();

        Rules(AlertSubject subject, String runbookBase) {
            this.subject = subject;
            this.runbookBase = runbookBase;
        }

        void database(String alert, AlertSubject.Database db, String expr, Optional<String> forDuration,
                String summary, String description) {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("database", db.name());
            labels.put("profile", db.profile());
            add(alert, db.alerting().severity(), expr, forDuration, labels, summary, description);
        }

        void app(String alert, String severity, String expr, Optional<String> forDuration, String summary,
                String description) {
            add(alert, severity, expr, forDuration, new LinkedHashMap<>(), summary, description);
        }

        private void add(String alert, String severity, String expr, Optional<String> forDuration,
                Map<String, String> labels, String summary, String description) {
            labels.put("app", subject.app());
            labels.put("namespace", subject.namespace());
            labels.put("severity", severity);
            Map<String, String> annotations = Map.of("summary", summary, "description", description,
                    "runbook_url", runbookBase + "#" + alert.toLowerCase(java.util.Locale.ROOT));
            rules.add(new AlertRule(alert, expr, forDuration, labels, annotations));
        }

        /** The most urgent severity among the app's databases, for the rules about the whole app. */
        String severity() {
            List<String> order = List.of("critical", "warning", "info");
            return subject.databases().stream().map(db -> db.alerting().severity())
                    .min(Comparator.comparingInt(s -> order.indexOf(s) < 0 ? order.size() : order.indexOf(s)))
                    .orElse("warning");
        }

        /** The shortest patience among the app's databases. */
        String after() {
            return subject.databases().stream().map(db -> db.alerting().after())
                    .min(Comparator.naturalOrder()).map(AlertRules::prometheus).orElse(WINDOW);
        }
    }
}
