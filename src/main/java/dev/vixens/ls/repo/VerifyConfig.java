package dev.vixens.ls.repo;

import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.nio.file.FileSystems;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code verify:} section of {@value Repository#CONFIG_FILE}: whether {@code check} builds every overlay of
 * every app with kustomize and verifies the backup in what the cluster will run, which directories of an app
 * are its overlays, and which command builds them.
 *
 * @param overlays glob patterns, relative to each app directory, of the overlay directories
 * @param kustomize the command that builds an overlay (the overlay directory is appended); empty: the first of
 *     {@code kustomize build} and {@code kubectl kustomize} found on the PATH
 * @param kustomizeAt where the command is written, for a problem with it
 */
public record VerifyConfig(boolean enabled, List<String> overlays, List<String> kustomize, Location kustomizeAt) {

    public static final String DEFAULT_OVERLAYS = "overlays/*";

    public VerifyConfig {
        overlays = List.copyOf(overlays);
        kustomize = List.copyOf(kustomize);
    }

    /** The section as written; every key is optional. */
    record VerifyDocument(Boolean enabled, List<String> overlays, List<String> kustomize) {
    }

    static VerifyConfig of(SourceFile source, VerifyDocument doc) {
        if (doc == null) {
            return new VerifyConfig(true, List.of(DEFAULT_OVERLAYS), List.of(), Location.startOf(source.displayName()));
        }
        List<String> overlays = doc.overlays() == null ? List.of(DEFAULT_OVERLAYS) : doc.overlays();
        YamlPath overlaysAt = YamlPath.of("verify", "overlays");
        if (overlays.isEmpty()) {
            throw problem(source, overlaysAt, "verify.overlays: the list is empty; give at least one pattern of"
                    + " overlay directories, e.g. " + DEFAULT_OVERLAYS);
        }
        for (int i = 0; i < overlays.size(); i++) {
            pattern(source, overlaysAt.index(i), overlays.get(i));
        }
        YamlPath kustomizeAt = YamlPath.of("verify", "kustomize");
        List<String> kustomize = doc.kustomize() == null ? List.of() : doc.kustomize();
        if (doc.kustomize() != null && (kustomize.isEmpty() || kustomize.get(0) == null
                || kustomize.get(0).isBlank())) {
            throw problem(source, kustomizeAt, "verify.kustomize: expected the command that builds an overlay,"
                    + " e.g. [kustomize, build] or [kubectl, kustomize]; leave it out to use the first found");
        }
        for (int i = 0; i < kustomize.size(); i++) {
            if (kustomize.get(i) == null || kustomize.get(i).contains("\n")) {
                throw problem(source, kustomizeAt.index(i), "verify.kustomize[" + i + "]: expected one word of the"
                        + " command");
            }
        }
        return new VerifyConfig(doc.enabled() == null || doc.enabled(), overlays, kustomize,
                YamlLocator.locate(source, doc.kustomize() == null ? YamlPath.of("verify") : kustomizeAt.index(0)));
    }

    private static void pattern(SourceFile source, YamlPath at, String pattern) {
        String message = null;
        if (pattern == null || pattern.isBlank()) {
            message = "is empty";
        } else if (pattern.startsWith("/")) {
            message = "must be relative to the app directory (no leading '/')";
        } else if (List.of(pattern.split("/")).contains("..")) {
            message = "contains a '..' segment; overlays are searched below the app directory";
        } else {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            } catch (PatternSyntaxException e) {
                message = "is not a glob pattern: " + e.getDescription();
            }
        }
        if (message != null) {
            throw problem(source, at, at + ": " + Problem.quote(String.valueOf(pattern)) + " " + message
                    + "; expected a pattern such as " + DEFAULT_OVERLAYS);
        }
    }

    private static InputException problem(SourceFile source, YamlPath at, String message) {
        return new InputException(YamlLocator.locate(source, at), message);
    }
}
