package dev.vixens.ls.init;

import dev.vixens.ls.init.InitPlan.Choice;
import dev.vixens.ls.init.InitRequest.DatabaseSpec;
import dev.vixens.ls.profile.GoDuration;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.recommend.Answers;
import dev.vixens.ls.recommend.Criticality;
import dev.vixens.ls.recommend.Recommendation;
import dev.vixens.ls.recommend.Recommender;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The profile of each new database: the one given with {@code --db PATH=PROFILE}; else the decision tree, on
 * the answers asked at the terminal or given as flags (a cache-like name is ephemeral when nobody is asked).
 */
final class ProfileQuestions {

    private static final Location COMMAND_LINE = Location.commandLine();

    private final ProfileCatalog profiles;
    private final Prompter prompter;
    private final List<String> notes;

    ProfileQuestions(ProfileCatalog profiles, Prompter prompter, List<String> notes) {
        this.profiles = profiles;
        this.prompter = prompter;
        this.notes = notes;
    }

    Choice choose(DatabaseSpec db, Answers flags) {
        if (db.profile().isPresent()) {
            String profile = db.profile().get();
            if (profiles.find(profile).isEmpty()) {
                throw new InputException(COMMAND_LINE, "--db " + db.path() + "=" + profile + ": unknown profile;"
                        + " known profiles: " + String.join(", ", profiles.names()));
            }
            return new Choice(db.path(), profile, "given");
        }
        Answers answers = flags;
        if (prompter.interactive()) {
            answers = ask(db.path());
        } else if (Recommender.looksLikeCache(db.path())) {
            notes.add(db.path() + ": the name looks like cache data, so ephemeral; give --db " + db.path()
                    + "=PROFILE to choose otherwise");
            return new Choice(db.path(), Recommender.EPHEMERAL, "name looks like cache data");
        }
        Recommendation r = Recommender.recommend(answers, profiles);
        if (r.guessed()) {
            notes.add(db.path() + ": standard by default (no criterion given); see vixens-ls recommend --help");
            return new Choice(db.path(), r.profile(), "default");
        }
        return new Choice(db.path(), r.profile(), r.why());
    }

    /** The decision tree's questions at the terminal; unanswered ones are skipped, invalid ones asked again. */
    private Answers ask(String path) {
        boolean cacheLike = Recommender.looksLikeCache(path);
        boolean cache = prompter.askValid(path + ": is it cache or temporary data that can be regenerated? (y/n)",
                cacheLike ? "y" : "n", text -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "y", "yes" -> true;
                    case "n", "no" -> false;
                    default -> throw new IllegalArgumentException("'" + text + "': answer y or n");
                }).orElse(false);
        if (cache) {
            return Answers.cacheData();
        }
        Optional<GoDuration> tolerance = prompter.askValid(path + ": how much recent history could you lose? (1h,"
                + " 6h, 24h; empty: skip)", "", GoDuration::parseAnswer);
        Optional<Double> writes = prompter.askValid(path + ": writes per hour, if known (empty: skip)", "",
                text -> Answers.parseWritesPerHour(text, " (e.g. 20)"));
        Optional<Criticality> criticality = prompter.askValid(path + ": criticality (" + Criticality.names()
                + "; empty: skip)", "", Criticality::parse);
        return new Answers(false, tolerance, writes.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                criticality);
    }
}
