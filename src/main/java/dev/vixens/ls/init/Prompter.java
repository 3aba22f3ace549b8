package dev.vixens.ls.init;

import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import java.io.Console;
import java.util.Optional;
import java.util.function.Function;

/** Asks the user for a value init was not given; {@link #NONE} when nobody is at a terminal. */
public interface Prompter {

    /** No terminal: nothing is asked, missing values are errors. */
    Prompter NONE = (question, defaultValue) -> Optional.empty();

    /**
     * @param defaultValue shown and returned on an empty answer; may be empty
     * @return the answer, or empty when nothing can be asked
     */
    Optional<String> ask(String question, String defaultValue);

    default boolean interactive() {
        return this != NONE;
    }

    /** Says why an answer was not taken, before the question is asked again. */
    default void tell(String message) {
    }

    /** After this many invalid answers to one question, init stops: a script is feeding it, not a person. */
    int ATTEMPTS = 5;

    /**
     * Asks until the answer is valid, saying why each invalid one was not taken, so that one typo never throws
     * away the answers given before it. Empty when the question is skipped (empty answer) or nobody is asked.
     *
     * @param parse the answer's value, or an {@link IllegalArgumentException} saying why it is not one
     */
    default <T> Optional<T> askValid(String question, String defaultValue, Function<String, T> parse) {
        for (int attempt = 1; ; attempt++) {
            Optional<String> answer = ask(question, defaultValue);
            if (answer.isEmpty() || answer.get().isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(parse.apply(answer.get()));
            } catch (IllegalArgumentException e) {
                if (attempt >= ATTEMPTS) {
                    throw new InputException(Location.commandLine(), question + ": " + e.getMessage());
                }
                tell(e.getMessage() + "; try again");
            }
        }
    }

    /** Prompts on the process's terminal. */
    static Prompter console(Console console) {
        return new Prompter() {
            @Override
            public Optional<String> ask(String question, String defaultValue) {
                String line = console.readLine("%s%s: ", question, defaultValue.isEmpty() ? "" : " [" + defaultValue
                        + "]");
                if (line == null) {
                    return Optional.of(defaultValue);
                }
                String answer = line.strip();
                return Optional.of(answer.isEmpty() ? defaultValue : answer);
            }

            @Override
            public void tell(String message) {
                console.printf("  %s%n", message);
                console.flush();
            }
        };
    }
}
