package dev.vixens.ls.repo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vixens.ls.alerts.Monitoring;
import dev.vixens.ls.budget.StartupThroughputs;
import dev.vixens.ls.descriptor.DescriptorLoader;
import dev.vixens.ls.descriptor.Documents.SettingsDocument;
import dev.vixens.ls.descriptor.Names;
import dev.vixens.ls.descriptor.SettingsResolver;
import dev.vixens.ls.source.ConfinedPaths;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.YamlBinder;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import dev.vixens.ls.version.BuildInfo;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@value Repository#CONFIG_FILE}, and checks the directories it names where they are named: each
 * inside the root and reached without a symbolic link, no apps directory searched twice, and a shared
 * directory that is nobody else's (not an app directory or a Component, not containing one, not in
 * {@code .git}), because generate deletes every marked file in it that it did not write.
 */
final class RepoConfigLoader {

    /** {@code requires} is checked by {@link RequiredVersion} before binding; here it is only a known key. */
    record RepoConfigDocument(String requires, List<String> apps, JsonNode shared, String profiles,
            SettingsDocument defaults, VerifyConfig.VerifyDocument verify,
            Monitoring.MonitoringDocument monitoring, StartupThroughputs.StartupEstimateDocument startupEstimate) {
    }

    private RepoConfigLoader() {
    }

    static RepoConfig load(SourceFile source) {
        RequiredVersion.check(source, BuildInfo.current());
        RepoConfigDocument doc = YamlBinder.bindOrDefault(source, RepoConfigDocument.class,
                new RepoConfigDocument(null, null, null, null, null, null, null, null), DescriptorLoader.EXPECTATIONS);
        List<String> apps = doc.apps() == null ? List.of(RepoConfig.DEFAULT_APPS) : doc.apps();
        if (apps.isEmpty()) {
            throw new InputException(YamlLocator.locate(source, YamlPath.of("apps")),
                    "apps: the list is empty; list at least one directory to search for app descriptors");
        }
        for (int i = 0; i < apps.size(); i++) {
            relative(source, YamlPath.of("apps", i), apps.get(i));
            for (int j = 0; j < i; j++) {
                String overlap = overlap(apps.get(i), apps.get(j));
                if (overlap != null) {
                    throw problem(source, YamlPath.of("apps", i), "apps[" + i + "]: " + Problem.quote(apps.get(i))
                            + (overlap.equals("is") ? " repeats apps[" + j + "]" : " " + overlap + " apps[" + j + "] "
                            + Problem.quote(apps.get(j))) + "; every app there would be found twice: list each"
                            + " directory once");
                }
            }
        }
        String shared = RepoConfig.DEFAULT_SHARED;
        boolean writeShared = true;
        if (doc.shared() != null && !doc.shared().isNull()) {
            if (doc.shared().isBoolean()) {
                writeShared = doc.shared().booleanValue();
            } else if (doc.shared().isTextual()) {
                shared = doc.shared().textValue();
            } else {
                throw problem(source, YamlPath.of("shared"), "shared: expected a directory, or false to write no"
                        + " shared building blocks");
            }
        }
        relative(source, YamlPath.of("shared"), shared);
        if (List.of(shared.split("/")).contains(".git")) {
            throw problem(source, YamlPath.of("shared"), "shared: " + Problem.quote(shared) + " is inside .git,"
                    + " git's own directory; choose a directory of the working tree, such as "
                    + RepoConfig.DEFAULT_SHARED);
        }
        String profiles = doc.profiles() == null ? RepoConfig.DEFAULT_PROFILES : doc.profiles();
        relative(source, YamlPath.of("profiles"), profiles);
        SettingsDocument defaults = doc.defaults() == null ? SettingsDocument.EMPTY : doc.defaults();
        SettingsResolver.Layer layer = new SettingsResolver.Layer(defaults, source, YamlPath.of("defaults"));
        // Validate the defaults once, where they are written, even if no app uses them.
        SettingsResolver.resolve(List.of(layer));
        return new RepoConfig(List.copyOf(apps), shared, writeShared, profiles, layer,
                VerifyConfig.of(source, doc.verify()), Monitoring.of(source, doc.monitoring()),
                StartupThroughputs.of(source, doc.startupEstimate()));
    }

    /** Every directory the config names must be reachable inside the root without a link. */
    static void checkDirectories(RepoConfig config, ConfinedPaths paths) {
        for (int i = 0; i < config.appDirs().size(); i++) {
            checkDirectory(config, paths, YamlPath.of("apps", i), config.appDirs().get(i));
        }
        checkDirectory(config, paths, YamlPath.of("shared"), config.sharedDir());
        checkDirectory(config, paths, YamlPath.of("profiles"), config.profilesDir());
    }

    private static void checkDirectory(RepoConfig config, ConfinedPaths paths, YamlPath at, String dir) {
        Path absolute = paths.absolute(dir);
        String problem = paths.problem(absolute, "read");
        if (problem != null) {
            throw problem(config.defaults().source(), at, at + ": " + Problem.quote(dir) + ": " + problem);
        }
    }

    /**
     * The shared directory against what the apps directories hold: equal to, inside or around an app
     * directory or a Component, generate would take the app's files for stale shared output and delete them.
     */
    static void checkShared(RepoConfig config, List<String> appDirs, List<String> componentDirs) {
        String shared = config.sharedDir();
        for (String appDir : appDirs) {
            String overlap = overlap(shared, appDir);
            if (overlap != null) {
                throw sharedProblem(config, overlap + " the app directory " + appDir);
            }
        }
        for (String component : componentDirs) {
            String overlap = overlap(shared, component);
            if (overlap != null) {
                throw sharedProblem(config, overlap + " the generated Component " + component);
            }
        }
    }

    private static InputException sharedProblem(RepoConfig config, String relation) {
        return problem(config.defaults().source(), YamlPath.of("shared"), "shared: " + Problem.quote(config.sharedDir())
                + " " + relation + "; generate deletes every generated file in the shared directory that it did not"
                + " just write, so it would delete that app's files. Give the shared building blocks a directory of"
                + " their own, such as " + RepoConfig.DEFAULT_SHARED);
    }

    /** How directory {@code a} relates to {@code b} ("is", "is inside", "contains"), or null when apart. */
    private static String overlap(String a, String b) {
        if (a.equals(b)) {
            return "is";
        }
        if (a.startsWith(b + "/")) {
            return "is inside";
        }
        if (b.startsWith(a + "/")) {
            return "contains";
        }
        return null;
    }

    private static void relative(SourceFile source, YamlPath at, String path) {
        if (path == null || path.isBlank()) {
            throw new InputException(YamlLocator.locate(source, at), at + ": is empty; expected a directory relative"
                    + " to the repository root");
        }
        String problem = Names.relativePathProblem(path);
        if (problem != null) {
            throw new InputException(YamlLocator.locate(source, at), at + ": " + Problem.quote(path) + " " + problem
                    + (path.startsWith("/") ? "; it is a directory inside the repository, relative to its root" : ""));
        }
    }

    private static InputException problem(SourceFile source, YamlPath at, String message) {
        return new InputException(YamlLocator.locate(source, at), message);
    }
}
