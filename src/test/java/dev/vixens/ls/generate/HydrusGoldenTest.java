package dev.vixens.ls.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.litestream.ReleaseNumber;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ExampleReleases;
import dev.vixens.ls.testing.Goldens;
import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Hydrus example (critical + standard + standard + ephemeral) generated for every release vixens-ls
 * generates for, each compared with the goldens of its release family under
 * {@code src/test/resources/golden/hydrus-client/<first release of the family>/}: the Litestream configs, the
 * PodMonitor, and {@code commands.txt}, the arguments of every Litestream container of the workload patch
 * (restore and replicate flags). Within a family only the version differs, so each release's output, with its
 * version written as the family's first, must equal the family's goldens. A release that changes the output
 * (a new written key, a new restore flag) fails here until it opens a family of its own.
 */
@Tag(Goldens.TAG)
class HydrusGoldenTest {

    /**
     * The first release of each family: 0.3; 0.5 with the top-level snapshot block; plus shutdown-sync-timeout
     * (0.5.6); plus restore -integrity-check (0.5.10); with per-database snapshot blocks (0.5.12).
     */
    static final List<String> FAMILIES = List.of("0.3.13", "0.5.1", "0.5.6", "0.5.10", "0.5.12");

    @TempDir
    Path repo;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.vixens.ls.testing.ExampleReleases#generated")
    void everyReleaseMatchesTheGoldensOfItsFamily(String version) throws Exception {
        ExampleReleases.copyOn(repo, version);

        CliRun generate = CliRun.inRepo(repo, "generate", "hydrus-client");

        assertThat(generate.exitCode()).as(generate.err()).isZero();
        String family = family(version);
        Path component = repo.resolve("apps/20-media/hydrus-client/litestream");
        Map<String, String> generated = new TreeMap<>();
        ProjectFiles.snapshot(component).forEach((name, content) -> {
            if (name.endsWith(".yml") || name.equals("podmonitor.yaml")) {
                generated.put(name, content.replace(version, family));
            }
        });
        generated.put("commands.txt", commands(Files.readString(component.resolve("workload-patch.yaml")))
                .replace(version, family));
        Goldens.assertMatches("hydrus-client/" + family, generated);
    }

    private static String family(String version) {
        ReleaseNumber number = ReleaseNumber.parse(version).orElseThrow();
        String family = FAMILIES.get(0);
        for (String start : FAMILIES) {
            if (ReleaseNumber.parse(start).orElseThrow().compareTo(number) <= 0) {
                family = start;
            }
        }
        return family;
    }

    /** {@code name: arguments} for each container of the patch that runs the Litestream image. */
    @SuppressWarnings("unchecked")
    static String commands(String patch) {
        Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(patch);
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) doc.get("spec"))
                .get("template")).get("spec");
        List<Map<String, Object>> containers = new ArrayList<>();
        for (String key : List.of("initContainers", "containers")) {
            containers.addAll((List<Map<String, Object>>) pod.getOrDefault(key, List.of()));
        }
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> container : containers) {
            if (!String.valueOf(container.get("image")).startsWith("litestream/litestream:")) {
                continue;
            }
            List<String> words = new ArrayList<>();
            words.add(String.valueOf(container.get("image")));
            if (container.containsKey("command")) {
                List<String> command = (List<String>) container.get("command");
                String script = command.get(2);
                words.add("script(" + script.lines().skip(1).findFirst().orElse("").replaceFirst("^# ", "") + ")");
                words.addAll(command.subList(4, command.size()));
            } else {
                words.addAll((List<String>) container.get("args"));
            }
            out.append(container.get("name")).append(": ").append(String.join(" ", words)).append('\n');
        }
        return out.toString();
    }
}
