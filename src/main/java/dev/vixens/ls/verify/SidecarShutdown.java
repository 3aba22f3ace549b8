package dev.vixens.ls.verify;

import dev.vixens.ls.litestream.LitestreamVersion;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.plan.LitestreamProcess;
import dev.vixens.ls.profile.GoDuration;

/**
 * How long a Litestream sidecar needs after SIGTERM to ship the app's last writes. Until the release model
 * owns this number per release, it is decided here, in one method.
 */
final class SidecarShutdown {

    /** Room for the last upload and for the app's own last writes, on top of Litestream's own time. */
    static final int MARGIN_SECONDS = 10;
    /** Litestream 0.5.6+ {@code shutdown-sync-timeout} default. */
    static final int SHUTDOWN_SYNC_TIMEOUT_SECONDS = 30;

    private SidecarShutdown() {
    }

    /** Seconds needed, and why, as a message shows it. */
    record Need(int seconds, String why) {
    }

    /**
     * From 0.5.6 Litestream keeps syncing for up to {@code shutdown-sync-timeout} (30 s by default) at shutdown;
     * earlier releases sync each replica once more on close, which takes about one sync interval.
     */
    static Need of(AppPlan plan) {
        LitestreamVersion version = plan.app().settings().litestreamVersion();
        if (version instanceof LitestreamVersion.V05 v05 && v05.patch() >= 6) {
            return new Need(SHUTDOWN_SYNC_TIMEOUT_SECONDS + MARGIN_SECONDS, "Litestream " + version.text()
                    + " syncs for up to shutdown-sync-timeout (" + SHUTDOWN_SYNC_TIMEOUT_SECONDS + " s) at shutdown, plus "
                    + MARGIN_SECONDS + " s margin");
        }
        GoDuration sync = plan.processes().stream().flatMap(p -> p.replicas().stream())
                .map(LitestreamProcess.Replica::syncInterval).max(GoDuration::compareTo)
                .orElse(GoDuration.parse("1s"));
        int seconds = (int) ((sync.millis() + 999) / 1000) + MARGIN_SECONDS;
        return new Need(seconds, "Litestream " + version.text() + " syncs every replica once more at shutdown"
                + " (sync interval " + sync + "), plus " + MARGIN_SECONDS + " s margin");
    }
}
