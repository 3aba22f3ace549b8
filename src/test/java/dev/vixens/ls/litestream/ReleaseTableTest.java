package dev.vixens.ls.litestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The release table as data: what it says release by release, and how versions as users write them resolve. */
class ReleaseTableTest {

    private static final ReleaseTable TABLE = ReleaseTable.get();

    private static Release release(String version) {
        return TABLE.find(version).orElseThrow();
    }

    @Test
    void theTableKnowsExactly0313And0314And050To0516() {
        assertThat(TABLE.releases()).extracting(Release::version).containsExactly("0.3.13", "0.3.14", "0.5.0",
                "0.5.1", "0.5.2", "0.5.3", "0.5.4", "0.5.5", "0.5.6", "0.5.7", "0.5.8", "0.5.9", "0.5.10", "0.5.11",
                "0.5.12", "0.5.13", "0.5.14", "0.5.15", "0.5.16");
        assertThat(TABLE.releases()).extracting(Release::dialect).containsOnly("0.3", "0.5");
        assertThat(TABLE.describe(TABLE.releases())).isEqualTo("0.3.13, 0.3.14 and 0.5.0 to 0.5.16");
    }

    @Test
    void release0314ReadsWhat0313Reads() {
        Release a = release("0.3.13");
        Release b = release("0.3.14");
        assertThat(b.keys()).isEqualTo(a.keys());
        assertThat(b.flags()).isEqualTo(a.flags());
        assertThat(b.behaviours()).isEqualTo(a.behaviours());
        assertThat(b.layout()).isEqualTo(ReplicaLayout.GENERATIONS);
    }

    @Test
    void eachReleaseReadsTheKeysItIntroducedFromThenOn() {
        assertThat(TABLE.readers(Level.DATABASE, "max-checkpoint-page-count")).extracting(Release::version)
                .containsExactly("0.3.13", "0.3.14", "0.5.0", "0.5.1", "0.5.2");
        assertThat(release("0.5.2").reads(Level.TOP, "sync-interval")).isFalse();
        assertThat(release("0.5.3").reads(Level.TOP, "sync-interval")).isTrue();
        assertThat(release("0.5.2").reads(Level.DATABASE, "truncate-page-n")).isFalse();
        assertThat(release("0.5.3").reads(Level.TOP, "l0-retention")).isTrue();
        assertThat(release("0.5.5").reads(Level.TOP, "heartbeat-url")).isFalse();
        assertThat(release("0.5.6").reads(Level.DATABASE, "heartbeat-url")).isTrue();
        assertThat(release("0.5.13").reads(Level.REPLICA, "storage-class")).isFalse();
        assertThat(release("0.5.14").reads(Level.REPLICA, "storage-class")).isTrue();
        assertThat(release("0.5.7").type(Level.TOP, "retention")).isEmpty();
        assertThat(release("0.5.8").type(Level.TOP, "retention")).contains(KeyType.MAPPING);
        assertThat(release("0.3.13").type(Level.REPLICA, "retention")).contains(KeyType.DURATION);
        assertThat(release("0.5.0").reads(Level.REPLICA, "retention")).isFalse();
    }

    @Test
    void whereSnapshotSettingsGoAndWhatARestoreReads() {
        assertThat(release("0.3.14").snapshotPlacement()).isEqualTo(SnapshotPlacement.REPLICA);
        assertThat(release("0.5.11").snapshotPlacement()).isEqualTo(SnapshotPlacement.TOP);
        assertThat(release("0.5.12").snapshotPlacement()).isEqualTo(SnapshotPlacement.DATABASE);
        assertThat(release("0.3.13").restoreReads()).containsExactly(ReplicaLayout.GENERATIONS);
        assertThat(release("0.5.6").restoreReads()).containsExactly(ReplicaLayout.LTX);
        assertThat(release("0.5.7").restoreReads()).containsExactly(ReplicaLayout.LTX, ReplicaLayout.GENERATIONS);
    }

    @Test
    void restoreFlagsAndTheNoReplicaAnswer() {
        assertThat(release("0.3.13").tellsMissingReplicaApart()).isTrue();
        assertThat(release("0.5.0").tellsMissingReplicaApart()).isFalse();
        assertThat(release("0.5.1").tellsMissingReplicaApart()).isTrue();
        assertThat(release("0.5.9").has(Command.RESTORE, "-integrity-check")).isFalse();
        assertThat(release("0.5.10").has(Command.RESTORE, "-integrity-check")).isTrue();
        assertThat(release("0.5.0").has(Command.RESTORE, "-generation")).isFalse();
        assertThat(release("0.5.7").has(Command.REPLICATE, "-log-level")).isTrue();
        assertThat(release("0.5.14").metrics()).doesNotContain("litestream_disk_full");
        assertThat(release("0.5.15").metrics()).contains("litestream_disk_full", "litestream_txid");
        assertThat(release("0.3.13").metrics()).contains("litestream_shadow_wal_index")
                .doesNotContain("litestream_txid");
    }

    /** The one method the grace-period check asks: seconds the sidecar needs after SIGTERM. */
    @Test
    void secondsToShipTheLastWrites() {
        assertThat(release("0.5.6").writes(Level.TOP)).containsEntry("shutdown-sync-timeout", "20s");
        assertThat(release("0.5.6").secondsToShipLastWrites()).isEqualTo(20);
        assertThat(release("0.5.5").writes(Level.TOP)).isEmpty();
        assertThat(release("0.3.13").secondsToShipLastWrites()).isEqualTo(20);
    }

