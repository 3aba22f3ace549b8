package dev.vixens.ls.cli;

import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.profile.ProfileLoader;
import dev.vixens.ls.recommend.Answers;
import dev.vixens.ls.recommend.ProfileTexts;
import dev.vixens.ls.recommend.Recommendation;
import dev.vixens.ls.recommend.Recommender;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "recommend",
        description = "Chooses a backup profile for one database with ADR-014's decision tree, and prints the"
                + " reason for each step: cache data is ephemeral; otherwise the most protective profile that"
                + " the data-loss tolerance, the write activity or the criticality asks for. The profile values it"
                + " quotes are the repository's (its own profile files included; the built-in ones outside any).")
public final class RecommendCommand implements Runnable {

    @Mixin
    RecommendOptions options;

    @Mixin
    RepositoryOption repository;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Answers answers = options.answers();
        if (answers.isEmpty()) {
            throw new InputException(Location.commandLine(), "answer at least one question: --cache,"
                    + " --loss-tolerance, --writes-per-hour or --criticality (see vixens-ls recommend --help)");
        }
        ProfileCatalog catalog = repository.openIfPresent().map(Repository::profiles)
                .orElseGet(ProfileLoader::builtIn);
        Recommendation recommendation = Recommender.recommend(answers, catalog);
        PrintWriter out = spec.commandLine().getOut();
        for (Recommendation.Step step : recommendation.steps()) {
            out.printf("%d. %-34s %-20s %s%n", step.number(), step.question(), step.answer(),
                    step.demands().map(p -> "-> " + p + ": " + step.reason()).orElse("-- " + step.reason()));
        }
        out.println();
        out.printf("Profile: %s%n", recommendation.profile());
        catalog.find(recommendation.profile())
                .ifPresent(profile -> out.println("  " + ProfileTexts.describe(profile)));
        if (!recommendation.profile().equals(Recommender.EPHEMERAL)) {
            out.println("  (the most protective profile any answer asks for)");
        }
    }
}
