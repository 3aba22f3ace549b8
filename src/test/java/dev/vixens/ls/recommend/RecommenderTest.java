package dev.vixens.ls.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.profile.GoDuration;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.profile.ProfileLoader;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.TestRepo;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADR-014, Notes, "Profile Selection Criteria", as a table; plus the ADR's own example databases. What a reason
 * says about a profile comes from the catalog: a repository whose profiles differ hears its own values.
 */
class RecommenderTest {

    private static final ProfileCatalog BUILT_IN = ProfileLoader.builtIn();

    @TempDir
    Path repo;

    static Stream<Arguments> criteria() {
        return Stream.of(
                // 1. cache or temporary data -> ephemeral, whatever else is said
                row("cache", answers(true, null, null, null), "ephemeral"),
                row("cache, even if called mission-critical", answers(true, "1h", 500.0, "mission-critical"),
                        "ephemeral"),
                // 2. data-loss tolerance
                row("tolerance 30m", answers(false, "30m", null, null), "critical"),
                row("tolerance 1h", answers(false, "1h", null, null), "critical"),
                row("tolerance 61m", answers(false, "61m", null, null), "standard"),
                row("tolerance 6h", answers(false, "6h", null, null), "standard"),
                row("tolerance 7h", answers(false, "7h", null, null), "relaxed"),
                row("tolerance 24h", answers(false, "24h", null, null), "relaxed"),
                row("tolerance 72h", answers(false, "72h", null, null), "relaxed"),
                // 3. write activity
                row("101 writes/hour", answers(false, null, 101.0, null), "critical"),
                row("100 writes/hour", answers(false, null, 100.0, null), "standard"),
                row("10 writes/hour", answers(false, null, 10.0, null), "standard"),
                row("9.5 writes/hour", answers(false, null, 9.5, null), "relaxed"),
                row("0 writes/hour", answers(false, null, 0.0, null), "relaxed"),
                // 4. criticality
                row("mission-critical", answers(false, null, null, "mission-critical"), "standard"),
                row("important", answers(false, null, null, "important"), "standard"),
                row("convenience", answers(false, null, null, "convenience"), "relaxed"),
                // combined: the most protective demand wins
                row("mission-critical floor over low activity", answers(false, null, 2.0, "mission-critical"),
                        "standard"),
                row("activity above criticality", answers(false, null, 250.0, "convenience"), "critical"),
                row("tolerance above activity", answers(false, "1h", 3.0, "convenience"), "critical"),
                // the ADR's examples
                row("Vaultwarden: passwords, few writes", answers(false, "6h", 5.0, "mission-critical"),
                        "standard"),
                row("Hydrus client.db: metadata, very active", answers(false, "1h", 400.0, "mission-critical"),
                        "critical"),
                row("Hydrus client.mappings.db", answers(false, "6h", 60.0, "important"), "standard"),
                row("Sonarr: media metadata", answers(false, null, 40.0, "important"), "standard"),
                row("Authentik / AdGuard config", answers(false, "24h", 4.0, "convenience"), "relaxed"),
                row("Hydrus client.caches.db", answers(true, null, 900.0, null), "ephemeral"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("criteria")
    void followsTheDecisionTree(String description, Answers answers, String expected) {
        Recommendation recommendation = Recommender.recommend(answers, BUILT_IN);

        assertThat(recommendation.profile()).isEqualTo(expected);
        assertThat(recommendation.guessed()).isFalse();
        assertThat(recommendation.steps()).extracting(Recommendation.Step::number).containsExactly(1, 2, 3, 4);
        assertThat(recommendation.steps()).anyMatch(step -> step.demands().equals(Optional.of(expected)));
    }

    @Test
    void withoutAnyAnswerItIsStandardMarkedAsAGuess() {
        Recommendation recommendation = Recommender.recommend(Answers.NONE, BUILT_IN);

        assertThat(recommendation.profile()).isEqualTo("standard");
        assertThat(recommendation.guessed()).isTrue();
        assertThat(recommendation.steps().subList(1, 4)).allMatch(step -> step.reason().equals("skipped"));
    }

    @Test
    void namesThatLookLikeCaches() {
        assertThat(Recommender.looksLikeCache("/opt/hydrus/db/client.caches.db")).isTrue();
        assertThat(Recommender.looksLikeCache("/data/thumbnail-cache.sqlite")).isTrue();
        assertThat(Recommender.looksLikeCache("/data/tmp.db")).isTrue();
        assertThat(Recommender.looksLikeCache("/data/db.sqlite3")).isFalse();
        assertThat(Recommender.looksLikeCache("/opt/hydrus/db/client.master.db")).isFalse();
    }

    @Test
    void commandPrintsEachStepAndTheProfile() {
        CliRun run = CliRun.run("recommend", "--loss-tolerance", "6h", "--writes-per-hour", "250",
                "--criticality", "mission-critical");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("1. Is this cache or temporary data?")
                .containsPattern("2\\. Data-loss tolerance\\? +6h +-> standard: up to 6 hours")
                .containsPattern("3\\. Write activity\\? +250 writes/hour +-> critical: more than 100 writes/hour")
                .containsPattern("4\\. Data criticality\\? +mission-critical +-> standard")
                .contains("Profile: critical")
                .contains("snapshots every 1h, retention 336h");
    }

    @Test
    void theReasonsSayWhatTheBuiltInProfilesKeep() {
        CliRun run = CliRun.run("recommend", "--loss-tolerance", "30m");
        CliRun cache = CliRun.run("recommend", "--cache");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                1. Is this cache or temporary data?   no                   -- it is backed up
                2. Data-loss tolerance?               30m                  -> critical: up to 1 hour: critical \
                (1h snapshots, 14 days retention)
                3. Write activity?                    not given            -- skipped
                4. Data criticality?                  not given            -- skipped

                Profile: critical
                  snapshots every 1h, retention 336h, sync every 1s, integrity check mandatory \
                (built-in:profiles/critical.yaml)
                  (the most protective profile any answer asks for)
                """);
        assertThat(CliRun.run("recommend", "--loss-tolerance", "6h").out())
                .contains("-> standard: up to 6 hours: standard (6h snapshots, 7 days retention)\n");
        assertThat(CliRun.run("recommend", "--loss-tolerance", "7h").out())
                .contains("-> relaxed: more than 6 hours: relaxed (24h snapshots, 3 days retention)\n");
        assertThat(cache.out()).isEqualTo("""
                1. Is this cache or temporary data?   yes                  -> ephemeral: regenerable data is not \
                backed up; it is deleted at pod start
                2. Data-loss tolerance?               not given            -- not needed: ephemeral data is not \
                backed up
                3. Write activity?                    not given            -- not needed: ephemeral data is not \
                backed up
                4. Data criticality?                  not given            -- not needed: ephemeral data is not \
                backed up

                Profile: ephemeral
                  not backed up: deleted at pod start (built-in:profiles/ephemeral.yaml)
                """);
    }

    @Test
    void aRepositoryWhoseProfilesDifferHearsItsOwnValues() {
        TestRepo.create(repo);
        ProjectFiles.writeAll(repo, Map.of("profiles/critical.yaml", """
                backup: true
                syncInterval: 1s
                snapshotInterval: 30m
                retention: 720h
                integrityCheck: mandatory
                """, "profiles/standard.yaml", """
                backup: true
                syncInterval: 1s
                snapshotInterval: 12h
                retention: 36h
                integrityCheck: optional
                """));

        CliRun critical = CliRun.inRepo(repo, "recommend", "--loss-tolerance", "30m");
        CliRun standard = CliRun.inRepo(repo, "recommend", "--loss-tolerance", "6h");

        assertThat(critical.exitCode()).as(critical.err()).isZero();
        assertThat(critical.out()).isEqualTo("""
                1. Is this cache or temporary data?   no                   -- it is backed up
                2. Data-loss tolerance?               30m                  -> critical: up to 1 hour: critical \
                (30m snapshots, 30 days retention)
                3. Write activity?                    not given            -- skipped
                4. Data criticality?                  not given            -- skipped

                Profile: critical
                  snapshots every 30m, retention 720h, sync every 1s, integrity check mandatory \
                (profiles/critical.yaml)
                  (the most protective profile any answer asks for)
                """);
        assertThat(standard.out()).contains("-> standard: up to 6 hours: standard (12h snapshots, 36h retention)\n",
                "  snapshots every 12h, retention 36h, sync every 1s, integrity check optional"
                        + " (profiles/standard.yaml)\n");
    }

    @Test
    void aProfileThatNoLongerKeepsWhatTheTreeExpectsSaysSo() {
        TestRepo.create(repo);
        ProjectFiles.writeAll(repo, Map.of("profiles/critical.yaml", """
                backup: false
                acknowledgeNoBackup: critical
                """, "profiles/ephemeral.yaml", """
                backup: true
                syncInterval: 1s
                snapshotInterval: 24h
                retention: 24h
                integrityCheck: optional
                """));

        CliRun critical = CliRun.inRepo(repo, "recommend", "--loss-tolerance", "1h");
        CliRun cache = CliRun.inRepo(repo, "recommend", "--cache", "--criticality", "important");

        assertThat(critical.exitCode()).as(critical.err()).isZero();
        assertThat(critical.out()).isEqualTo("""
                1. Is this cache or temporary data?   no                   -- critical, chosen below, is not backed \
                up (profiles/critical.yaml)
                2. Data-loss tolerance?               1h                   -> critical: up to 1 hour: critical \
                (not backed up)
                3. Write activity?                    not given            -- skipped
                4. Data criticality?                  not given            -- skipped

                Profile: critical
                  not backed up: deleted at pod start (profiles/critical.yaml)
                  (the most protective profile any answer asks for)
                """);
        assertThat(cache.exitCode()).as(cache.err()).isZero();
        assertThat(cache.out()).isEqualTo("""
                1. Is this cache or temporary data?   yes                  -> ephemeral: regenerable data: ephemeral \
                (24h snapshots, 1 day retention)
                2. Data-loss tolerance?               not given            -- not needed: cache or temporary data is \
                ephemeral
                3. Write activity?                    not given            -- not needed: cache or temporary data is \
                ephemeral
                4. Data criticality?                  important            -- not needed: cache or temporary data is \
                ephemeral

                Profile: ephemeral
                  snapshots every 24h, retention 24h, sync every 1s, integrity check optional \
                (profiles/ephemeral.yaml)
                """);
    }

    @Test
    void aRepositoryWithABrokenProfileIsAnErrorNotTheBuiltInValues() {
        TestRepo.create(repo);
        ProjectFiles.write(repo.resolve("profiles/critical.yaml"), "backup: true\nsyncInterval: 1s\n");

        CliRun run = CliRun.inRepo(repo, "recommend", "--loss-tolerance", "30m");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("profiles/critical.yaml:");
    }

    @Test
    void commandRefusesNoAnswerAndBadValues() {
        CliRun none = CliRun.run("recommend");
        CliRun badCriticality = CliRun.run("recommend", "--criticality", "vital");
        CliRun days = CliRun.run("recommend", "--loss-tolerance", "2 fortnights");

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("answer at least one question");
        assertThat(badCriticality.exitCode()).isEqualTo(2);
        assertThat(badCriticality.err()).contains("'vital' is not a criticality; use one of: mission-critical,"
                + " important, convenience");
        // days are a person's answer and are taken (InitReasksTest); a word that is no duration is not
        assertThat(days.exitCode()).isEqualTo(2);
        assertThat(days.err()).startsWith("vixens-ls: Invalid value for option '--loss-tolerance': '2 fortnights'");
    }

    private static Arguments row(String description, Answers answers, String expected) {
        return Arguments.of(description, answers, expected);
    }

    private static Answers answers(boolean cache, String tolerance, Double writes, String criticality) {
        return new Answers(cache, Optional.ofNullable(tolerance).map(GoDuration::parse),
                writes == null ? OptionalDouble.empty() : OptionalDouble.of(writes),
                Optional.ofNullable(criticality).map(Criticality::parse));
    }
}
