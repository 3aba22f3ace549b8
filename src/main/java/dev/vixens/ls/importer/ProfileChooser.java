package dev.vixens.ls.importer;

import dev.vixens.ls.descriptor.DescriptorLoader;
import dev.vixens.ls.importer.Finding.Kind;
import dev.vixens.ls.importer.ImportPlan.DatabaseChoice;
import dev.vixens.ls.importer.OldLitestreamConfig.OldReplica;
import dev.vixens.ls.profile.GoDuration;
import dev.vixens.ls.profile.Profile;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.recommend.Answers;
import dev.vixens.ls.recommend.Recommendation;
import dev.vixens.ls.recommend.Recommender;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The profile of each imported database, in this order: {@code --profile}; ephemeral for what a cleanup deleted
 * or what is named like a cache; the profile whose values are exactly the old intervals; the decision tree. Every
 * guess and every change of interval is reported for review.
 */
final class ProfileChooser {

    private final ProfileCatalog profiles;
    private final Map<String, String> given;
    private final Answers answers;
    private final List<Finding> findings;
    private final Set<String> usedKeys = new HashSet<>();

    /** @param given the {@code --profile} keys (path, file name or short name) and profiles */
    ProfileChooser(ProfileCatalog profiles, Map<String, String> given, Answers answers, List<Finding> findings) {
        this.profiles = profiles;
        this.given = given;
        this.answers = answers;
        this.findings = findings;
    }

    DatabaseChoice choose(FoundDatabase db) {
        Optional<String> explicit = explicitProfile(db.path());
        if (explicit.isPresent()) {
            if (profiles.find(explicit.get()).isEmpty()) {
                throw new InputException(Location.commandLine(), "--profile " + db.path() + "="
                        + explicit.get() + ": unknown profile; known profiles: "
                        + String.join(", ", profiles.names()));
            }
            return new DatabaseChoice(db.path(), explicit.get(), "from --profile");
        }
        if (!db.replicated()) {
            return new DatabaseChoice(db.path(), Recommender.EPHEMERAL, "deleted at start by " + db.foundBy()
                    + ", not backed up");
        }
        if (Recommender.looksLikeCache(db.path())) {
            findings.add(new Finding(Kind.REVIEW, db.at(), db.path() + ": proposed ephemeral because its name"
                    + " looks like cache data; it was backed up until now (--profile " + fileName(db.path())
                    + "=standard keeps backing it up)"));
            return new DatabaseChoice(db.path(), Recommender.EPHEMERAL, "name looks like a cache");
        }
        Optional<Profile.BackedUp> same = db.replica().flatMap(this::sameValues);
        if (same.isPresent()) {
            return new DatabaseChoice(db.path(), same.get().name(), "the old intervals are this profile's");
        }
        Recommendation recommendation = Recommender.recommend(answers, profiles);
        String profile = recommendation.profile();
        if (recommendation.guessed()) {
            findings.add(new Finding(Kind.REVIEW, db.at(), db.path() + ": profile " + profile + " by default"
                    + " (nothing told otherwise); choose with --profile " + fileName(db.path())
                    + "=PROFILE, answer --criticality/--loss-tolerance, or measure with vixens-ls analyze"));
        }
        db.replica().ifPresent(replica -> intervalsChange(db, replica, profile));
        String why = recommendation.guessed() ? "default, see the report" : recommendation.why();
        return new DatabaseChoice(db.path(), profile, why);
    }

    /** Refuses a {@code --profile} key that named no database: a typo would otherwise go unnoticed. */
    void requireAllUsed(String app, List<FoundDatabase> databases) {
        for (String key : given.keySet()) {
            if (!usedKeys.contains(key)) {
                throw new InputException(Location.commandLine(), "--profile " + key + "=" + given.get(key)
                        + ": no database of " + app + " is called '" + key + "'; known: "
                        + String.join(", ", databases.stream().map(FoundDatabase::path).toList()));
            }
        }
    }

    private Optional<String> explicitProfile(String path) {
        Optional<String> key = givenKey(path, given);
        key.ifPresent(usedKeys::add);
        return key.map(given::get);
    }

    /** The {@code --profile} key that names the database at {@code path}: its path, file name or short name. */
    static Optional<String> givenKey(String path, Map<String, String> given) {
        return Stream.of(path, fileName(path), DescriptorLoader.defaultName(path)).filter(given::containsKey)
                .findFirst();
    }

    private Optional<Profile.BackedUp> sameValues(OldReplica replica) {
        if (replica.snapshotInterval().isEmpty() || replica.retention().isEmpty()) {
            return Optional.empty();
        }
        long sync = replica.syncInterval().map(GoDuration::millis).orElse(1000L);
        for (Profile profile : profiles.all()) {
            if (profile instanceof Profile.BackedUp p && p.syncInterval().millis() == sync
                    && p.snapshotInterval().millis() == replica.snapshotInterval().get().millis()
                    && p.retention().millis() == replica.retention().get().millis()) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private void intervalsChange(FoundDatabase db, OldReplica replica, String profileName) {
        if (profiles.find(profileName).orElse(null) instanceof Profile.BackedUp p) {
            String before = "snapshot-interval " + replica.snapshotInterval().map(GoDuration::text)
                    .orElse("none (Litestream's default)") + ", retention " + replica.retention()
                    .map(GoDuration::text).orElse("24h (Litestream's default)");
            findings.add(new Finding(Kind.REVIEW, replica.intervalsAt(), db.path() + ": " + before
                    + " become profile " + p.name() + "'s snapshot interval " + p.snapshotInterval()
                    + ", retention " + p.retention()));
        }
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
