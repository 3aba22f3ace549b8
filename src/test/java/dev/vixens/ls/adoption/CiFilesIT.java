package dev.vixens.ls.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vixens.ls.testing.GitRepo;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.RestrictedPath;
import dev.vixens.ls.version.BuildInfo;
import dev.vixens.ls.version.ToolVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The example repository's CI files, read as their CI system reads them, with every shell command run here in
 * a copy of the repository made its own git repository: what a runner image provides (a checkout, a JDK, the
 * cache) stands in for the steps that only set it up, and vixens-ls is fetched from a tagged clone of this
 * project through a file URL instead of its published repository. Maven is not on PATH.
 */
class CiFilesIT {

    @TempDir
    static Path dir;

    static GitRepo tool;
    static UserShell runner;

    @BeforeAll
    static void toolAndRunner() {
        ToolVersion version = ToolVersion.parse(BuildInfo.current().version()).orElseThrow();
        tool = GitRepo.cloneOfProject(dir.resolve("vixens-ls"),
                "v" + version.major() + "." + version.minor() + "." + version.patch());
        runner = new UserShell(RestrictedPath.without(dir.resolve("path"), RestrictedPath.MAVEN), dir);
    }

    private static GitRepo userRepository(String name) {
        Path repo = dir.resolve(name);
        ProjectFiles.copyTree(ProjectFiles.root().resolve("examples"), repo);
        return GitRepo.init(repo);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> map, String key) {
        return (T) map.get(key);
    }

    private static String released(Map<String, Object> env) {
        String ref = (String) env.get("VIXENS_LS_REF");
        assertThat(ref).as("the CI file pins a release tag").matches("v\\d+\\.\\d+\\.\\d+");
        return tool.git("tag", "--list").strip();
    }

    private static void assertSarif(Path file) throws IOException {
        JsonNode sarif = new ObjectMapper().readTree(file.toFile());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("runs").path(0).path("tool").path("driver").path("name").asText()).isEqualTo("vixens-ls");
    }

    @Test
    void theGitHubWorkflowChecksLintsAndUploadsTheSarif() throws IOException {
        GitRepo user = userRepository("github");
        Map<String, Object> workflow = yaml(user.dir().resolve(".github/workflows/vixens-ls.yml"));
        Map<String, Object> job = at(at(workflow, "jobs"), "vixens-ls");
        List<Map<String, Object>> steps = at(job, "steps");
        Map<String, Object> env = at(workflow, "env");

        assertThat(at(workflow, "permissions").toString()).contains("security-events=write");
        List<String> uses = steps.stream().map(step -> (String) step.get("uses")).filter(u -> u != null).toList();
        assertThat(uses).containsExactly("actions/checkout@v4", "actions/setup-java@v4", "actions/cache@v4",
                "github/codeql-action/upload-sarif@v3");
        Map<String, Object> upload = steps.get(steps.size() - 1);
        assertThat(at(upload, "with").toString()).contains("sarif_file=vixens-ls.sarif");
        assertThat(upload.get("if")).isEqualTo("always()");

        UserShell shell = runner.with("RUNNER_TEMP", Files.createDirectories(dir.resolve("runner-temp")).toString())
                .with("VIXENS_LS_REPOSITORY", tool.url()).with("VIXENS_LS_REF", released(env))
                .with("GITHUB_WORKSPACE", user.dir().toString());
        List<String> ran = new ArrayList<>();
        for (Map<String, Object> step : steps) {
            if (step.get("run") instanceof String run) {
                // GitHub runs each step with bash -e
                shell.ok(user.dir(), "set -e\n" + run);
                ran.add((String) step.get("name"));
            }
        }

        assertThat(ran).containsExactly("Build vixens-ls", "Generated manifests are current", "Lint the Litestream configs");
        assertSarif(user.dir().resolve("vixens-ls.sarif"));
    }

    @Test
    void theGitLabJobChecksLintsAndKeepsTheSarif() throws IOException {
        GitRepo user = userRepository("gitlab");
        Map<String, Object> job = at(yaml(user.dir().resolve(".gitlab-ci.yml")), "vixens-ls");
        Map<String, Object> variables = at(job, "variables");

        assertThat(job.get("image")).isEqualTo("eclipse-temurin:17-jdk");
        assertThat(at(job, "cache").toString()).contains(".m2/repository", ".m2/wrapper");
        assertThat(at(at(job, "artifacts"), "paths").toString()).isEqualTo("[vixens-ls.sarif]");
        // the cache of a GitLab runner lives in the project directory; here the machine's own Maven cache serves
        assertThat(variables.get("MAVEN_USER_HOME")).isEqualTo("$CI_PROJECT_DIR/.m2");
        String toolDir = dir.resolve("gitlab-tool").toString();
        List<String> lines = new ArrayList<>();
        lines.addAll(at(job, "before_script"));
        lines.addAll(at(job, "script"));
        String script = "set -e\n" + String.join("\n", lines).replace("/tmp/vixens-ls", toolDir);

        String out = runner.with("CI_PROJECT_DIR", user.dir().toString()).with("VIXENS_LS_REPOSITORY", tool.url())
                .with("VIXENS_LS_REF", released(variables)).ok(user.dir(), script);

        assertThat(out).contains("check: 42 generated files are current");
        assertSarif(user.dir().resolve("vixens-ls.sarif"));
    }
}
