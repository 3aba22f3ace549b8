package dev.vixens.ls.testing;

import dev.vixens.ls.litestream.Release;
import dev.vixens.ls.litestream.ReleaseTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The tests that run once per Litestream release: which releases, and the example repository on one. */
public final class ExampleReleases {

    private ExampleReleases() {
    }

    /** Every release of the release table that vixens-ls generates for, oldest first. */
    public static Stream<String> generated() {
        return ReleaseTable.get().releases().stream().filter(Release::tellsMissingReplicaApart).map(Release::version);
    }

    /** A copy of this project's example repository whose default Litestream release is {@code version}. */
    public static void copyOn(Path repo, String version) {
        ProjectFiles.copyExampleRepository(repo);
        Path config = repo.resolve(".vixens-ls.yaml");
        try {
            Files.writeString(config, Files.readString(config).replace("version: 0.3.13", "version: " + version));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
