package dev.vixens.ls.repo;

import dev.vixens.ls.alerts.Monitoring;
import dev.vixens.ls.budget.StartupThroughputs;
import dev.vixens.ls.descriptor.SettingsResolver;
import java.util.List;

/**
 * The repository configuration ({@value Repository#CONFIG_FILE} at the root).
 *
 * @param appDirs directories searched for app descriptors, relative to the root
 * @param sharedDir where the shared Litestream building blocks are written
 * @param writeShared false ({@code shared: false}) when no shared building block is written: apps that use the
 *     generated Component never use them, and the marked ones left in {@code sharedDir} are deleted
 * @param profilesDir where the repository's own profiles live (may not exist)
 * @param defaults the repository's default settings for every app
 * @param verify how check builds and verifies the apps' overlays
 * @param monitoring which alert rules file each app's Component carries
 * @param startupThroughputs how fast this repository's storage restores and checks, for the start-up estimate
 */
public record RepoConfig(List<String> appDirs, String sharedDir, boolean writeShared, String profilesDir,
        SettingsResolver.Layer defaults, VerifyConfig verify, Monitoring monitoring,
        StartupThroughputs startupThroughputs) {

    public static final String DEFAULT_APPS = "apps";
    public static final String DEFAULT_SHARED = "apps/_shared/litestream";
    public static final String DEFAULT_PROFILES = "profiles";
}
