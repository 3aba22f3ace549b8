package dev.vixens.ls.litestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.vixens.ls.profile.GoDuration;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ExampleReleases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * For every release vixens-ls generates for, the whole example repository (every app, its drill, the shared
 * building blocks) is generated for it, and every file is held against the release table: each key of each
 * Litestream config is read by that release at that level, with a value of the type it decodes; each flag the
 * pods pass to {@code litestream restore} or {@code litestream replicate} (in the scripts and as arguments)
 * exists in that release. Apps that pin their own version are held against theirs.
 */
class ReleasesReadWhatGenerateWritesTest {

    /** A call in a script: the command and its words, up to the end of the shell command. */
    private static final Pattern LITESTREAM_CALL = Pattern.compile(
            "\\blitestream (restore|replicate)\\b((?:[^\\n;&|]|&(?!&))*)");

    @TempDir
    Path repo;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.vixens.ls.testing.ExampleReleases#generated")
    void everyKeyAndFlagTheOutputUsesIsReadByItsRelease(String version) {
        ExampleReleases.copyOn(repo, version);
        CliRun generate = CliRun.inRepo(repo, "generate", "--all");
        assertThat(generate.exitCode()).as(generate.err()).isZero();

        Repository repository = Repository.open(repo);
        int configs = 0;
        int calls = 0;
        for (AppRef app : repository.apps()) {
            Release release = repository.load(app).settings().litestreamVersion().release();
            Path component = repo.resolve(app.directory()).resolve("litestream");
            configs += checkConfigs(component, release);
            calls += checkCalls(component, release);
        }
        Release defaults = ReleaseTable.get().find(version).orElseThrow();
        Path shared = repo.resolve(repository.config().sharedDir());
        configs += checkConfigs(shared, defaults);
        calls += checkCalls(shared, defaults);
        assertThat(configs).as("configs checked").isGreaterThan(10);
        assertThat(calls).as("litestream calls checked").isGreaterThan(10);
    }

    // --- configs ---------------------------------------------------------------------------------------------

    private static int checkConfigs(Path dir, Release release) {
        int count = 0;
        for (Path file : files(dir, "litestream", ".yml")) {
            Object doc = new Load(LoadSettings.builder().build()).loadFromString(read(file));
            mapping(release, Level.TOP, doc, file + ": (top)");
            count++;
        }
        return count;
    }

    @SuppressWarnings("unchecked")
    private static void mapping(Release release, Level level, Object node, String where) {
        assertThat(node).as(where).isInstanceOf(Map.class);
        for (Map.Entry<String, Object> entry : ((Map<String, Object>) node).entrySet()) {
            String key = entry.getKey();
            String at = where + "." + key;
            assertThat(release.reads(level, key)).as("Litestream %s reads %s %s (%s)", release, key,
                    level.phrase(), at).isTrue();
            Object value = entry.getValue();
            KeyType type = release.type(level, key).orElseThrow();
            switch (type) {
                case MAPPING -> mapping(release, child(level, key, at), value, at);
                case LIST -> {
                    assertThat(value).as(at).isInstanceOf(List.class);
                    for (Object item : (List<Object>) value) {
                        mapping(release, child(level, key, at), item, at + "[]");
                    }
                }
                case DURATION -> {
                    assertThat(value).as(at).isInstanceOf(String.class);
                    if (!((String) value).contains("${")) {
                        assertThat(GoDuration.parse((String) value).millis()).as(at).isPositive();
                    }
                }
                case STRING -> assertThat(value).as(at).isInstanceOf(String.class);
                case INT -> assertThat(value).as(at).isInstanceOf(Integer.class);
                case BOOL -> assertThat(value).as(at).isInstanceOf(Boolean.class);
                default -> fail("no check for " + type);
            }
        }
    }

    /** The level a mapping (or a list of mappings) under {@code key} opens. */
    private static Level child(Level level, String key, String at) {
        return switch (level.tableName() + "." + key) {
            case "top.dbs" -> Level.DATABASE;
            case "top.logging" -> Level.LOGGING;
            case "top.snapshot", "db.snapshot" -> Level.SNAPSHOT;
            case "top.validation" -> Level.VALIDATION;
            case "top.retention" -> Level.RETENTION;
            case "db.replica", "db.replicas" -> Level.REPLICA;
            default -> throw new AssertionError(at + ": the test does not know the level below " + key);
        };
    }

    // --- commands --------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static int checkCalls(Path dir, Release release) {
        int count = 0;
        for (Path file : files(dir, "", ".yaml")) {
            for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(read(file))) {
                for (Map<String, Object> container : containers(doc)) {
                    if (!String.valueOf(container.get("image")).startsWith("litestream/litestream:")) {
                        continue;
                    }
                    String where = file + ": " + container.get("name");
                    if (container.containsKey("args")) {
                        List<String> args = (List<String>) container.get("args");
                        flags(release, args.get(0), args.subList(1, args.size()), where);
                        count++;
                        continue;
                    }
                    List<String> command = (List<String>) container.get("command");
                    String code = String.join("\n", command.get(2).lines()
                            .filter(line -> !line.strip().startsWith("#")).toList());
                    Matcher call = LITESTREAM_CALL.matcher(code);
                    assertThat(call.find()).as(where + ": a litestream call in the script").isTrue();
                    List<String> words = new ArrayList<>(List.of(call.group(2).trim().split("\\s+")));
                    if (call.group(2).contains("\"$@\"")) {
                        words.addAll(command.subList(5, command.size()));
                    }
                    flags(release, call.group(1), words, where);
                    assertThat(call.find()).as(where + ": one litestream call per script").isFalse();
                    count++;
                }
            }
        }
        return count;
    }

    private static void flags(Release release, String command, List<String> words, String where) {
        Command parsed = Command.valueOf(command.toUpperCase(Locale.ROOT));
        for (String word : words) {
            if (word.startsWith("-")) {
                assertThat(release.has(parsed, word)).as("Litestream %s: %s %s (%s)", release, command, word, where)
                        .isTrue();
            }
        }
    }

    /** The containers and init containers of a workload patch or a CronJob. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> containers(Object doc) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!(doc instanceof Map<?, ?> map) || !(map.get("spec") instanceof Map<?, ?> spec)) {
            return out;
        }
        Object template = spec.get("template");
        if (spec.get("jobTemplate") instanceof Map<?, ?> job && job.get("spec") instanceof Map<?, ?> jobSpec) {
            template = jobSpec.get("template");
        }
        if (template instanceof Map<?, ?> t && t.get("spec") instanceof Map<?, ?> pod) {
            for (String key : List.of("initContainers", "containers")) {
                if (pod.get(key) instanceof List<?> list) {
                    list.forEach(c -> out.add((Map<String, Object>) c));
                }
            }
        }
        return out;
    }

    private static List<Path> files(Path dir, String prefix, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
