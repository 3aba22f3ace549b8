package dev.vixens.ls.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.analyze.AnalysisReport.DatabaseReport;
import dev.vixens.ls.analyze.BucketAnalyzer.Declared;
import dev.vixens.ls.bucket.BucketKey;
import dev.vixens.ls.descriptor.AppDescriptor.ExpectedSize;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The size arithmetic of what a restore downloads, on listings written out here: each listing (key, size,
 * minutes after T0) beside the numbers it must give. AnalyzeEndToEndTest checks the same on replicas the real
 * Litestream wrote.
 */
class RestoreSizeTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void generations03TheNewestGenerationsLastSnapshotAndTheWalFromItsIndex() {
        RestoreSize size = restore(
                // an older generation (a restore or a lost position started the next one): not downloaded
                "a/db/generations/0000000000000001/snapshots/00000000.snapshot.lz4 9000 0",
                "a/db/generations/0000000000000001/wal/00000000_00000000.wal.lz4 9000 1",
                // the newest generation: the snapshot of index 3 and the WAL segments of index 3 and later
                "a/db/generations/0000000000000002/snapshots/00000001.snapshot.lz4 1000 10",
                "a/db/generations/0000000000000002/snapshots/00000003.snapshot.lz4 1200 20",
                "a/db/generations/0000000000000002/wal/00000001_00000000.wal.lz4 500 11",
                "a/db/generations/0000000000000002/wal/00000002_00000000.wal.lz4 500 15",
                "a/db/generations/0000000000000002/wal/00000003_00000000.wal.lz4 100 21",
                "a/db/generations/0000000000000002/wal/00000003_00001038.wal.lz4 110 22",
                "a/db/generations/0000000000000002/wal/0000000a_00000000.wal.lz4 120 23",
                // names Litestream does not parse, and objects that are neither: skipped as its restore skips them
                "a/db/generations/0000000000000002/wal/notes.wal.lz4 7777 24",
                "a/db/generations/0000000000000002/snapshots/latest.snapshot.lz4 7777 24",
                "a/db/generations/0000000000000002/meta.json 7777 24");

