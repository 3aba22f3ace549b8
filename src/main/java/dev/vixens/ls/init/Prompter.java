package dev.vixens.ls.init;

import java.io.Console;
import java.util.Optional;

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
