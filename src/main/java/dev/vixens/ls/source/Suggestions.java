package dev.vixens.ls.source;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?" for a misspelt key or name: the closest known word within a small edit distance, so
 * that {@code critcal} points at {@code critical} and {@code snapshotinterval} at {@code snapshotInterval}.
 * The one edit distance of the tool: the loaders' messages and lint's unknown Litestream keys both ask here.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /** The known word closest to {@code word}, if one is close enough to be a likely typo. */
    public static Optional<String> closest(String word, Collection<String> known) {
        int allowed = Math.max(1, Math.min(3, word.length() / 4));
        return nearest(word, known, allowed).filter(best -> !best.equals(word));
    }

    /**
     * The known word nearest to {@code word} (case ignored) within {@code allowed} edits; on a tie, the first in
     * the order of {@code known}. For callers with their own idea of "close enough" (lint's Litestream keys).
     */
    public static Optional<String> nearest(String word, Collection<String> known, int allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = word.toLowerCase(Locale.ROOT);
        for (String candidate : known) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** {@code " (did you mean 'x'?)"}, or nothing when no known word is close. */
    public static String didYouMean(String word, Collection<String> known) {
        return closest(word, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
