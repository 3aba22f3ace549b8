package dev.vixens.ls.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.vixens.ls.output.OutputWriter.Action;
import dev.vixens.ls.output.OutputWriter.Change;
import dev.vixens.ls.source.InputException;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The write stage on an in-memory file system. */
class OutputWriterTest {

    private static final String MARKER = Marker.header("apps/a/vixens-backup.yaml", "vixens-ls generate a");

    private FileSystem fs;
    private Path root;

    @BeforeEach
    void setUp() throws IOException {
        fs = Jimfs.newFileSystem(Configuration.unix());
        root = Files.createDirectories(fs.getPath("/repo"));
    }

    @AfterEach
    void tearDown() throws IOException {
        fs.close();
    }

    private static GenerationOutput output(List<String> managed, GeneratedFile... files) {
        return new GenerationOutput(List.of(files), managed);
    }

    private static GeneratedFile file(String path, String body) {
        return new GeneratedFile(path, MARKER + body);
    }

    @Test
    void writesNewFilesAndCreatesTheirDirectories() throws IOException {
        List<Change> changes = OutputWriter.write(root, output(List.of("apps/a/litestream"),
                file("apps/a/litestream/kustomization.yaml", "kind: Component\n")));

        assertThat(changes).containsExactly(new Change(Action.WROTE, "apps/a/litestream/kustomization.yaml"));
        assertThat(Files.readString(root.resolve("apps/a/litestream/kustomization.yaml")))
                .isEqualTo(MARKER + "kind: Component\n");
    }

    @Test
    void leavesAnUnchangedFileUntouchedAndLeavesNoTemporaryFiles() throws IOException {
        GenerationOutput output = output(List.of("apps/a/litestream"), file("apps/a/litestream/x.yaml", "a: 1\n"));
        OutputWriter.write(root, output);
        Path written = root.resolve("apps/a/litestream/x.yaml");
        var modified = Files.getLastModifiedTime(written);

        List<Change> second = OutputWriter.write(root, output);

        assertThat(second).containsExactly(new Change(Action.UNCHANGED, "apps/a/litestream/x.yaml"));
        assertThat(Files.getLastModifiedTime(written)).isEqualTo(modified);
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.map(Path::toString)).noneMatch(p -> p.contains("vixens-ls-tmp"));
        }
    }

    @Test
    void rewritesAChangedGeneratedFile() throws IOException {
        OutputWriter.write(root, output(List.of(), file("apps/a/litestream/x.yaml", "a: 1\n")));

        List<Change> changes = OutputWriter.write(root, output(List.of(), file("apps/a/litestream/x.yaml", "a: 2\n")));

        assertThat(changes).containsExactly(new Change(Action.WROTE, "apps/a/litestream/x.yaml"));
        assertThat(Files.readString(root.resolve("apps/a/litestream/x.yaml"))).endsWith("a: 2\n");
    }

    @Test
    void refusesToOverwriteAFileWithoutTheMarkerAndWritesNothingElse() throws IOException {
        Files.createDirectories(root.resolve("apps/a/litestream"));
        Files.writeString(root.resolve("apps/a/litestream/y.yaml"), "mine: true\n");

        assertThatThrownBy(() -> OutputWriter.write(root, output(List.of("apps/a/litestream"),
                file("apps/a/litestream/x.yaml", "a: 1\n"), file("apps/a/litestream/y.yaml", "b: 1\n"))))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("apps/a/litestream/y.yaml:1:1: refusing to overwrite");

        assertThat(root.resolve("apps/a/litestream/x.yaml")).doesNotExist();
        assertThat(Files.readString(root.resolve("apps/a/litestream/y.yaml"))).isEqualTo("mine: true\n");
    }

    @Test
    void deletesStaleGeneratedFilesButNeverTheUsersFiles() throws IOException {
        Path dir = Files.createDirectories(root.resolve("apps/a/litestream/old"));
        Files.writeString(dir.resolve("stale.yaml"), MARKER + "old: true\n");
        Files.writeString(root.resolve("apps/a/litestream/notes.md"), "my notes\n");

        List<Change> changes = OutputWriter.write(root, output(List.of("apps/a/litestream"),
                file("apps/a/litestream/x.yaml", "a: 1\n")));

        assertThat(changes).contains(new Change(Action.DELETED, "apps/a/litestream/old/stale.yaml"));
        assertThat(dir).doesNotExist();
        assertThat(root.resolve("apps/a/litestream/notes.md")).exists();
    }

    @Test
    void neverWritesOutsideTheRepositoryRoot() {
        assertThatThrownBy(() -> OutputWriter.write(root, output(List.of(), file("apps/../../etc/x.yaml", "a: 1\n"))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("refusing to write outside the repository root");
        assertThat(fs.getPath("/etc/x.yaml")).doesNotExist();
    }

    @Test
    void neverWritesThroughASymbolicLink() throws IOException {
        Path elsewhere = Files.createDirectories(fs.getPath("/elsewhere"));
        Files.createDirectories(root.resolve("apps/a"));
        Files.createSymbolicLink(root.resolve("apps/a/litestream"), elsewhere);

        assertThatThrownBy(() -> OutputWriter.write(root, output(List.of(), file("apps/a/litestream/x.yaml", "a\n"))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("refusing to write through the symbolic link apps/a/litestream");
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void checkReportsEachKindOfDifferenceWithoutWriting() throws IOException {
        OutputWriter.write(root, output(List.of("apps/a/litestream"),
                file("apps/a/litestream/same.yaml", "a: 1\n"), file("apps/a/litestream/edited.yaml", "b: 1\n"),
                file("apps/a/litestream/stale.yaml", "c: 1\n")));
        Files.writeString(root.resolve("apps/a/litestream/edited.yaml"), MARKER + "b: 9\n");

        List<OutputChecker.Difference> differences = OutputChecker.check(root, output(List.of("apps/a/litestream"),
                file("apps/a/litestream/same.yaml", "a: 1\n"), file("apps/a/litestream/edited.yaml", "b: 1\n"),
                file("apps/a/litestream/new.yaml", "d: 1\n")));

        assertThat(differences).extracting(d -> d.kind() + " " + d.path()).containsExactly(
                "CHANGED apps/a/litestream/edited.yaml", "MISSING apps/a/litestream/new.yaml",
                "STALE apps/a/litestream/stale.yaml");
        assertThat(differences.get(0).diff()).isEqualTo("""
                --- a/apps/a/litestream/edited.yaml
                +++ b/apps/a/litestream/edited.yaml
                @@ -1,3 +1,3 @@
                 # Code generated by vixens-ls from apps/a/vixens-backup.yaml; DO NOT EDIT.
                 # Regenerate with: vixens-ls generate a
                -b: 9
                +b: 1
                """);
        assertThat(root.resolve("apps/a/litestream/new.yaml")).doesNotExist();
        assertThat(root.resolve("apps/a/litestream/stale.yaml")).exists();
    }
}
