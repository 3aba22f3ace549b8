package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.descriptor.AppDescriptor.Database;
import dev.vixens.ls.descriptor.AppDescriptor.Overrides;
import dev.vixens.ls.profile.DurationRule;
import dev.vixens.ls.profile.GoDuration;
import dev.vixens.ls.profile.IntegrityCheck;
import dev.vixens.ls.profile.Profile;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.source.InputException;
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
                    at + ".profile: unknown profile '" + db.profile() + "'; known profiles: "
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
                throw problem(app, overrides.key(retention.overridden() ? "retention" : "snapshotInterval"),
                        at + ": retention " + retention.value() + " is shorter than snapshotInterval "
                                + snapshot.value() + "; a restore could find no snapshot");
            }
            if (sync.value().isLongerThan(snapshot.value())) {
                throw problem(app, overrides.key(sync.overridden() ? "syncInterval" : "snapshotInterval"),
                        at + ": syncInterval " + sync.value() + " is longer than snapshotInterval "
                                + snapshot.value());
            }
            Setting<Boolean> integrity;
            if (o.integrityCheck() == null) {
                integrity = Setting.fromProfile(p.integrityCheck() == IntegrityCheck.MANDATORY);
            } else if (!o.integrityCheck() && p.integrityCheck() == IntegrityCheck.MANDATORY) {
                throw problem(app, overrides.key("integrityCheck"), at + ": profile '" + p.name()
                        + "' makes the integrity check mandatory; it cannot be switched off");
            } else {
                boolean profileDefault = p.integrityCheck() == IntegrityCheck.MANDATORY;
                integrity = o.integrityCheck() == profileDefault
                        ? Setting.fromProfile(profileDefault)
                        : Setting.overridden(o.integrityCheck());
            }
            return new BackupPolicy.Replicated(sync, snapshot, retention, integrity);
        }
        if (!o.isEmpty()) {
            throw problem(app, overrides, at + ": profile '" + profile.name() + "' is not backed up; overrides"
                    + " have no meaning for it");
        }
        return new BackupPolicy.Ephemeral();
    }

    private static Setting<GoDuration> duration(AppDescriptor app, YamlPath overrides, String text,
            GoDuration profileValue, DurationRule rule) {
        if (text == null) {
            return Setting.fromProfile(profileValue);
        }
        try {
            return Setting.overridden(rule.parse(text));
        } catch (IllegalArgumentException e) {
            throw problem(app, overrides.key(rule.key()), "overrides." + e.getMessage());
        }
    }

    private static InputException problem(AppDescriptor app, YamlPath at, String message) {
        return new InputException(YamlLocator.locate(app.source(), at), message);
    }
}
