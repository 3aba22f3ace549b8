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

    /** Prompts on the process's terminal. */
    static Prompter console(Console console) {
        return (question, defaultValue) -> {
            String line = console.readLine("%s%s: ", question, defaultValue.isEmpty() ? "" : " [" + defaultValue + "]");
            if (line == null) {
                return Optional.of(defaultValue);
            }
            String answer = line.strip();
            return Optional.of(answer.isEmpty() ? defaultValue : answer);
        };
    }
}
