package dev.vixens.ls.pipeline;

import java.util.List;

/**
 * The apps a run works on, as the command line gives them: names, or every app.
 *
 * @param all {@code --all}
 * @param apps the names given, in order (may repeat; a name counts once)
 */
public record Selection(boolean all, List<String> apps) {

    public Selection {
        apps = List.copyOf(apps);
    }

    public static Selection everyApp() {
        return new Selection(true, List.of());
    }

    /** The selection check makes: every app when none is named. */
    public Selection orEveryApp() {
        return all || apps.isEmpty() ? new Selection(true, apps) : this;
    }
}
