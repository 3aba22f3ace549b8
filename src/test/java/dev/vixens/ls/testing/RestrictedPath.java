package dev.vixens.ls.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A PATH as on a machine that lacks some programs: one directory of links to every program of this machine's
 * PATH except the excluded names. Tests of what a user installs run with it, so that "works without Maven" or
 * "without Java" is shown, not assumed.
 */
public final class RestrictedPath {

    /** Maven, as a machine with only a JDK has none of it. */
    public static final Set<String> MAVEN = Set.of("mvn", "mvnDebug", "mvnyjp");
    /** Every JDK program, as a machine without Java has none. */
    public static final Set<String> JAVA = Set.of("java", "javac", "jar", "jarsigner", "javadoc", "javap", "jcmd",
            "jconsole", "jdb", "jdeprscan", "jdeps", "jfr", "jhsdb", "jimage", "jinfo", "jlink", "jmap", "jmod",
            "jpackage", "jps", "jrunscript", "jshell", "jstack", "jstat", "jstatd", "keytool", "rmiregistry",
            "serialver");

    private RestrictedPath() {
    }

    /** Creates {@code dir} holding links to every program on this PATH but {@code excluded}; returns it. */
    @SafeVarargs
    public static Path without(Path dir, Set<String>... excluded) {
        try {
            Files.createDirectories(dir);
            for (String entry : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
                Path source = Path.of(entry.isEmpty() ? "." : entry);
                if (!Files.isDirectory(source)) {
                    continue;
                }
                try (Stream<Path> programs = Files.list(source)) {
                    for (Path program : (Iterable<Path>) programs::iterator) {
                        String name = program.getFileName().toString();
                        boolean skip = Stream.of(excluded).anyMatch(set -> set.contains(name));
                        Path link = dir.resolve(name);
                        if (!skip && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                                && Files.isExecutable(program) && !Files.isDirectory(program)) {
                            Files.createSymbolicLink(link, program.toAbsolutePath());
                        }
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build a restricted PATH in " + dir, e);
        }
    }
}
