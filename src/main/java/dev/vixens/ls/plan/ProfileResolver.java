package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.descriptor.AppDescriptor.Database;
import dev.vixens.ls.descriptor.AppDescriptor.Overrides;
import dev.vixens.ls.profile.DurationRule;
import dev.vixens.ls.profile.GoDuration;
import dev.vixens.ls.profile.IntegrityDepth;
import dev.vixens.ls.profile.Profile;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.source.Suggestions;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies each database's profile and overrides. Refuses overrides that would weaken a guarantee the
 * profile makes (switching off a mandatory integrity check) or that make no sense for the profile.
 */
public final class ProfileResolver {

    private ProfileResolver() {
    }

    public static List<PlannedDatabase> resolve(AppDescriptor app, ProfileCatalog catalog) {
        List<PlannedDatabase> result = new ArrayList<>();
        for (Database db : app.databases()) {
            YamlPath at = YamlPath.of("databases", db.index());
            Profile profile = catalog.find(db.profile()).orElseThrow(() -> problem(app, at.key("profile"),
                    at.key("profile") + ": unknown profile " + Problem.quote(db.profile())
                            + Suggestions.didYouMean(db.profile(), catalog.names()) + "; known profiles: "
                            + String.join(", ", catalog.names())));
            result.add(new PlannedDatabase(db, profile, policy(app, db, profile, at)));
        }
        return result;
    }

    private static BackupPolicy policy(AppDescriptor app, Database db, Profile profile, YamlPath at) {
        Overrides o = db.overrides();
        YamlPath overrides = at.key("overrides");
        if (profile instanceof Profile.BackedUp p) {
            Setting<GoDuration> sync = duration(app, overrides, o.syncInterval(), p.syncInterval(),
                    DurationRule.SYNC_INTERVAL);
            Setting<GoDuration> snapshot = duration(app, overrides, o.snapshotInterval(), p.snapshotInterval(),
                    DurationRule.SNAPSHOT_INTERVAL);
            Setting<GoDuration> retention = duration(app, overrides, o.retention(), p.retention(),
                    DurationRule.RETENTION);
            if (snapshot.value().isLongerThan(retention.value())) {
                throw retention.overridden()
                        ? conflict(app, overrides, retention, "is shorter than", snapshot, DurationRule.SNAPSHOT_INTERVAL,
                                p, DurationRule.RETENTION, "; a restore could find no snapshot")
                        : conflict(app, overrides, snapshot, "is longer than", retention, DurationRule.RETENTION, p,
                                DurationRule.SNAPSHOT_INTERVAL, "; a restore could find no snapshot");
            }
            if (sync.value().isLongerThan(snapshot.value())) {
                throw sync.overridden()
                        ? conflict(app, overrides, sync, "is longer than", snapshot, DurationRule.SNAPSHOT_INTERVAL, p,
                                DurationRule.SYNC_INTERVAL, "")
                        : conflict(app, overrides, snapshot, "is shorter than", sync, DurationRule.SYNC_INTERVAL, p,
                                DurationRule.SNAPSHOT_INTERVAL, "");
            }
            IntegrityDepth profileDepth = p.integrityCheck().depth();
            Setting<IntegrityDepth> integrity;
            if (o.integrityCheck().isEmpty() || o.integrityCheck().get() == profileDepth) {
                integrity = Setting.fromProfile(profileDepth);
            } else if (o.integrityCheck().get() == IntegrityDepth.OFF && p.integrityCheck().mandatory()) {
                YamlPath blamed = overrides.key("integrityCheck");
                throw problem(app, blamed, blamed + ": profile '" + p.name() + "' makes the integrity check"
                        + " mandatory; it cannot be switched off (choose quick for a cheaper check, or a profile with"
                        + " an optional check)");
            } else {
                integrity = Setting.overridden(o.integrityCheck().get());
            }
            return new BackupPolicy.Replicated(sync, snapshot, retention, integrity);
        }
        if (!o.isEmpty()) {
            throw new InputException(YamlLocator.locateKey(app.source(), overrides), overrides + ": profile '"
                    + profile.name() + "' is not backed up, so overrides have no meaning for it; remove them");
        }
        return new BackupPolicy.Ephemeral();
    }

    /**
     * Two intervals that contradict each other, reported at the overridden one (the descriptor's own value),
     * saying where the other comes from so the reader knows which of the two to change.
     */
    private static InputException conflict(AppDescriptor app, YamlPath overrides, Setting<GoDuration> blamed,
            String relation, Setting<GoDuration> other, DurationRule otherRule, Profile.BackedUp profile,
            DurationRule blamedRule, String consequence) {
        YamlPath at = overrides.key(blamedRule.key());
        String origin = other.overridden() ? "" : " (from profile '" + profile.name() + "')";
        return problem(app, at, at + ": " + blamed.value() + " " + relation + " " + otherRule.key() + " "
                + other.value() + origin + consequence);
    }

    private static Setting<GoDuration> duration(AppDescriptor app, YamlPath overrides, String text,
            GoDuration profileValue, DurationRule rule) {
        if (text == null) {
            return Setting.fromProfile(profileValue);
        }
        YamlPath at = overrides.key(rule.key());
        try {
            return Setting.overridden(rule.parse(text));
        } catch (IllegalArgumentException e) {
            throw problem(app, at, at + ": " + e.getMessage());
        }
    }

    private static InputException problem(AppDescriptor app, YamlPath at, String message) {
        return new InputException(YamlLocator.locate(app.source(), at), message);
    }
}
