package dev.vixens.ls.generate;

import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.plan.LitestreamProcess;
import dev.vixens.ls.plan.PlannedDatabase;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two apps must never back up into one replica: two Litestream processes writing one bucket path corrupt
 * each other's history, and a restore then brings back neither. A descriptor checks its own databases; this
 * checks them across every app of the repository, for generate and check alike (not only lint), whichever apps
 * a run selects.
 *
 * <p>Replicas are compared as written: the bucket variable, the endpoint variable and the full path (prefix
 * included). Two apps whose Secrets might name different buckets under the same variable are refused too: what
 * the Secrets hold is not known here, and a replica path unique in the repository costs nothing.
 */
public final class ReplicaClaims {

    private record Claim(AppPlan plan, PlannedDatabase database) {
    }

    private ReplicaClaims() {
    }

    /**
     * @param selected the apps this run generates or checks; a conflict is reported in one of them
     * @param others the repository's other apps that could be planned (the broken ones are reported when they
     *     are selected themselves)
     */
    public static void check(List<AppPlan> selected, List<AppPlan> others) {
        Set<String> chosen = new HashSet<>();
        selected.forEach(plan -> chosen.add(plan.app().app()));
        List<AppPlan> all = new ArrayList<>(selected);
        all.addAll(others);
        all.sort(Comparator.comparing(plan -> plan.app().app()));
        Map<String, Claim> claims = new HashMap<>();
        for (AppPlan plan : all) {
            for (PlannedDatabase db : plan.databases()) {
                if (!db.replicated()) {
                    continue;
                }
                LitestreamProcess.Replica replica = replicaOf(plan, db);
                String key = replica.endpoint() + " " + replica.url();
                Claim first = claims.putIfAbsent(key, new Claim(plan, db));
                if (first == null || first.plan() == plan) {
                    continue; // one app's own duplicates are its descriptor's to refuse
                }
                Claim second = new Claim(plan, db);
                boolean secondChosen = chosen.contains(plan.app().app());
                boolean firstChosen = chosen.contains(first.plan().app().app());
                if (secondChosen && firstChosen) {
                    // the app that chose this path by hand is the one to change, not the one using its default
                    throw explicit(first) && !explicit(second) ? conflict(first, second, replica)
                            : conflict(second, first, replica);
                }
                if (secondChosen || firstChosen) {
                    throw secondChosen ? conflict(second, first, replica) : conflict(first, second, replica);
                }
            }
        }
    }

    /** Whether the database's replica path is written in its descriptor (not the default one). */
    private static boolean explicit(Claim claim) {
        return YamlLocator.has(claim.plan().app().source(), replicaPathKey(claim));
    }

    private static YamlPath replicaPathKey(Claim claim) {
        return YamlPath.of("databases", claim.database().database().index(), "replicaPath");
    }

    private static LitestreamProcess.Replica replicaOf(AppPlan plan, PlannedDatabase db) {
        return plan.processes().stream().flatMap(p -> p.replicas().stream())
                .filter(r -> r.path().equals(db.path())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no replica for " + db.path()));
    }

    private static InputException conflict(Claim at, Claim other, LitestreamProcess.Replica replica) {
        YamlPath key = explicit(at) ? replicaPathKey(at)
                : YamlPath.of("databases", at.database().database().index(), "path");
        return new InputException(YamlLocator.locate(at.plan().app().source(), key), key + ": the replica "
                + Problem.quote(replica.url()) + " is also the replica of " + other.plan().app().source().displayName()
                + " databases[" + other.database().database().index() + "] (app " + other.plan().app().app()
                + ", " + other.database().path() + "); two apps writing one replica corrupt it. Give one of them"
                + " its own replicaPath (or litestream.replicaPrefix)");
    }
}
