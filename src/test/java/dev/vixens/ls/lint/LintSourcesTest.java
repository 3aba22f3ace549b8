package dev.vixens.ls.lint;

import static dev.vixens.ls.lint.LintRun.files;
import static dev.vixens.ls.lint.LintRun.lint;
import static dev.vixens.ls.lint.LintRun.lintPaths;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where configs live (plain files, ConfigMaps, Secrets, multi-document manifests, Kustomize directories),
 * positions inside embedded configs, and how the version is found.
 */
class LintSourcesTest {

    @TempDir
    Path dir;

    private static final String INCIDENT_CONFIG = """
            dbs:
              - path: /config/home-assistant_v2.db
                replicas:
                  - url: s3://${LITESTREAM_BUCKET}/homeassistant/home-assistant_v2.db
                    endpoint: ${LITESTREAM_ENDPOINT}
                    retention: 24h
                    snapshot-interval: 6h
            """;

    private static String indent(String text, int spaces) {
        return text.indent(spaces);
    }

    @Test
    void aConfigMapInAMultiDocumentManifestWithTheVersionFromItsImage() {
        LintRun run = lint(dir, null, files("homeassistant.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: homeassistant
                spec:
                  template:
                    spec:
                      containers:
                        - name: litestream
                          image: docker.io/litestream/litestream:0.5.7
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: homeassistant-litestream
                data:
                  litestream.yml: |
                """ + indent(INCIDENT_CONFIG, 4)));

        assertThat(run.lines()).containsExactly(
                "homeassistant.yaml:23:13: error: retention under a replica is ignored by Litestream 0.5.7; it reads"
                        + " snapshot.retention at the top level, one value for every database of the process"
                        + " [ignored-key]",
                "homeassistant.yaml:24:13: error: snapshot-interval under a replica is ignored by Litestream 0.5.7;"
                        + " it reads snapshot.interval at the top level, one value for every database of the"
                        + " process [ignored-key]");
    }

    @Test
    void positionsInsideBlocksWithAnExplicitIndentationAndFallbackForQuotedValues() {
        LintRun run = lint(dir, "0.3.13", files("configmaps.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: explicit
                data:
                  litestream.yml: |2-
                      dbs:
                        - path: /data/a.kv
                          replicas:
                            - url: s3://bucket/a.kv
                              snapshot-interval: 1h
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: quoted
                stringData:
                  litestream.yaml: "dbs:\\n  - path: /data/b.kv\\n    replicas:\\n      - url: s3://bucket/b.kv\\n        snapshot-interval: 1h\\n"
                  other.yml: "not: litestream"
                """));

        assertThat(run.lines()).containsExactly(
                "configmaps.yaml:8:17: warning: '/data/a.kv' does not look like a SQLite database (.db, .sqlite,"
                        + " .sqlite3); Litestream replicates SQLite databases only: make sure this file is one"
                        + " [not-sqlite-path]",
                "configmaps.yaml:18:20: warning: '/data/b.kv' does not look like a SQLite database (.db, .sqlite,"
                        + " .sqlite3); Litestream replicates SQLite databases only: make sure this file is one"
                        + " [not-sqlite-path]");
        assertThat(run.err()).isEqualTo("lint: 0 error(s), 2 warning(s) in 2 Litestream config(s)\n");
    }

    /**
     * An overlay directory: lint follows its kustomization to the base and the Component, finds the config
     * the Component's configMapGenerator reads, and the version in the Component's patch.
     */
    @Test
    void aKustomizeOverlayIsFollowedToItsComponent() {
        LintRun run = lint(dir, null, kustomizeApp(""));

        assertThat(run.lines()).containsExactly("app/litestream/litestream.yml:3:5: error: replica under a database"
                + " is ignored by Litestream 0.3.13; it reads replicas (a list); as written, this database is not"
                + " replicated at all [ignored-key]");
        LintRun overlayOnly = lintPaths(dir, "app/overlays/prod");
        assertThat(overlayOnly.lines()).isEqualTo(run.lines());
    }

