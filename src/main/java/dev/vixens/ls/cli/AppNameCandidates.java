package dev.vixens.ls.cli;

import dev.vixens.ls.completion.Candidates;
import java.util.Iterator;
import java.util.List;

/**
 * Completion candidates for app names: a token that the completion script replaces with a call to
 * {@code vixens-ls __complete apps}, so that the names are the repository's at TAB time ({@link Candidates}).
 */
public final class AppNameCandidates implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return List.of(Candidates.APPS.token()).iterator();
    }

    /** The same for profile names. */
    public static final class Profiles implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(Candidates.PROFILES.token()).iterator();
        }
    }

    /** The same for the layers under the first apps directory ({@code init --layer}). */
    public static final class Layers implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(Candidates.LAYERS.token()).iterator();
        }
    }
}
