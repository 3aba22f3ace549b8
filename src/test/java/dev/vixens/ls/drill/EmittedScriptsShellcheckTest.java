package dev.vixens.ls.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.output.Marker;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.testing.Kustomize;
import dev.vixens.ls.testing.Processes;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.TestTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every shell script the tool emits passes the real shellcheck with no finding at all, and survives
 * Kubernetes' {@code $(VAR)} expansion unchanged. Scripts are taken from where users get them: the
 * committed generated files (apps and shared pieces), the manifests {@code kubectl kustomize} builds from
 * every example overlay, the output of a descriptor with every optional feature on, and the script sources.
 */
class EmittedScriptsShellcheckTest {

    /** What the kubelet would rewrite in a command: {@code $$}, or {@code $(NAME)} naming a variable. */
    private static final Pattern KUBERNETES_REFERENCE = Pattern.compile("\\$\\$|\\$\\([-._a-zA-Z][-._a-zA-Z0-9]*\\)");

    @Test
    void everyEmittedScriptPassesShellcheckAndSurvivesKubernetesExpansion(@TempDir Path repo) throws IOException {
        Map<String, String> scripts = new LinkedHashMap<>();
        Path root = ProjectFiles.root();
        try (Stream<Path> files = Files.walk(root.resolve("apps"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                if (Files.readString(file).startsWith(Marker.PREFIX)) {
                    collect(Files.readString(file), root.relativize(file).toString(), scripts);
                }
            }
        }
        Repository project = Repository.open(root);
        for (AppRef app : project.apps()) {
            Path overlay = ExampleAppsDrillTest.overlay(project.resolve(app.directory()));
            collect(Kustomize.buildText(overlay), "kubectl kustomize " + root.relativize(overlay), scripts);
        }
        Path everything = DrillRepo.exampleWith(repo, "apps/20-media/hydrus-client",
                "nativeSidecar: true\ndrill:\n  schedule: \"@weekly\"\n");
        collect(Kustomize.buildText(everything), "hydrus-client with drill and nativeSidecar", scripts);
        try (Stream<Path> sources = Files.list(root.resolve("templates/scripts"))) {
            for (Path source : sources.sorted().toList()) {
                scripts.putIfAbsent(Files.readString(source).strip(), root.relativize(source).toString());
            }
        }
        assertThat(scripts.values()).as("scripts found").anyMatch(o -> o.contains("drill"))
                .hasSizeGreaterThanOrEqualTo(6);

        List<String> findings = new ArrayList<>();
        for (Map.Entry<String, String> script : scripts.entrySet()) {
            Processes.Result check = shellcheck(script.getKey(), repo);
            if (check.exitCode() != 0) {
                findings.add(script.getValue() + ":\n" + check.output());
            }
            var reference = KUBERNETES_REFERENCE.matcher(script.getKey());
            if (reference.find()) {
                findings.add(script.getValue() + ": Kubernetes would expand '" + reference.group()
                        + "' in this script before the shell sees it");
            }
        }
        assertThat(findings).as(String.join("\n", findings)).isEmpty();
    }

    @Test
    void shellcheckReallyReportsFindings(@TempDir Path dir) {
        Processes.Result check = shellcheck("# shellcheck shell=sh\nrm -rf $1/*\n", dir);

        assertThat(check.exitCode()).isNotZero();
        assertThat(check.output()).contains("SC2086");
    }

    private static Processes.Result shellcheck(String script, Path dir) {
        try {
            Path file = Files.createTempFile(dir, "script-", ".sh");
            Files.writeString(file, script.endsWith("\n") ? script : script + "\n");
            return Processes.run(new ProcessBuilder(TestTools.shellcheck().toString(), "--norc",
                    "--shell=sh", "--severity=style", "--format=gcc", file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code /bin/sh -c SCRIPT} container command anywhere in the YAML documents of {@code text}. */
    private static void collect(String text, String origin, Map<String, String> scripts) {
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(text)) {
            walk(document, origin, scripts);
        }
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object node, String origin, Map<String, String> scripts) {
        if (node instanceof Map<?, ?> map) {
            Object command = map.get("command");
            if (command instanceof List<?> argv && argv.size() >= 3 && "-c".equals(argv.get(1))
                    && String.valueOf(argv.get(0)).endsWith("sh")) {
                scripts.putIfAbsent(String.valueOf(argv.get(2)).strip(), origin + " (container " + map.get("name")
                        + ")");
            }
            for (Object value : ((Map<String, Object>) map).values()) {
                walk(value, origin, scripts);
            }
        } else if (node instanceof List<?> list) {
            for (Object item : list) {
                walk(item, origin, scripts);
            }
        }
    }
}