    @Test
    void anImagesOverrideInTheOverlayDecidesTheVersion() {
        LintRun run = lint(dir, null, kustomizeApp("""
                images:
                  - name: litestream/litestream
                    newTag: 0.5.12
                """));

        assertThat(run.lines()).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    private static Map<String, String> kustomizeApp(String overlayExtra) {
        return files(
                "app/overlays/prod/kustomization.yaml", """
                        apiVersion: kustomize.config.k8s.io/v1beta1
                        kind: Kustomization
                        resources:
                          - ../../base
                        components:
                          - ../../litestream
                        """ + overlayExtra,
                "app/base/kustomization.yaml", "resources:\n  - deployment.yaml\n",
                "app/base/deployment.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: app
                        """,
                "app/litestream/kustomization.yaml", """
                        apiVersion: kustomize.config.k8s.io/v1alpha1
                        kind: Component
                        patches:
                          - path: patch.yaml
                        configMapGenerator:
                          - name: app-litestream
                            files:
                              - litestream.yml
                        """,
                "app/litestream/patch.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: app
                        spec:
                          template:
                            spec:
                              containers:
                                - name: litestream
                                  image: litestream/litestream:0.3.13
                        """,
                "app/litestream/litestream.yml", """
                        dbs:
                          - path: /data/app.db
                            replica:
                              url: s3://bucket/app.db
                        """);
    }

    @Test
    void theNearestDirectoryWithAnImageDecides() {
        LintRun run = lint(dir, null, files(
                "apps/old/litestream/litestream.yml", INCIDENT_CONFIG,
                "apps/old/litestream/patch.yaml", "kind: Deployment\napiVersion: apps/v1\nspec:\n  image:"
                        + " litestream/litestream:0.3.13\n",
                "apps/new/litestream/litestream.yml", INCIDENT_CONFIG.replace("homeassistant/", "new/"),
                "apps/new/patch.yaml", "kind: Deployment\napiVersion: apps/v1\nspec:\n  image:"
                        + " litestream/litestream:0.5.7\n"));

        assertThat(run.lines()).extracting(line -> line.substring(0, line.indexOf(": error")))
                .containsExactly("apps/new/litestream/litestream.yml:6:9", "apps/new/litestream/litestream.yml:7:9");
    }

    @Test
    void imagesThatDisagreeStopTheRunAndAskForTheVersion() {
        LintRun run = lint(dir, null, files("both.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: two
                spec:
                  containers:
                    - name: a
                      image: litestream/litestream:0.3.13
                    - name: b
                      image: litestream/litestream:0.5.7
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c
                data:
                  litestream.yml: |
                    dbs: []
                """));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("both.yaml:18:5: cannot tell which Litestream version reads this config:"
                + " its file names different litestream/litestream images (0.3.13 at both.yaml:8:14, 0.5.7 at"
                + " both.yaml:10:14); pass --litestream-version\n");
        assertThat(lintPaths(dir, "--litestream-version", "0.5.7", "both.yaml").exitCode()).isZero();
    }

    @Test
    void noVersionAnywhereIsAnInputError() {
        LintRun run = lint(dir, null, files("litestream.yml", INCIDENT_CONFIG));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lines()).isEmpty();
        assertThat(run.err()).isEqualTo("litestream.yml:1:1: cannot tell which Litestream version reads this"
                + " config: no litestream/litestream:<tag> image in the linted files; pass --litestream-version"
                + " (e.g. 0.3.13 or 0.5.16)\n");
    }

    /** Inside a vixens-ls repository, a config without any image is read as the repository's default release. */
    @Test
    void insideARepositoryTheDefaultReleaseDecides() throws Exception {
        Files.writeString(dir.resolve(".vixens-ls.yaml"), "defaults:\n  litestream: {version: 0.5.2}\n");

        LintRun run = lint(dir, null, files("apps/app/litestream.yml", """
                        sync-interval: 1s
                        dbs:
                          - path: /data/app.db
                            replica:
                              url: s3://bucket/app.db
                        """));

        assertThat(run.lines()).containsExactly("apps/app/litestream.yml:1:1: error: sync-interval at the top level is"
                + " ignored by Litestream 0.5.2; it reads sync-interval under each replica; at the top level, 0.5.3"
                + " and later read it [ignored-key]");
    }

    @Test
    void aReleaseTheTableDoesNotKnowIsNotGuessedFromItsNumber() {
        LintRun older = lint(dir, null, files("litestream.yml", INCIDENT_CONFIG, "pod.yaml", """
                apiVersion: v1
                kind: Pod
                spec:
                  containers:
                    - image: litestream/litestream:0.3.9
                """));
        LintRun newer = lint(dir, "0.5.17", files("litestream.yml", INCIDENT_CONFIG));

        assertThat(older.exitCode()).isEqualTo(2);
        assertThat(older.err()).isEqualTo("pod.yaml:5:14: image tag '0.3.9': Litestream 0.3.9 is not a release"
                + " vixens-ls knows; its 0.3 releases are 0.3.13 and 0.3.14; pin a version tag, or pass"
                + " --litestream-version\n");
        assertThat(newer.exitCode()).isEqualTo(2);
        assertThat(newer.err()).isEqualTo("vixens-ls: --litestream-version: Litestream 0.5.17 is newer than the"
                + " newest 0.5 release vixens-ls knows (0.5.16), so its keys and flags are not verified; use 0.5.16\n");
    }

    @Test
    void aTagThatIsNoVersionIsAnInputError() {
        LintRun run = lint(dir, null, files("litestream.yml", INCIDENT_CONFIG, "pod.yaml", """
                apiVersion: v1
                kind: Pod
                spec:
                  containers:
                    - image: litestream/litestream:latest
                """));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("pod.yaml:5:14: image tag 'latest': 'latest' is not a Litestream version"
                + " such as 0.3.13 or 0.5.16; pin a version tag, or pass --litestream-version\n");
    }

    @Test
    void badArgumentsAreInputErrors() {
        LintRun missing = lintPaths(dir, "missing.yml");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("missing.yml:1:1: no such file or directory\n");
        assertThat(lint(dir, "0.3.13", files("other.yaml", "kind: Nothing\n")).err())
                .startsWith(dir.resolve("other.yaml").toString().replace(dir + "/", "")
                        + ":1:1: no Litestream config found");
        LintRun badVersion = lint(dir, "0.4.0", files("litestream.yml", INCIDENT_CONFIG));
        assertThat(badVersion.exitCode()).isEqualTo(2);
        assertThat(badVersion.err()).isEqualTo("vixens-ls: --litestream-version: Litestream 0.4.0 is not a release"
                + " vixens-ls knows (its releases: 0.3.13, 0.3.14 and 0.5.0 to 0.5.16)\n");
        LintRun badFormat = lint(dir, "0.3.13", files("litestream.yml", INCIDENT_CONFIG), "--format", "xml");
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).isEqualTo("vixens-ls: --format: 'xml' is not one of: text, json, sarif\n");
    }

    @Test
    void unreadableFilesFoundByWalkingAreSkippedWithAWarning() {
        LintRun run = lint(dir, "0.3.13", files(
                "repo/chart/templates/deployment.yaml", "spec: {{ .Values.spec }\n",
                "repo/app/litestream.yml", """
                        dbs:
                          - path: /data/app.db
                            replicas:
                              - url: s3://bucket/app.db
                                snapshot-interval: 1h
                        """));
        LintRun walked = lintPaths(dir, "--litestream-version", "0.3.13", "repo");

        assertThat(run.exitCode()).as("named on the command line: an error").isEqualTo(1);
        assertThat(walked.exitCode()).isZero();
        assertThat(walked.lines()).singleElement().asString()
                .startsWith("repo/chart/templates/deployment.yaml:1:")
                .contains(": warning: not valid YAML: ")
                .endsWith("; skipped [invalid-yaml]");
    }
}
