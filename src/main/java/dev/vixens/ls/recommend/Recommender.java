package dev.vixens.ls.recommend;

import dev.vixens.ls.profile.GoDuration;
import dev.vixens.ls.profile.Profile;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.recommend.Recommendation.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ADR-014's profile decision tree ("Profile Selection Criteria"), per database:
 * <ol>
 *   <li>cache or temporary data: ephemeral, and the tree stops;</li>
 *   <li>data-loss tolerance: up to 1h critical, up to 6h standard, more relaxed;</li>
 *   <li>write activity: more than 100 writes/hour critical, 10 to 100 standard, fewer than 10 relaxed;</li>
 *   <li>criticality: mission-critical at least standard, important standard, convenience relaxed.</li>
 * </ol>
 * Each answered step is a requirement; the result is the most protective profile any of them demands, so
 * a low write rate never talks a mission-critical database down to relaxed. With no answer at all the
 * result is standard (the ADR's profile for most apps), marked as a guess.
 *
 * <p>The tree, its thresholds and the four profile names it chooses from are the ADR's; what a reason says
 * about a profile (its snapshot interval and retention, whether it is backed up at all) is read from the
 * catalog, so that a repository's own profile files show in every reason ({@link ProfileTexts}).
 */
public final class Recommender {

    public static final String EPHEMERAL = "ephemeral";
    public static final String RELAXED = "relaxed";
    public static final String STANDARD = "standard";
    public static final String CRITICAL = "critical";
    /** Backed-up profiles from least to most protective. */
    private static final List<String> STRENGTH = List.of(RELAXED, STANDARD, CRITICAL);
    private static final GoDuration ONE_HOUR = GoDuration.parse("1h");
    private static final GoDuration SIX_HOURS = GoDuration.parse("6h");

    private final ProfileCatalog catalog;

    private Recommender(ProfileCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param catalog the profiles the reasons describe (the repository's, or the built-in ones outside any); the
     *        tree's four names are always in it, since a repository can replace a built-in profile but not drop it
     */
    public static Recommendation recommend(Answers answers, ProfileCatalog catalog) {
        return new Recommender(catalog).recommend(answers);
    }

    private Recommendation recommend(Answers answers) {
        List<Step> steps = new ArrayList<>();
        if (answers.cache()) {
            Profile ephemeral = profile(EPHEMERAL);
            boolean backedUp = ephemeral instanceof Profile.BackedUp;
            steps.add(new Step(1, "Is this cache or temporary data?", "yes", Optional.of(EPHEMERAL), backedUp
                    ? "regenerable data: " + ProfileTexts.nameAndKeeps(ephemeral)
                    : "regenerable data is not backed up; it is deleted at pod start"));
            String skipped = backedUp ? "not needed: cache or temporary data is " + EPHEMERAL
                    : "not needed: ephemeral data is not backed up";
            steps.add(new Step(2, "Data-loss tolerance?", given(answers.lossTolerance().map(GoDuration::text)),
                    Optional.empty(), skipped));
            steps.add(new Step(3, "Write activity?", writes(answers), Optional.empty(), skipped));
            steps.add(new Step(4, "Data criticality?", given(answers.criticality().map(Criticality::text)),
                    Optional.empty(), skipped));
            return new Recommendation(EPHEMERAL, steps, false);
        }
        List<Step> tree = List.of(lossTolerance(answers), writeActivity(answers), criticality(answers));
        Optional<String> strongest = tree.stream()
                .map(Step::demands)
                .flatMap(Optional::stream)
                .max((a, b) -> Integer.compare(STRENGTH.indexOf(a), STRENGTH.indexOf(b)));
        String chosen = strongest.orElse(STANDARD);
        Profile result = profile(chosen);
        steps.add(new Step(1, "Is this cache or temporary data?", "no", Optional.empty(),
                result instanceof Profile.BackedUp ? "it is backed up"
                        : chosen + ", chosen below, is not backed up (" + result.source() + ")"));
        steps.addAll(tree);
        return new Recommendation(chosen, steps, strongest.isEmpty());
    }

    /** One of the tree's names; the catalog always holds it (a repository cannot drop a built-in profile). */
    private Profile profile(String name) {
        return catalog.find(name).orElseThrow(() -> new IllegalStateException("the decision tree's profile '"
                + name + "' is not among the built-in profiles"));
    }

    private Step lossTolerance(Answers answers) {
        String question = "Data-loss tolerance?";
        if (answers.lossTolerance().isEmpty()) {
            return new Step(2, question, "not given", Optional.empty(), "skipped");
        }
        GoDuration tolerance = answers.lossTolerance().get();
        if (tolerance.compareTo(ONE_HOUR) <= 0) {
            return new Step(2, question, tolerance.text(), Optional.of(CRITICAL),
                    "up to 1 hour: " + ProfileTexts.nameAndKeeps(profile(CRITICAL)));
        }
        if (tolerance.compareTo(SIX_HOURS) <= 0) {
            return new Step(2, question, tolerance.text(), Optional.of(STANDARD),
                    "up to 6 hours: " + ProfileTexts.nameAndKeeps(profile(STANDARD)));
        }
        return new Step(2, question, tolerance.text(), Optional.of(RELAXED),
                "more than 6 hours: " + ProfileTexts.nameAndKeeps(profile(RELAXED)));
    }

    private static Step writeActivity(Answers answers) {
        String question = "Write activity?";
        if (answers.writesPerHour().isEmpty()) {
            return new Step(3, question, "not given", Optional.empty(), "skipped");
        }
        double writes = answers.writesPerHour().getAsDouble();
        String answer = writes(answers);
        if (writes > 100) {
            return new Step(3, question, answer, Optional.of(CRITICAL), "more than 100 writes/hour: critical");
        }
        if (writes >= 10) {
            return new Step(3, question, answer, Optional.of(STANDARD), "10 to 100 writes/hour: standard");
        }
        return new Step(3, question, answer, Optional.of(RELAXED), "fewer than 10 writes/hour: relaxed");
    }

    private static Step criticality(Answers answers) {
        String question = "Data criticality?";
        if (answers.criticality().isEmpty()) {
            return new Step(4, question, "not given", Optional.empty(), "skipped");
        }
        Criticality c = answers.criticality().get();
        return switch (c) {
            case MISSION_CRITICAL -> new Step(4, question, c.text(), Optional.of(STANDARD),
                    "mission-critical data gets standard at least");
            case IMPORTANT -> new Step(4, question, c.text(), Optional.of(STANDARD), "important data: standard");
            case CONVENIENCE -> new Step(4, question, c.text(), Optional.of(RELAXED),
                    "convenience data that can be rebuilt: relaxed");
        };
    }

    private static String writes(Answers answers) {
        if (answers.writesPerHour().isEmpty()) {
            return "not given";
        }
        double writes = answers.writesPerHour().getAsDouble();
        return (writes == Math.rint(writes) ? String.valueOf((long) writes) : String.format(java.util.Locale.ROOT,
                "%.1f", writes)) + " writes/hour";
    }

    private static String given(Optional<String> value) {
        return value.orElse("not given");
    }

    /** Whether a database name looks like cache or temporary data ({@code *.caches.db}, "cache", "tmp"). */
    public static boolean looksLikeCache(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        return file.contains("cache") || file.contains("tmp");
    }
}
