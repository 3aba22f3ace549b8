package dev.vixens.ls.cli;

import dev.vixens.ls.version.BuildInfo;

/** The {@code --version} text; kept apart from picocli so {@code --version} loads nothing else. */
final class Version {

    private Version() {
    }

    static String text() {
        return BuildInfo.current().versionLine();
    }
}
