package dev.vixens.ls.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.litestream.Release;
import dev.vixens.ls.litestream.ReleaseTable;
import dev.vixens.ls.profile.GoDuration;
import dev.vixens.ls.profile.Profile;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The decisions of {@link AlertRules}, release by release and profile by profile: every rule reads only series
 * the app's release serves (the release table's metrics), and its patience and severity are the profile's.
 * promtool judges the expressions themselves (AlertRulesPromtoolTest).
 */
class AlertRulesTest {

    private static final Pattern METRIC = Pattern.compile("\\b(litestream_[a-z0-9_]+)\\b");

    private static AlertSubject subject(String version, Optional<String> drill) {
        Release release = ReleaseTable.get().find(version).orElseThrow();
        return new AlertSubject("app", "ns", "app-[0-9]+", release, Optional.empty(), List.of(
                new AlertSubject.Database("main", "/data/main.db", "critical",
                        new Profile.Alerting(GoDuration.parse("5m"), "critical")),
                new AlertSubject.Database("cache", "/data/cache.db", "relaxed",
                        new Profile.Alerting(GoDuration.parse("1h"), "warning"))), drill);
    }

    private static List<String> names(List<AlertRule> rules) {
        return rules.stream().map(AlertRule::alert).distinct().toList();
    }

    @Test
    void noRuleReadsASeriesTheReleaseDoesNotServe() {
        for (Release release : ReleaseTable.get().releases()) {
            for (AlertRule rule : AlertRules.rules(subject(release.version(), Optional.of("app-drill")), "rb")) {
                Matcher m = METRIC.matcher(rule.expr());
                while (m.find()) {
                    assertThat(release.metrics()).as(release + " " + rule.alert()).contains(m.group(1));
                }
            }
        }
    }

    @Test
    void eachLineGetsTheRulesItsSeriesAllow() {
        assertThat(names(AlertRules.rules(subject("0.3.13", Optional.empty()), "rb"))).containsExactly(
                AlertRules.SYNC_ERRORS, AlertRules.STALLED, AlertRules.METRICS_GONE);
        assertThat(names(AlertRules.rules(subject("0.5.12", Optional.empty()), "rb"))).containsExactly(
                AlertRules.SYNC_ERRORS, AlertRules.STALLED, AlertRules.METRICS_GONE, AlertRules.CREDENTIALS,
                AlertRules.REPLICA_ERRORS);
        assertThat(names(AlertRules.rules(subject("0.5.15", Optional.of("app-drill")), "rb"))).containsExactly(
                AlertRules.SYNC_ERRORS, AlertRules.STALLED, AlertRules.METRICS_GONE, AlertRules.CREDENTIALS,
                AlertRules.REPLICA_ERRORS, AlertRules.DISK_FULL, AlertRules.DRILL_FAILED, AlertRules.DRILL_OVERDUE);
    }

    @Test
    void aCriticalDatabaseAlertsSoonerAndLouderThanARelaxedOne() {
        List<AlertRule> syncErrors = AlertRules.rules(subject("0.3.13", Optional.empty()), "rb").stream()
                .filter(r -> r.alert().equals(AlertRules.SYNC_ERRORS)).toList();
        assertThat(syncErrors).extracting(r -> r.labels().get("database"), r -> r.forDuration().orElseThrow(),
                r -> r.labels().get("severity")).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("main", "5m", "critical"),
                        org.assertj.core.groups.Tuple.tuple("cache", "1h", "warning"));
        assertThat(syncErrors.get(0).annotations()).containsEntry("runbook_url", "rb#litestreamsyncerrors");
    }

    @Test
    void onZeroFivePostsOfAnyProcessAreJudgedPerScrapeTarget() {
        AlertRule stalled = AlertRules.rules(subject("0.5.12", Optional.empty()), "rb").stream()
                .filter(r -> r.alert().equals(AlertRules.STALLED)).findFirst().orElseThrow();
        assertThat(stalled.expr()).isEqualTo("increase(litestream_total_wal_bytes{namespace=\"ns\",pod=~\"app-[0-9]+\","
                + "db=\"/data/main.db\"}[5m]) > 0 unless on (job, instance) increase(litestream_replica_operation_total"
                + "{namespace=\"ns\",pod=~\"app-[0-9]+\",operation=\"PUT\"}[5m]) > 0");
    }

    @Test
    void prometheusDurations() {
        assertThat(AlertRules.prometheus(GoDuration.parse("90m"))).isEqualTo("1h30m");
        assertThat(AlertRules.prometheus(GoDuration.parse("168h"))).isEqualTo("168h");
        assertThat(AlertRules.prometheus(GoDuration.parse("1m30s"))).isEqualTo("1m30s");
    }
}
