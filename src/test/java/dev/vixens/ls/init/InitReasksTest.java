package dev.vixens.ls.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vixens.ls.recommend.Answers;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interactive init takes each answer as it is given: an invalid one is said and asked again, the answers before
 * it are kept; a person's "2d" is taken and converted to hours.
 */
class InitReasksTest {

    @TempDir
    Path repo;

    @BeforeEach
    void copyExample() {
        ProjectFiles.copyExampleRepository(repo, "hydrus-client");
    }

    /** A person at the terminal: answers in order, and what init told them. */
    private static final class Person implements Prompter {
        final Deque<String> answers;
        final List<String> transcript = new ArrayList<>();

        Person(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public Optional<String> ask(String question, String defaultValue) {
            String answer = answers.removeFirst();
            transcript.add("? " + question + " -> " + answer);
            return Optional.of(answer.isEmpty() ? defaultValue : answer);
        }

        @Override
        public void tell(String message) {
            transcript.add("! " + message);
        }
    }

    private InitPlan init(Prompter person) {
        InitRequest request = new InitRequest("notes", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Answers.NONE, Optional.empty(), Optional.empty(), false, false);
        return new InitService(Repository.open(repo), person).plan(request, repo);
    }

    @Test
    void invalidAnswersAreSaidAndAskedAgain() {
        Person person = new Person("../up", "60-services", "data/notes.db", "/data/notes.db", "", "Notes_NS", "notes",
                "maybe", "n", "1d", "about 20", "20", "very", "important");

        InitPlan plan = init(person);

        assertThat(person.answers).isEmpty();
        assertThat(person.transcript).containsExactly(
                "? Layer directory under apps/ (e.g. 60-services) -> ../up",
                "! '../up' " + dev.vixens.ls.descriptor.Names.relativePathProblem("../up") + "; try again",
                "? Layer directory under apps/ (e.g. 60-services) -> 60-services",
                "? Path of a SQLite database of notes -> data/notes.db",
                "! data/notes.db: " + dev.vixens.ls.descriptor.Names.absolutePathProblem("data/notes.db")
                        + "; try again",
                "? Path of a SQLite database of notes -> /data/notes.db",
                "? Another database path (empty: done) -> ",
                "? Namespace of notes -> Notes_NS",
                "! 'Notes_NS' is not a namespace name (" + dev.vixens.ls.descriptor.Names.labelRule(63)
                        + "); try again",
                "? Namespace of notes -> notes",
                "? /data/notes.db: is it cache or temporary data that can be regenerated? (y/n) -> maybe",
                "! 'maybe': answer y or n; try again",
                "? /data/notes.db: is it cache or temporary data that can be regenerated? (y/n) -> n",
                "? /data/notes.db: how much recent history could you lose? (1h, 6h, 24h; empty: skip) -> 1d",
                "? /data/notes.db: writes per hour, if known (empty: skip) -> about 20",
                "! 'about 20' is not a number of writes per hour (e.g. 20); try again",
                "? /data/notes.db: writes per hour, if known (empty: skip) -> 20",
                "? /data/notes.db: criticality (mission-critical, important, convenience; empty: skip) -> very",
                "! " + messageOf(() -> dev.vixens.ls.recommend.Criticality.parse("very")) + "; try again",
                "? /data/notes.db: criticality (mission-critical, important, convenience; empty: skip) -> important");
        assertThat(plan.path()).isEqualTo("apps/60-services/notes/vixens-backup.yaml");
        assertThat(plan.descriptor()).contains("namespace: notes\n");
        // 1d = 24h of tolerable loss: relaxed by that answer, but "important" asks for standard
        assertThat(plan.databases()).extracting(InitPlan.Choice::profile).containsExactly("standard");
        assertThat(plan.databases().get(0).why()).contains("24h");
    }

    @Test
    void aScriptRepeatingAnInvalidAnswerIsStopped() {
        Person person = new Person("60-services", "x", "x", "x", "x", "x");

        assertThatThrownBy(() -> init(person)).isInstanceOf(InputException.class)
                .hasMessageContaining("Path of a SQLite database of notes: x: ");
    }

    @Test
    void daysAreAcceptedOnTheCommandLine() {
        CliRun recommend = CliRun.run("recommend", "--loss-tolerance", "2d");
        CliRun init = CliRun.inRepo(repo, "init", "notes", "--layer", "60-services", "--namespace", "notes",
                "--db", "/data/notes.db", "--loss-tolerance", "1w", "--dry-run");

        assertThat(recommend.exitCode()).as(recommend.err()).isZero();
        assertThat(recommend.out()).contains("48h");
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("168h");
    }

    private static String messageOf(Runnable failing) {
        try {
            failing.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("no failure");
    }
}
