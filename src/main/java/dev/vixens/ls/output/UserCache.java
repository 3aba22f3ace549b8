package dev.vixens.ls.output;

import java.nio.file.Path;

/**
 * The user's cache directory for vixens-ls, outside every repository: {@code $VIXENS_LS_CACHE} (or the system
 * property {@code vixens.cache}), else {@code $XDG_CACHE_HOME/vixens-ls}, else {@code ~/.cache/vixens-ls}. It
 * holds the check cache and the repository lock files, so that neither ever shows up in {@code git status}.
 */
final class UserCache {

    private UserCache() {
    }

    /** The directory, or null when none can be named (no home directory at all). */
    static Path dir() {
        String configured = configured();
        if (configured != null && !configured.isEmpty() && !configured.equals("off")) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        if (xdg != null && !xdg.isEmpty()) {
            return Path.of(xdg, "vixens-ls");
        }
        if (home != null && !home.isEmpty() && !home.equals("?")) {
            return Path.of(home, ".cache", "vixens-ls");
        }
        return null;
    }

    /** Whether the check cache is switched off ({@code VIXENS_LS_CACHE=off}); locks are still taken. */
    static boolean checkCacheOff() {
        return "off".equals(configured());
    }

    private static String configured() {
        return System.getProperty("vixens.cache", System.getenv("VIXENS_LS_CACHE"));
    }
}
