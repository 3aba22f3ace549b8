package dev.vixens.ls.profile;

import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.YamlBinder;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads profile files. The four ADR profiles ship inside the tool; a repository adds or replaces profiles by
 * putting {@code <name>.yaml} files in its profiles directory.
 */
public final class ProfileLoader {

    public static final List<String> BUILT_IN = List.of("critical", "standard", "relaxed", "ephemeral");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");

    private ProfileLoader() {
    }

    /**
     * @param repoDir the repository's profiles directory, or null when it has none
     * @param display how a repository path is shown in messages
     */
    public static ProfileCatalog load(Path repoDir, Function<Path, String> display) {
        Map<String, Profile> profiles = new LinkedHashMap<>();
        for (String name : BUILT_IN) {
            profiles.put(name, parse(name, builtIn(name)));
        }
        if (repoDir != null && Files.isDirectory(repoDir)) {
            for (Path file : repoFiles(repoDir)) {
                String fileName = file.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - ".yaml".length());
                SourceFile source = SourceFile.read(file, display.apply(file));
                if (!NAME.matcher(name).matches()) {
                    throw new InputException(source.start(), "profile file name '" + fileName
                            + "' must be a lower-case name such as my-profile.yaml");
                }
                profiles.put(name, parse(name, source));
            }
        }
        return new ProfileCatalog(profiles);
    }

    private static List<Path> repoFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> yaml = new ArrayList<>(files
                    .filter(f -> f.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(f))
                    .toList());
            yaml.sort(Path::compareTo);
            return yaml;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SourceFile builtIn(String name) {
        String resource = "/profiles/" + name + ".yaml";
        try (InputStream in = ProfileLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in profile missing from the jar: " + resource);
            }
            return SourceFile.fromBytes("built-in:profiles/" + name + ".yaml", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Profile parse(String name, SourceFile source) {
        ProfileDocument doc = YamlBinder.bind(source, ProfileDocument.class);
        String description = doc.description() == null ? "" : doc.description().strip();
        if (doc.backup() == null) {
            throw new InputException(source.start(), "profile '" + name + "': 'backup: true' or 'backup: false' is"
                    + " required");
        }
        if (!doc.backup()) {
            for (String key : List.of("syncInterval", "snapshotInterval", "retention", "integrityCheck")) {
                if (valueOf(doc, key) != null) {
                    throw new InputException(YamlLocator.locateKey(source, YamlPath.of(key)), "profile '" + name
                            + "' is not backed up (backup: false), so '" + key + "' has no meaning here");
                }
            }
            return new Profile.Ephemeral(name, description, source.displayName());
        }
        GoDuration sync = required(source, name, "syncInterval", doc.syncInterval(), DurationRule.SYNC_INTERVAL);
        GoDuration snapshot = required(source, name, "snapshotInterval", doc.snapshotInterval(),
                DurationRule.SNAPSHOT_INTERVAL);
        GoDuration retention = required(source, name, "retention", doc.retention(), DurationRule.RETENTION);
        if (snapshot.isLongerThan(retention)) {
            throw new InputException(YamlLocator.locate(source, YamlPath.of("retention")), "retention " + retention
                    + " is shorter than snapshotInterval " + snapshot + "; a restore would find no snapshot");
        }
        if (sync.isLongerThan(snapshot)) {
            throw new InputException(YamlLocator.locate(source, YamlPath.of("syncInterval")), "syncInterval " + sync
                    + " is longer than snapshotInterval " + snapshot);
        }
        if (doc.integrityCheck() == null) {
            throw new InputException(source.start(), "profile '" + name
                    + "': integrityCheck (mandatory or optional) is required");
        }
        IntegrityCheck integrity;
        try {
            integrity = IntegrityCheck.parse(doc.integrityCheck());
        } catch (IllegalArgumentException e) {
            throw new InputException(YamlLocator.locate(source, YamlPath.of("integrityCheck")), e.getMessage());
        }
        return new Profile.BackedUp(name, description, sync, snapshot, retention, integrity, source.displayName());
    }

    private static GoDuration required(SourceFile source, String name, String key, String text, DurationRule rule) {
        if (text == null) {
            throw new InputException(source.start(), "profile '" + name + "': '" + key
                    + "' is required for a backed-up profile");
        }
        try {
            return rule.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(YamlLocator.locate(source, YamlPath.of(key)), e.getMessage());
        }
    }

    private static Object valueOf(ProfileDocument doc, String key) {
        return switch (key) {
            case "syncInterval" -> doc.syncInterval();
            case "snapshotInterval" -> doc.snapshotInterval();
            case "retention" -> doc.retention();
            default -> doc.integrityCheck();
        };
    }
}
