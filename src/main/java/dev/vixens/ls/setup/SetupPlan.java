package dev.vixens.ls.setup;

import java.util.List;

/**
 * The files {@code setup} would write, each with what happens to it, and what to do next.
 *
 * @param files in the order they are reported
 * @param notes things the user should know (no app directories found, ...)
 */
public record SetupPlan(List<PlannedFile> files, List<String> notes) {

    /** What becomes of one file: only {@link Action#WRITE} ones are written. */
    public enum Action {
        WRITE("wrote"),
        UNCHANGED("unchanged"),
        KEPT("kept");

        private final String verb;

        Action(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }
    }

    /** @param why shown after the path */
    public record PlannedFile(String path, String content, Action action, String why) {
    }
}
