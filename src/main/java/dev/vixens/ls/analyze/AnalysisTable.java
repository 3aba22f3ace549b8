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
