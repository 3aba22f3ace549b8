package dev.vixens.ls.cli;

import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Completion candidates for app names: the apps of the repository around the current directory when the
 * completion script is generated ({@code vixens-ls generate-completion}), none elsewhere.
 */
public final class AppNameCandidates implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        try {
            return Repository.discover(Path.of("")).apps().stream().map(AppRef::name).iterator();
        } catch (RuntimeException e) {
            return List.<String>of().iterator();
        }
    }
}
