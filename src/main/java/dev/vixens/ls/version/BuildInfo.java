package dev.vixens.ls.version;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What this build of the tool is: its version, the commit it was built from and that commit's date (never the
 * wall clock, so a build is reproducible), and where its source is published. Written at build time by
 * {@code scripts/build-info}; read with {@link Properties} only, so {@code --version} loads nothing else.
 *
 * @param version the Maven version, e.g. {@code 0.2.0} or {@code 0.2.0-SNAPSHOT}
 * @param commit the full commit hash, with {@code +changes} for a build of uncommitted work, or {@code unknown}
 * @param date the commit's date, UTC, ISO-8601, or {@code unknown}
 * @param sourceRepository the git URL the release tags live in, or empty when the build does not know it
 */
public record BuildInfo(String version, String commit, String date, String sourceRepository) {

    static final String RESOURCE = "/dev/vixens/ls/version/build-info.properties";
    private static final String UNKNOWN = "unknown";

    private static BuildInfo current;

    /** This build's information; "unknown" parts when the resource is missing (classes compiled outside Maven). */
    public static synchronized BuildInfo current() {
        if (current == null) {
            current = load();
        }
        return current;
    }

    private static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // no build information: every part reads as unknown
        }
        return new BuildInfo(properties.getProperty("version", UNKNOWN), properties.getProperty("commit", UNKNOWN),
                properties.getProperty("date", UNKNOWN), properties.getProperty("sourceRepository", "").strip());
    }

    /** The one line {@code vixens-ls --version} prints. */
    public String versionLine() {
        return "vixens-ls " + version + " (commit " + shortCommit() + ", built " + date + ")";
    }

    /** The first 12 characters of the hash, keeping a {@code +changes} suffix. */
    public String shortCommit() {
        int plus = commit.indexOf('+');
        String hash = plus < 0 ? commit : commit.substring(0, plus);
        String suffix = plus < 0 ? "" : commit.substring(plus);
        return (hash.length() > 12 ? hash.substring(0, 12) : hash) + suffix;
    }

    /** Whether this is a release build (a version without a qualifier such as {@code -SNAPSHOT}). */
    public boolean isRelease() {
        return ToolVersion.parse(version).map(v -> v.qualifier().isEmpty()).orElse(false);
    }

    /**
     * The git reference pinning this exact build in a hook or CI file: the release tag {@code vX.Y.Z}, else the
     * full commit hash of a clean development build, else empty (uncommitted work has no reference).
     */
    public String gitReference() {
        if (isRelease()) {
            return "v" + version;
        }
        return commit.matches("[0-9a-f]{40}") ? commit : "";
    }
}
