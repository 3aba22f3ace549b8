package dev.vixens.ls.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vixens.ls.recommend.Recommender;
import dev.vixens.ls.testing.ProjectFiles;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in profiles are data: every file of {@code src/main/resources/profiles/} ships, found through the
 * list the build writes ({@code scripts/profile-index}), and nothing else names them; the docs' tables show
 * their values.
 */
class BuiltInProfilesTest {

    private static final Path SHIPPED = ProjectFiles.root().resolve("src/main/resources/profiles");

    @TempDir
    Path dir;

    @Test
    void theBuildListsEveryShippedFile() throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(SHIPPED)) {
            list.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml")).sorted().forEach(files::add);
        }
        String index;
        try (var in = BuiltInProfiles.class.getClassLoader().getResourceAsStream(BuiltInProfiles.INDEX)) {
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(index.lines()).containsExactlyElementsOf(files);
        assertThat(BuiltInProfiles.load()).extracting(p -> p.name() + ".yaml")
                .containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void theyComeMostProtectiveFirstWithTheirSource() {
        assertThat(ProfileLoader.builtIn().all()).extracting(Profile::name, Profile::source).containsExactly(
                tuple("critical", "built-in:profiles/critical.yaml"),
                tuple("standard", "built-in:profiles/standard.yaml"),
                tuple("relaxed", "built-in:profiles/relaxed.yaml"),
                tuple("ephemeral", "built-in:profiles/ephemeral.yaml"));
    }

    @Test
    void everyShippedNameIsAProfileNameAndTheDecisionTreesProfilesShip() {
        ProfileCatalog builtIn = ProfileLoader.builtIn();

        assertThat(builtIn.names()).allMatch(ProfileLoader::isName);
        assertThat(builtIn.names()).contains(Recommender.CRITICAL, Recommender.STANDARD, Recommender.RELAXED,
                Recommender.EPHEMERAL);
    }

    /** Shipping a profile is adding its file: the build's list picks it up and the order places it. */
    @Test
    void aProfileAddedAsAFileIsBuiltIn() throws Exception {
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        try (Stream<Path> list = Files.list(SHIPPED)) {
            for (Path file : list.toList()) {
                Files.copy(file, profiles.resolve(file.getFileName()));
            }
        }
        Files.writeString(profiles.resolve("audit.yaml"), """
                description: Audit logs kept a month.
                backup: true
                syncInterval: 1s
                snapshotInterval: 12h
                retention: 720h
                integrityCheck: mandatory
                """);
        Process index = new ProcessBuilder("bash", ProjectFiles.root().resolve("scripts/profile-index").toString(),
                profiles.toString(), profiles.resolve("index.txt").toString()).inheritIO().start();
        assertThat(index.waitFor()).isZero();

        List<Profile> loaded;
        try (URLClassLoader jar = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            loaded = BuiltInProfiles.load(jar);
        }

        assertThat(loaded).extracting(Profile::name)
                .containsExactly("critical", "standard", "audit", "relaxed", "ephemeral");
        assertThat(loaded.get(2).source()).isEqualTo("built-in:profiles/audit.yaml");
    }

    /** The README's and profile-selection.md's tables of the built-in profiles say what the files say. */
    @Test
    void theDocsShowTheShippedValues() throws IOException {
        List<String> readme = Files.readAllLines(ProjectFiles.root().resolve("README.md"));
        List<String> guide = Files.readAllLines(ProjectFiles.root().resolve("docs/profile-selection.md"));

        for (Profile profile : ProfileLoader.builtIn().all()) {
            String row = profile instanceof Profile.BackedUp p
                    ? "| " + p.name() + " | " + p.snapshotInterval() + " | " + p.syncInterval() + " | " + p.retention()
                            + " "
                    : "| " + profile.name() + " | – | – | – | n/a |";
            String integrity = profile instanceof Profile.BackedUp p ? " " + p.integrityCheck().text() : "";
            assertThat(readme).as("README.md, Profiles")
                    .anyMatch(line -> line.startsWith(row) && line.contains(integrity));
            assertThat(guide).as("docs/profile-selection.md")
                    .anyMatch(line -> line.startsWith(row) && line.contains(integrity));
        }
    }
}
