package dev.vixens.ls.cli;

import dev.vixens.ls.profile.Profile;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.profile.ProfileLoader;
import dev.vixens.ls.recommend.Answers;
import dev.vixens.ls.recommend.Recommendation;
import dev.vixens.ls.recommend.Recommender;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "recommend",
        description = "Chooses a backup profile for one database with ADR-014's decision tree, and prints the"
                + " reason for each step: cache data is ephemeral; otherwise the most protective profile that"
                + " the data-loss tolerance, the write activity or the criticality asks for.")
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
        Recommendation recommendation = Recommender.recommend(answers);
        PrintWriter out = spec.commandLine().getOut();
        for (Recommendation.Step step : recommendation.steps()) {
            out.printf("%d. %-34s %-20s %s%n", step.number(), step.question(), step.answer(),
                    step.demands().map(p -> "-> " + p + ": " + step.reason()).orElse("-- " + step.reason()));
        }
        out.println();
        out.printf("Profile: %s%n", recommendation.profile());
        catalog().find(recommendation.profile()).ifPresent(profile -> out.println("  " + describe(profile)));
        if (!recommendation.profile().equals(Recommender.EPHEMERAL)) {
            out.println("  (the most protective profile any answer asks for)");
        }
    }

    private ProfileCatalog catalog() {
        if (repository.given()) {
            return repository.open().profiles();
        }
        try {
            return Repository.discover(Path.of("")).profiles();
        } catch (InputException e) {
            return ProfileLoader.builtIn();
        }
    }

    static String describe(Profile profile) {
        if (profile instanceof Profile.BackedUp p) {
            return String.format("snapshots every %s, retention %s, sync every %s, integrity check %s (%s)",
                    p.snapshotInterval(), p.retention(), p.syncInterval(), p.integrityCheck().text(), p.source());
        }
        return "not backed up: deleted at pod start (" + profile.source() + ")";
    }
}
