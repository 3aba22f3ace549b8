package dev.vixens.ls.importer;

import dev.vixens.ls.importer.Finding.Kind;
import dev.vixens.ls.litestream.SqliteFiles;
import dev.vixens.ls.source.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Leaves out the files of the old Litestream config that do not look like SQLite databases (issue 12: AdGuard
 * Home's {@code querylog.kv} and bbolt {@code stats.db} became databases with a mandatory integrity check, which
 * moved a non-SQLite {@code stats.db} aside at every start). Each is reported with the reason; a file the user
 * names with {@code --profile} is imported as told.
 */
final class NonSqliteFiles {

    private NonSqliteFiles() {
    }

    /**
     * @param context what the files belong to (the app's image, the workload's name), for files known by app
     * @param profiles the {@code --profile} keys and values
     */
    static List<FoundDatabase> leaveOut(List<FoundDatabase> databases, String context, Map<String, String> profiles,
            HandWrittenSetup setup, List<Finding> findings) {
        List<FoundDatabase> kept = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (FoundDatabase db : databases) {
            Optional<String> why = SqliteFiles.notSqlite(db.path(), context);
            if (why.isEmpty() || ProfileChooser.givenKey(db.path(), profiles).isPresent()) {
                kept.add(db);
                continue;
            }
            reasons.add(db.path() + " (" + why.get() + ")");
            findings.add(new Finding(Kind.REVIEW, db.at(), db.path() + ": left out, " + why.get() + "; Litestream"
                    + " replicates SQLite databases only and the generated integrity check would move any other"
                    + " file aside (if it is SQLite, import it with --profile " + ProfileChooser.fileName(db.path())
                    + "=PROFILE)"));
        }
        if (kept.isEmpty()) {
            throw new InputException(setup.config().doc().at(setup.config().doc().root()), "no file of the"
                    + " Litestream config looks like a SQLite database: " + String.join(", ", reasons) + "; nothing"
                    + " to import (name a file with --profile FILE=PROFILE if it is SQLite)");
        }
        return kept;
    }
}