    /** Adding a patch release that changes nothing is one row: it reads what its predecessor reads. */
    @Test
    void oneRowAddsAPatchRelease() throws IOException {
        String text;
        try (InputStream in = ReleaseTable.class.getResourceAsStream(ReleaseTable.RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ReleaseTable next = ReleaseTable.parse(text.replace("release  0.5.16  0.5  2026-08-04",
                "release  0.5.16  0.5  2026-08-04\nrelease  0.5.17  0.5  -"));

        Release added = next.find("0.5.17").orElseThrow();
        Release before = next.find("0.5.16").orElseThrow();
        assertThat(added.keys()).isEqualTo(before.keys());
        assertThat(added.flags()).isEqualTo(before.flags());
        assertThat(added.behaviours()).isEqualTo(before.behaviours());
        assertThat(added.metrics()).isEqualTo(before.metrics());
        assertThat(next.forGenerate("0.5.17", false, null).release()).isEqualTo(added);
    }

    @Test
    void aBrokenTableIsABugWithItsLine() {
        assertThatThrownBy(() -> ReleaseTable.parse("release 0.5.1 0.5 -\nrelease 0.5.0 0.5 -\n"))
                .hasMessage("releases.tsv:2: releases must be listed oldest first, each once");
        assertThatThrownBy(() -> ReleaseTable.parse("release 0.5.0 0.5 -\nkey db path string 0.5.1 -\n"))
                .hasMessage("releases.tsv:2: '0.5.1' is not a release of the table");
        assertThatThrownBy(() -> ReleaseTable.parse("release 0.5.0 0.5 -\nrelease 0.5.1 0.5 -\n"
                + "key db path string 0.5.0 -\nkey db path string 0.5.1 -\n"))
                .hasMessage("releases.tsv:4: db path overlaps another row for 0.5.1");
        assertThatThrownBy(() -> ReleaseTable.parse("release 0.5.0 0.5 -\nfeature x 0.5.0 -\n"))
                .hasMessage("releases.tsv:2: unknown row kind 'feature'");
    }

    // --- versions as users write them -----------------------------------------------------------------------

    @Test
    void knownReleasesResolveToThemselves() {
        LitestreamVersion version = TABLE.forGenerate("v0.5.12", false, null);
        assertThat(version.text()).isEqualTo("0.5.12");
        assertThat(version.assumed()).isFalse();
        assertThat(version.assumption()).isEmpty();
        assertThat(TABLE.lookup("0.5.0", false, null).release().version()).as("lint reads 0.5.0").isEqualTo("0.5.0");
    }

    @Test
    void refusalsSayWhy() {
        assertThatThrownBy(() -> TABLE.forGenerate("0.5.0", false, null)).hasMessage("Litestream 0.5.0 cannot run the"
                + " start-up restore: its restore has no -if-replica-exists, so it cannot tell a missing replica from a"
                + " bucket it cannot read, and a missing database (first deploy, or moved aside by the integrity check)"
                + " would stop the pod even with a backup; use 0.5.1 or later, the first 0.5 release with that flag");
        assertThatThrownBy(() -> TABLE.lookup("0.4.0", true, "x")).hasMessage("Litestream 0.4.0 is not a release"
                + " vixens-ls knows (its releases: 0.3.13, 0.3.14 and 0.5.0 to 0.5.16)");
        assertThatThrownBy(() -> TABLE.lookup("0.6.0", true, "x")).hasMessage("Litestream 0.6.0 is not a release"
                + " vixens-ls knows (its releases: 0.3.13, 0.3.14 and 0.5.0 to 0.5.16); a new release line's"
                + " configuration language is not verified, and allowNewerRelease covers only newer patches of a"
                + " known line");
        assertThatThrownBy(() -> TABLE.lookup("0.5.17", false, "litestream.allowNewerRelease")).hasMessage(
                "Litestream 0.5.17 is newer than the newest 0.5 release vixens-ls knows (0.5.16), so its keys and flags"
                        + " are not verified; use 0.5.16, or set litestream.allowNewerRelease: true to configure it as"
                        + " 0.5.16 reads its config");
        assertThatThrownBy(() -> TABLE.lookup("0.3.12", true, null)).hasMessage("Litestream 0.3.12 is not a release"
                + " vixens-ls knows; its 0.3 releases are 0.3.13 and 0.3.14");
        assertThatThrownBy(() -> TABLE.lookup("latest", false, null)).hasMessage("'latest' is not a Litestream"
                + " version such as 0.3.13 or 0.5.16");
    }

    @Test
    void theOptInConfiguresANewerPatchAsTheNewestKnownOfItsLine() {
        LitestreamVersion v05 = TABLE.forGenerate("0.5.17", true, null);
        LitestreamVersion v03 = TABLE.forGenerate("0.3.15", true, null);

        assertThat(v05.text()).isEqualTo("0.5.17");
        assertThat(v05.release().version()).isEqualTo("0.5.16");
        assertThat(v03.release().version()).isEqualTo("0.3.14");
        assertThat(v05.assumption()).contains("Litestream 0.5.17 is newer than every 0.5 release vixens-ls knows; with"
                + " allowNewerRelease it is configured as 0.5.16, the newest known one, and its own keys and flags are"
                + " not verified: read its release notes, and update vixens-ls when it knows 0.5.17");
        assertThat(List.of(v05, v03)).allMatch(LitestreamVersion::assumed);
    }
}
