package dev.vixens.ls.generate;

import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.descriptor.SettingsResolver;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.plan.ResolvedApp;
import dev.vixens.ls.repo.Repository;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code generate} and {@code check} say on stderr, without failing, about the Litestream releases in use:
 * every app (and the shared building blocks) configured for a release newer than the release table by the
 * opt-in, on every run while it is in use; and the backup-format changes of {@link FormatChange}, while the
 * configs on disk and the descriptors disagree.
 */
public final class ReleaseWarnings {

    private ReleaseWarnings() {
    }

    /** For a run over {@code plans} and the shared building blocks. */
    public static List<String> of(Repository repo, List<AppPlan> plans) {
        List<String> warnings = new ArrayList<>();
        for (AppPlan plan : plans) {
            warnings.addAll(forApp(repo, plan.resolved()));
        }
        Settings defaults = SettingsResolver.resolve(List.of(repo.config().defaults()));
        defaults.litestreamVersion().assumption()
                .ifPresent(text -> warnings.add("warning: " + repo.config().sharedDir() + ": " + text));
        warnings.addAll(FormatChange.forShared(repo, defaults));
        return warnings;
    }

    /** For one app only ({@code explain}). */
    public static List<String> forApp(Repository repo, ResolvedApp app) {
        List<String> warnings = new ArrayList<>();
        app.app().settings().litestreamVersion().assumption()
                .ifPresent(text -> warnings.add("warning: " + app.app().app() + ": " + text));
        warnings.addAll(FormatChange.forApp(repo, app));
        return warnings;
    }
}
