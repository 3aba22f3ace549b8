package dev.vixens.ls.lint;

import dev.vixens.ls.source.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one linted file holds that {@code lint} cares about. */
final class ReadFile {

    /** A container env entry that writes a credential inline. */
    record InlineEnv(String name, Location location) {
    }

    final Path path;
    final List<FoundConfig> configs = new ArrayList<>();
    final List<ImageRef> images = new ArrayList<>();
    final List<InlineEnv> inlineEnv = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    /** A local file or directory a kustomization builds from, and where it names it. */
    record Reference(Path path, Location location) {
    }

    /** For a kustomization: the local files and directories it builds from. */
    final List<Reference> references = new ArrayList<>();
    /** For a kustomization: each configMapGenerator file and the generator (one ConfigMap) it goes into. */
    final Map<Path, String> generatedInto = new LinkedHashMap<>();

    ReadFile(Path path) {
        this.path = path;
    }
}
