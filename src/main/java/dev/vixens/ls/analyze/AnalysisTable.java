package dev.vixens.ls.analyze;

import dev.vixens.ls.analyze.AnalysisReport.DatabaseReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table form of an {@link AnalysisReport}. */
public final class AnalysisTable {

    private static final String ROW = "%-16s %-36s %-4s %5s %11s %9s %7s %9s %-20s %-20s %-9s %s%n";

    private AnalysisTable() {
    }

    public static void print(AnalysisReport report, PrintWriter out) {
        out.printf("%s%s: %d objects, %d databases%n%n", report.bucket(),
                report.prefix().isEmpty() ? "" : " (prefix " + report.prefix() + ")", report.objects(),
                report.databases().size());
        out.printf(ROW, "APP", "DATABASE", "FMT", "SNAPS", "SNAP TOTAL", "SNAP AVG", "WAL/LTX", "FILES/DAY",
                "OLDEST", "NEWEST", "DECLARED", "MEASURED");
        for (DatabaseReport db : report.databases()) {
            out.printf(ROW, db.app(), db.database() == null ? db.replica() : db.database(), db.format(),
                    db.snapshots(), size(db.snapshotBytes()), size(db.averageSnapshotBytes()), db.changeFiles(),
                    String.format(Locale.ROOT, "%.1f", db.changeFilesPerDay()), time(db.oldest()), time(db.newest()),
                    dash(db.declaredProfile()), dash(db.recommendedProfile()) + (db.mismatch() ? " !" : ""));
        }
        printRestoreSizes(report, out);
        List<DatabaseReport> projected = report.databases().stream().filter(db -> !db.projectedBytes().isEmpty())
                .toList();
        if (!projected.isEmpty()) {
            List<String> profiles = new ArrayList<>(projected.get(0).projectedBytes().keySet());
            out.printf("%nProjected storage at the measured rate (snapshots kept x average snapshot + WAL/LTX bytes"
                    + " of retention + one snapshot interval):%n");
            StringBuilder header = new StringBuilder(String.format("%-16s %-36s", "APP", "DATABASE"));
            profiles.forEach(p -> header.append(String.format(" %12s", p.toUpperCase(Locale.ROOT))));
            out.println(header);
            for (DatabaseReport db : projected) {
                StringBuilder row = new StringBuilder(String.format("%-16s %-36s", db.app(),
                        db.database() == null ? db.replica() : db.database()));
                for (String p : profiles) {
                    Long bytes = db.projectedBytes().get(p);
                    row.append(String.format(" %12s", bytes == null ? "-" : size(bytes)));
                }
                out.println(row);
            }
        }
        List<String> findings = new ArrayList<>();
        for (DatabaseReport db : report.databases()) {
            String name = db.app() + " " + (db.database() == null ? db.replica() : db.database());
            if (db.mismatch()) {
                findings.add(String.format(Locale.ROOT, "! %s: declared %s, the measured activity (%.1f WAL/LTX files"
                        + " per hour) suggests %s", name, db.declaredProfile(), db.changeFilesPerDay() / 24,
                        db.recommendedProfile()));
            }
            if (db.declaredSize() != null && db.declaredSize().smallerThanSnapshot()) {
                findings.add("! " + name + ": expectedSize " + db.declaredSize().text() + " is smaller than its newest"
                        + " snapshot (" + size(db.restore().snapshotBytes()) + " compressed; the file is larger still):"
                        + " declare at least " + db.restore().suggestedExpectedSize());
            }
            db.notes().forEach(note -> findings.add("note: " + name + ": " + note));
        }
        if (!report.versioning().equals(BucketVersioning.NOT_CHECKED)) {
            findings.add("note: " + report.versioning().describe());
        }
        if (report.unrecognised() > 0) {
            findings.add("note: " + report.unrecognised() + " objects belong to no Litestream replica");
        }
        if (!findings.isEmpty()) {
            out.println();
            findings.forEach(out::println);
        }
    }

    /**
     * What a restore downloads now, per database, and the {@code expectedSize} that covers it: compressed sizes,
     * so the header says they are lower bounds of the database file.
     */
    private static void printRestoreSizes(AnalysisReport report, PrintWriter out) {
        List<DatabaseReport> restorable = report.databases().stream().filter(db -> db.restore().downloadBytes() > 0)
                .toList();
        if (restorable.isEmpty()) {
            return;
        }
        String row = "%-16s %-36s %16s %14s %7s %11s %-23s %s%n";
        out.printf("%nA restore now downloads the newest snapshot and the WAL/LTX files written since. Both are"
                + " LZ4-compressed: the database file it writes is larger, so these are lower bounds of its size:%n");
        out.printf(row, "APP", "DATABASE", "SNAPSHOT (LZ4)", "WAL/LTX SINCE", "FILES", "DOWNLOAD",
                "EXPECTEDSIZE (AT LEAST)", "DECLARED");
        for (DatabaseReport db : restorable) {
            RestoreSize r = db.restore();
            out.printf(row, db.app(), db.database() == null ? db.replica() : db.database(), size(r.snapshotBytes()),
                    size(r.changeBytes()), r.changeFiles(), size(r.downloadBytes()), r.suggestedExpectedSize(),
                    db.declaredSize() == null ? "-" : db.declaredSize().text()
                            + (db.declaredSize().smallerThanSnapshot() ? " !" : ""));
        }
        out.printf("expectedSize (descriptor, per database): the download rounded up to a power of two; declare"
                + " the file's own size when it is larger (`ls -l` of the database in the pod).%n");
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static String time(String iso) {
        if (iso == null) {
            return "-";
        }
        return iso.length() > 19 ? iso.substring(0, 19) + "Z" : iso;
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }
}
