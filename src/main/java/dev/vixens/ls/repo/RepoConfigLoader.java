package dev.vixens.ls.repo;

import dev.vixens.ls.descriptor.DescriptorLoader;
import dev.vixens.ls.descriptor.Documents.SettingsDocument;
import dev.vixens.ls.descriptor.Names;
import dev.vixens.ls.descriptor.SettingsResolver;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.YamlBinder;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import dev.vixens.ls.version.BuildInfo;
import java.util.List;

/** Reads {@value Repository#CONFIG_FILE}. */
final class RepoConfigLoader {

    /** {@code requires} is checked by {@link RequiredVersion} before binding; here it is only a known key. */
    record RepoConfigDocument(String requires, List<String> apps, String shared, String profiles,
            SettingsDocument defaults, VerifyConfig.VerifyDocument verify) {
    }

    private RepoConfigLoader() {
    }

    static RepoConfig load(SourceFile source) {
        RequiredVersion.check(source, BuildInfo.current());
        RepoConfigDocument doc = YamlBinder.bindOrDefault(source, RepoConfigDocument.class,
                new RepoConfigDocument(null, null, null, null, null, null), DescriptorLoader.EXPECTATIONS);
        List<String> apps = doc.apps() == null ? List.of(RepoConfig.DEFAULT_APPS) : doc.apps();
        if (apps.isEmpty()) {
            throw new InputException(YamlLocator.locate(source, YamlPath.of("apps")),
                    "apps: the list is empty; list at least one directory to search for app descriptors");
        }
        for (int i = 0; i < apps.size(); i++) {
            relative(source, YamlPath.of("apps", i), apps.get(i));
        }
        String shared = doc.shared() == null ? RepoConfig.DEFAULT_SHARED : doc.shared();
        relative(source, YamlPath.of("shared"), shared);
        String profiles = doc.profiles() == null ? RepoConfig.DEFAULT_PROFILES : doc.profiles();
        relative(source, YamlPath.of("profiles"), profiles);
        SettingsDocument defaults = doc.defaults() == null ? SettingsDocument.EMPTY : doc.defaults();
        SettingsResolver.Layer layer = new SettingsResolver.Layer(defaults, source, YamlPath.of("defaults"));
        // Validate the defaults once, where they are written, even if no app uses them.
        SettingsResolver.resolve(List.of(layer));
        return new RepoConfig(List.copyOf(apps), shared, profiles, layer, VerifyConfig.of(source, doc.verify()));
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
}
