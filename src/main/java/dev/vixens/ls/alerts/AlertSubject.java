package dev.vixens.ls.alerts;

import dev.vixens.ls.litestream.Release;
import dev.vixens.ls.profile.Profile;
import java.util.List;
import java.util.Optional;

/**
 * What the alert rules of one app are about, as the plan knows it: where its pods run, how their metrics are
 * scraped, which Litestream release serves which databases, and its restore drill. Kept apart from the plan's
 * own types so that the decisions of {@link AlertRules} depend on nothing else.
 *
 * @param podPattern a regular expression matching the names of the workload's pods
 * @param podMonitorJob the {@code job} label of the series when a PodMonitor scrapes the sidecars
 *     ({@code <namespace>/<podmonitor>}); empty when the pod annotations do, whose job label is the user's
 *     relabelling's choice
 * @param databases the backed-up databases (an ephemeral one has nothing to watch)
 * @param drillCronJob the restore drill's CronJob, when the app has {@code drill:}
 */
public record AlertSubject(String app, String namespace, String podPattern, Release release,
        Optional<String> podMonitorJob, List<Database> databases, Optional<String> drillCronJob) {

    public AlertSubject {
        databases = List.copyOf(databases);
    }

    /** A backed-up database: its name for people, its path as Litestream labels its series, its profile. */
    public record Database(String name, String path, String profile, Profile.Alerting alerting) {
    }
}