        assertThat(size).isEqualTo(new RestoreSize(1200, 3, 330, 1530, "1Mi"));
    }

    @Test
    void ltx05TheLastSnapshotThenEachLevelDownToZeroPastWhatIsCovered() {
        RestoreSize size = restore(
                "a/db/ltx/9/0000000000000001-0000000000000032.ltx 4000 0",
                "a/db/ltx/9/0000000000000001-0000000000000064.ltx 5000 30",   // the snapshot: up to TXID 0x64
                "a/db/ltx/2/0000000000000001-0000000000000064.ltx 4900 30",   // covered by the snapshot
                "a/db/ltx/2/0000000000000065-0000000000000078.ltx 300 40",    // 0x65-0x78
                "a/db/ltx/1/0000000000000065-0000000000000070.ltx 200 35",    // covered by level 2
                "a/db/ltx/1/0000000000000079-000000000000007a.ltx 70 42",     // 0x79-0x7a
                "a/db/ltx/0/0000000000000079-0000000000000079.ltx 40 41",     // covered by level 1
                "a/db/ltx/0/000000000000007b-000000000000007b.ltx 50 43",     // 0x7b
                "a/db/ltx/0/000000000000007c-000000000000007c.ltx 60 44",     // 0x7c
                "a/db/ltx/0/garbage.ltx 7777 45");

        assertThat(size).isEqualTo(new RestoreSize(5000, 4, 480, 5480, "1Mi"));
    }

    @Test
    void ltx05WithoutASnapshotYetReplaysFromTheFirstFile() {
        RestoreSize size = restore(
                "a/db/ltx/0/0000000000000001-0000000000000001.ltx 3000000 0",
                "a/db/ltx/0/0000000000000002-0000000000000002.ltx 200 1");

        assertThat(size).isEqualTo(new RestoreSize(0, 2, 3000200, 3000200, "4Mi"));
    }

    @Test
    void aPathHoldingBothLayoutsCountsTheOneWithTheNewestObject() {
        List<String> both = List.of(
                "a/db/generations/0000000000000001/snapshots/00000000.snapshot.lz4 1000 0",
                "a/db/generations/0000000000000001/wal/00000000_00000000.wal.lz4 100 5",
                "a/db/ltx/9/0000000000000001-0000000000000010.ltx 2000 10");
        List<String> newer03 = new ArrayList<>(both);
        newer03.add("a/db/generations/0000000000000001/wal/00000001_00000000.wal.lz4 100 20");

        assertThat(restore(both.toArray(String[]::new))).isEqualTo(new RestoreSize(2000, 0, 0, 2000, "1Mi"));
        assertThat(restore(newer03.toArray(String[]::new))).isEqualTo(new RestoreSize(1000, 2, 200, 1200, "1Mi"));
    }

    @Test
    void theSuggestedExpectedSizeIsTheDownloadRoundedUpToAPowerOfTwo() {
        long mib = 1L << 20;
        assertThat(RestoreSize.quantity(1)).isEqualTo("1Mi");
        assertThat(RestoreSize.quantity(mib)).isEqualTo("1Mi");
        assertThat(RestoreSize.quantity(mib + 1)).isEqualTo("2Mi");
        assertThat(RestoreSize.quantity(300 * mib)).isEqualTo("512Mi");
        assertThat(RestoreSize.quantity(700 * mib)).isEqualTo("1Gi");
        assertThat(RestoreSize.quantity(1024 * mib)).isEqualTo("1Gi");
        assertThat(RestoreSize.quantity(2600 * mib)).isEqualTo("4Gi");
        assertThat(RestoreSize.of(0, 0, 0)).isEqualTo(RestoreSize.NONE);
        assertThat(RestoreSize.NONE.suggestedExpectedSize()).isNull();
    }

    @Test
    void theTableShowsCompressedSizesAsLowerBoundsTheValueToDeclareAndFlagsADeclaredSizeBelowTheSnapshot() {
        List<BucketObject> objects = listing(
                "app/a.db/generations/0000000000000001/snapshots/00000002.snapshot.lz4 157286400 0",
                "app/a.db/generations/0000000000000001/wal/00000002_00000000.wal.lz4 4194304 1",
                "app/a.db/generations/0000000000000001/wal/00000003_00000000.wal.lz4 2097152 2",
                "app/b.db/generations/0000000000000001/snapshots/00000000.snapshot.lz4 1048576 0",
                "app/c.db/generations/0000000000000001/snapshots/00000000.snapshot.lz4 2048 0");
        AnalysisReport report = BucketAnalyzer.analyze("s3://b", "", objects, List.of(
                new Declared("app", "/data/a.db", new BucketKey("", "app/a.db"), "standard",
                        Optional.of(new ExpectedSize("100Mi", 100L << 20))),
                new Declared("app", "/data/b.db", new BucketKey("", "app/b.db"), "standard",
                        Optional.of(new ExpectedSize("2600M", 2_600_000_000L))),
                new Declared("app", "/data/c.db", new BucketKey("", "app/c.db"), "standard"),
                new Declared("app", "/data/gone.db", new BucketKey("", "app/gone.db"), "standard")),
                BucketAnalyzerTest.CATALOG);
        StringWriter text = new StringWriter();

        AnalysisTable.print(report, new PrintWriter(text, true));

        assertThat(text.toString()).contains("""

                A restore now downloads the newest snapshot and the WAL/LTX files written since. Both are \
                LZ4-compressed: the database file it writes is larger, so these are lower bounds of its size:
                APP              DATABASE                               SNAPSHOT (LZ4)  WAL/LTX SINCE   FILES    DOWNLOAD \
                EXPECTEDSIZE (AT LEAST) DECLARED
                app              /data/a.db                                  150.0 MiB        6.0 MiB       2   156.0 MiB \
                256Mi                   100Mi !
                app              /data/b.db                                    1.0 MiB            0 B       0     1.0 MiB \
                1Mi                     2600M
                app              /data/c.db                                    2.0 KiB            0 B       0     2.0 KiB \
                1Mi                     -
                expectedSize (descriptor, per database): the download rounded up to a power of two; declare the \
                file's own size when it is larger (`ls -l` of the database in the pod).
                """).contains("""
                ! app /data/a.db: expectedSize 100Mi is smaller than its newest snapshot (150.0 MiB compressed; the \
                file is larger still): declare at least 256Mi
                """).doesNotContain("/data/b.db: expectedSize").doesNotContain("/data/c.db: expectedSize");
        assertThat(report.databases()).extracting(DatabaseReport::declaredSize).containsExactly(
                new DeclaredSize("100Mi", 100L << 20, true), new DeclaredSize("2600M", 2_600_000_000L, false), null,
                null);
        assertThat(report.databases().get(3).restore()).isEqualTo(RestoreSize.NONE);
    }

    /** Each line: key, size in bytes, minutes after {@link #T0}. */
    private static RestoreSize restore(String... lines) {
        List<RestoreSize.Listed> replica = new ArrayList<>();
        for (BucketObject object : listing(lines)) {
            replica.add(new RestoreSize.Listed(ReplicaKey.parse(object.key()).orElseThrow(), object));
        }
        return RestoreSize.of(replica);
    }

    private static List<BucketObject> listing(String... lines) {
        List<BucketObject> objects = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            objects.add(new BucketObject(f[0], Long.parseLong(f[1]), T0.plusSeconds(60 * Long.parseLong(f[2]))));
        }
        return objects;
    }
}
