package dev.vixens.ls.verify;

import dev.vixens.ls.litestream.LitestreamVersion;
import dev.vixens.ls.plan.AppPlan;

/**
 * How long the pod must give a Litestream sidecar after SIGTERM: what its release needs to ship the last
 * writes (the release model's figure: the {@code shutdown-sync-timeout} vixens-ls writes from 0.5.6, the same
 * budget for earlier releases), plus a margin for the app's own last writes and the processes' exit.
 */
public final class SidecarShutdown {

    public static final int MARGIN_SECONDS = 10;

    private SidecarShutdown() {
    }

    /** Seconds needed, and why, as a message shows it. */
    public record Need(int seconds, String why) {
    }

    public static Need of(AppPlan plan) {
        LitestreamVersion version = plan.app().settings().litestreamVersion();
        int ship = version.release().secondsToShipLastWrites();
        return new Need(ship + MARGIN_SECONDS, "Litestream " + version.text() + " takes up to " + ship + " s after"
                + " SIGTERM to ship the last writes, plus " + MARGIN_SECONDS + " s margin");
    }
}
