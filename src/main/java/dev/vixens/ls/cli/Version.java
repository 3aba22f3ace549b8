package dev.vixens.ls.cli;

/** The tool's version, from the jar manifest; kept apart from picocli so {@code --version} loads nothing else. */
final class Version {

    private Version() {
    }

    static String text() {
        String version = Version.class.getPackage().getImplementationVersion();
        return "vixens-ls " + (version == null ? "dev" : version);
    }
}
