package dev.vixens.ls.profile;

import dev.vixens.ls.source.ConfinedPaths;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.InputFiles;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.Suggestions;
import dev.vixens.ls.source.YamlBinder;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads profile files. The built-in profiles ship inside the tool ({@link BuiltInProfiles}); a repository adds
 * or replaces profiles by putting {@code <name>.yaml} files in its profiles directory.
 */
public final class ProfileLoader {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");

    /** The {@code severity} labels Alertmanager setups route on. */
    static final List<String> SEVERITIES = List.of("critical", "warning", "info");

    private ProfileLoader() {
    }

    /** The built-in profiles only (outside any repository). */
    public static ProfileCatalog builtIn() {
        return load(null, null);
    }

    /**
     * @param repoDir the repository's profiles directory, or null when it has none
     * @param paths the repository's path rules, through which every profile file is read
     */
    public static ProfileCatalog load(Path repoDir, ConfinedPaths paths) {
        Map<String, Profile> profiles = new LinkedHashMap<>();
        List<String> backedUpBuiltIns = new ArrayList<>();
        for (Profile profile : BuiltInProfiles.load()) {
            profiles.put(profile.name(), profile);
            if (profile instanceof Profile.BackedUp) {
                backedUpBuiltIns.add(profile.name());
            }
        }
        List<String> warnings = new ArrayList<>();
        if (repoDir != null) {
            for (Path file : InputFiles.profiles(repoDir)) {
                String fileName = file.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - ".yaml".length());
                SourceFile source = paths.read(file);
                if (!isName(name)) {
                    throw new InputException(source.start(), "profile file name '" + fileName
                            + "' must be a lower-case name such as my-profile.yaml");
                }
                ProfileDocument doc = YamlBinder.bind(source, ProfileDocument.class, EXPECTATIONS);
                Profile profile = parse(name, source, doc);
                guardBuiltInBackup(source, doc, profiles.get(name), profile, backedUpBuiltIns)
                        .ifPresent(warnings::add);
                profiles.put(name, profile);
            }
        }
        return new ProfileCatalog(profiles, warnings);
    }

    /** The rule for a profile's name, which is its file's name without {@code .yaml}. */
    static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }

    /** The key a repository profile needs to turn a backed-up built-in profile into one that is not. */
    static final String ACKNOWLEDGE = "acknowledgeNoBackup";

    /**
     * A repository file named like a built-in replaces it, which is allowed; but a backed-up built-in profile
     * silently turned into one that is not backed up makes every database using it deleted at each pod start.
     * That takes {@code acknowledgeNoBackup: <the profile's name>} in the file, and is then said on every run.
     *
     * @param replaced the profile this file replaces (a built-in one: each repository file has its own name),
     *        or null for a new profile
     * @param backedUpBuiltIns the names of the backed-up built-in profiles, for the message
     * @return the warning to print while the replacement holds
     */
    private static java.util.Optional<String> guardBuiltInBackup(SourceFile source, ProfileDocument doc,
            Profile replaced, Profile profile, List<String> backedUpBuiltIns) {
        String acknowledged = doc.acknowledgeNoBackup();
        boolean stopsBackups = replaced instanceof Profile.BackedUp && profile instanceof Profile.Ephemeral;
        YamlPath at = YamlPath.of(ACKNOWLEDGE);
        if (!stopsBackups) {
            if (acknowledged != null) {
                throw new InputException(YamlLocator.locateKey(source, at), ACKNOWLEDGE + ": has no meaning here; it"
                        + " only acknowledges that a file replaces a backed-up built-in profile ("
                        + String.join(", ", backedUpBuiltIns) + ") with one that is not backed up; remove it");
            }
            return java.util.Optional.empty();
        }
        if (acknowledged == null) {
            throw new InputException(YamlLocator.locate(source, YamlPath.of("backup")), "backup: false would stop the"
                    + " backups of every database using the built-in profile '" + profile.name() + "' (each would be"
                    + " deleted at every pod start and never replicated); if that is really meant, add '" + ACKNOWLEDGE
                    + ": " + profile.name() + "' to this file, else give the profile a name of its own");
        }
        if (!acknowledged.equals(profile.name())) {
            throw new InputException(YamlLocator.locate(source, at), ACKNOWLEDGE + ": " + Problem.quote(acknowledged)
                    + " must name the profile it acknowledges, '" + profile.name() + "'");
        }
        return java.util.Optional.of("warning: " + source.displayName() + " replaces the built-in profile '"
                + profile.name() + "' with one that is not backed up (" + ACKNOWLEDGE + "): every database using '"
                + profile.name() + "' is deleted at each pod start and never replicated");
    }

    /** What a profile's text values look like, for messages about a value of the wrong type. */
    private static final YamlBinder.Expectations EXPECTATIONS = path -> {
        String key = path.segments().size() == 1 ? String.valueOf(path.segments().get(0)) : "";
        return switch (key) {
            case "syncInterval", "snapshotInterval", "retention" -> "a duration such as " + GoDuration.EXAMPLES;
            case "integrityCheck" -> "one of " + String.join(", ", IntegrityCheck.WORDS);
            case "alertAfter" -> "a duration such as 15m";
            case "alertSeverity" -> "one of " + String.join(", ", SEVERITIES);
            default -> null;
        };
    };

    static Profile parse(String name, SourceFile source) {
        return parse(name, source, YamlBinder.bind(source, ProfileDocument.class, EXPECTATIONS));
    }

    private static Profile parse(String name, SourceFile source, ProfileDocument doc) {
        String description = doc.description() == null ? "" : doc.description().strip();
        if (doc.backup() == null) {
            throw missing(source, "backup", "true for a backed-up profile, false for one that is never backed up");
        }
        if (!doc.backup()) {
            for (String key : List.of("syncInterval", "snapshotInterval", "retention", "integrityCheck",
                    "alertAfter", "alertSeverity")) {
                if (valueOf(doc, key) != null) {
                    throw new InputException(YamlLocator.locateKey(source, YamlPath.of(key)), key + ": has no"
                            + " meaning in a profile that is not backed up (backup: false); remove it");
                }
            }
            return new Profile.Ephemeral(name, description, source.displayName());
        }
        GoDuration sync = required(source, "syncInterval", doc.syncInterval(), DurationRule.SYNC_INTERVAL);
        GoDuration snapshot = required(source, "snapshotInterval", doc.snapshotInterval(),
                DurationRule.SNAPSHOT_INTERVAL);
        GoDuration retention = required(source, "retention", doc.retention(), DurationRule.RETENTION);
        if (snapshot.isLongerThan(retention)) {
            throw new InputException(YamlLocator.locate(source, YamlPath.of("retention")), "retention: " + retention
                    + " is shorter than snapshotInterval " + snapshot + "; a restore could find no snapshot");
        }
        if (sync.isLongerThan(snapshot)) {
            throw new InputException(YamlLocator.locate(source, YamlPath.of("syncInterval")), "syncInterval: " + sync
                    + " is longer than snapshotInterval " + snapshot);
        }
        if (doc.integrityCheck() == null) {
            throw missing(source, "integrityCheck", "one of " + String.join(", ", IntegrityCheck.WORDS));
        }
        IntegrityCheck integrity;
        try {
            integrity = IntegrityCheck.parse(doc.integrityCheck());
        } catch (IllegalArgumentException e) {
            throw new InputException(YamlLocator.locate(source, YamlPath.of("integrityCheck")), e.getMessage()
                    + Suggestions.didYouMean(doc.integrityCheck(), IntegrityCheck.WORDS));
        }
        return new Profile.BackedUp(name, description, sync, snapshot, retention, integrity,
                alerting(source, doc, snapshot), source.displayName());
    }

    /**
     * A profile written before the alert keys existed still loads: it alerts after its snapshot interval (the
     * age of restore point the profile already accepts) with severity warning.
     */
    private static Profile.Alerting alerting(SourceFile source, ProfileDocument doc, GoDuration snapshot) {
        GoDuration after = snapshot;
        if (doc.alertAfter() != null) {
            try {
                after = DurationRule.ALERT_AFTER.parse(doc.alertAfter());
            } catch (IllegalArgumentException e) {
                throw new InputException(YamlLocator.locate(source, YamlPath.of("alertAfter")), "alertAfter: "
                        + e.getMessage());
            }
        }
        String severity = doc.alertSeverity() == null ? "warning" : doc.alertSeverity();
        if (!SEVERITIES.contains(severity)) {
            throw new InputException(YamlLocator.locate(source, YamlPath.of("alertSeverity")), "alertSeverity: "
                    + Problem.quote(severity) + " is not one of: " + String.join(", ", SEVERITIES)
                    + Suggestions.didYouMean(severity, SEVERITIES));
        }
        return new Profile.Alerting(after, severity);
    }

    private static GoDuration required(SourceFile source, String key, String text, DurationRule rule) {
        if (text == null) {
            throw missing(source, key, "a backed-up profile sets syncInterval, snapshotInterval, retention and"
                    + " integrityCheck");
        }
        try {
            return rule.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(YamlLocator.locate(source, YamlPath.of(key)), key + ": " + e.getMessage());
        }
    }

    private static InputException missing(SourceFile source, String key, String what) {
        YamlPath at = YamlPath.of(key);
        if (YamlLocator.has(source, at)) {
            return new InputException(YamlLocator.locate(source, at), key + ": has no value; expected " + what);
        }
        return new InputException(YamlLocator.locate(source, YamlPath.ROOT), "missing '" + key + "' (" + what + ")");
    }

    private static Object valueOf(ProfileDocument doc, String key) {
        return switch (key) {
            case "syncInterval" -> doc.syncInterval();
            case "snapshotInterval" -> doc.snapshotInterval();
            case "retention" -> doc.retention();
            case "alertAfter" -> doc.alertAfter();
            case "alertSeverity" -> doc.alertSeverity();
            default -> doc.integrityCheck();
        };
    }
}
