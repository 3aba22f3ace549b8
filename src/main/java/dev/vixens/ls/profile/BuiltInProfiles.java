package dev.vixens.ls.profile;

import dev.vixens.ls.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The profiles that ship inside the tool: every {@code src/main/resources/profiles/<name>.yaml}, found through
 * the list the build writes beside them ({@code profiles/index.txt}, by {@code scripts/profile-index}), so
 * that shipping a profile is adding its file and no Java names the built-ins.
 *
 * <p>They are listed most protective first (backed-up before not backed up, then by snapshot interval,
 * longer retention, shorter sync, name): the order of the ADR's table, which {@code profiles} and the
 * shared building blocks follow, whatever the file names.
 */
final class BuiltInProfiles {

    /** Where they are in the jar, and how a message names one ({@code built-in:profiles/critical.yaml}). */
    static final String DIRECTORY = "profiles/";
    static final String INDEX = DIRECTORY + "index.txt";
    static final String SOURCE_PREFIX = "built-in:";

    /** Most protective first; see the class comment. */
    static final Comparator<Profile> MOST_PROTECTIVE_FIRST = new MostProtectiveFirst();

    private BuiltInProfiles() {
    }

    static List<Profile> load() {
        return load(BuiltInProfiles.class.getClassLoader());
    }

    /** @param loader the class loader whose resources hold the profiles (a test gives its own) */
    static List<Profile> load(ClassLoader loader) {
        List<Profile> profiles = new ArrayList<>();
        for (String file : lines(read(loader, INDEX))) {
            String name = file.substring(0, file.length() - ".yaml".length());
            profiles.add(ProfileLoader.parse(name, SourceFile.fromBytes(SOURCE_PREFIX + DIRECTORY + file,
                    read(loader, DIRECTORY + file))));
        }
        profiles.sort(MOST_PROTECTIVE_FIRST);
        return profiles;
    }

    private static byte[] read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in profile file missing from the jar: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index's file names (no lambdas or streams here: this runs in every command's cold JVM). */
    private static List<String> lines(byte[] index) {
        List<String> files = new ArrayList<>();
        for (String line : new String(index, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                files.add(line);
            }
        }
        return files;
    }

    private static final class MostProtectiveFirst implements Comparator<Profile> {
        @Override
        public int compare(Profile a, Profile b) {
            if (a instanceof Profile.BackedUp x && b instanceof Profile.BackedUp y) {
                int order = x.snapshotInterval().compareTo(y.snapshotInterval());
                if (order == 0) {
                    order = y.retention().compareTo(x.retention());
                }
                if (order == 0) {
                    order = x.syncInterval().compareTo(y.syncInterval());
                }
                return order != 0 ? order : a.name().compareTo(b.name());
            }
            if (a instanceof Profile.BackedUp || b instanceof Profile.BackedUp) {
                return a instanceof Profile.BackedUp ? -1 : 1;
            }
            return a.name().compareTo(b.name());
        }
    }
}
