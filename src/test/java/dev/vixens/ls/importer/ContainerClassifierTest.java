package dev.vixens.ls.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.kustomize.PodView;
import dev.vixens.ls.kustomize.YamlDoc;
import dev.vixens.ls.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, item 1: an init container is Litestream's (and removed) only when its image and every command it runs
 * say so; a permissions fixer only when it does nothing but a recursive chown of the data volume.
 */
class ContainerClassifierTest {

    static Stream<Arguments> containers() {
        return Stream.of(
                Arguments.of("busybox:1.37.0", "[sh, -c, 'chown -R 1000:1000 /data']", ContainerRole.FIX_PERMISSIONS),
                Arguments.of("busybox:1.37.0", "[chown, -R, '1000:1000', /data/]", ContainerRole.FIX_PERMISSIONS),
                // Home Assistant's config-init: copies a default config and chowns that one file
                Arguments.of("busybox:1.37.0", "[sh, -c, \"cp /defaults/configuration.yaml /data/configuration.yaml;"
                        + " chown 1000:1000 /data/configuration.yaml\"]", ContainerRole.UNRELATED),
                Arguments.of("busybox:1.37.0", "[sh, -c, 'chown -R 1000:1000 /data/uploads']", ContainerRole.UNRELATED),
                Arguments.of("busybox:1.37.0", "[sh, -c, 'chown -R 1000 /data && wget -O /data/seed.db http://x']",
                        ContainerRole.UNRECOGNISED),
                Arguments.of("busybox:1.37.0", "[sh, -c, 'rm -f /data/cache.db*  # rebuilt at start']",
                        ContainerRole.EPHEMERAL_CLEANUP),
                Arguments.of("busybox:1.37.0", "[sh, -c, 'rm -rf /data/*']", ContainerRole.UNRECOGNISED),
                Arguments.of("busybox:1.37.0", "[sh, -c, 'rm -f /data/app.db; touch /data/app.db']",
                        ContainerRole.UNRECOGNISED),
                Arguments.of("keinos/sqlite3:3.46.1", "[sh, -c, \"sqlite3 /data/app.db 'PRAGMA integrity_check;' |"
                        + " grep -q ok || rm -f /data/app.db\"]", ContainerRole.INTEGRITY_CHECK),
                Arguments.of("keinos/sqlite3:3.46.1", "[sh, -c, \"sqlite3 /data/app.db 'PRAGMA integrity_check;';"
                        + " curl -X POST http://hook\"]", ContainerRole.UNRECOGNISED),
                Arguments.of("litestream/litestream:0.3.13", "[restore, -if-replica-exists, /data/app.db]",
                        ContainerRole.RESTORE),
                Arguments.of("litestream/litestream:0.3.13", "[sh, -c, 'litestream restore -if-replica-exists"
                        + " /data/app.db && cp /data/app.db /backup/']", ContainerRole.UNRECOGNISED),
                Arguments.of("busybox:1.37.0", "[sh, -c, 'litestream restore /data/app.db']",
                        ContainerRole.UNRECOGNISED),
                Arguments.of("busybox:1.37.0", "[sh, -c, 'until nc -z nas 2049; do sleep 2; done']",
                        ContainerRole.UNRELATED));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("containers")
    void recognisesOnlyWhatItIsSureOf(String image, String command, ContainerRole expected) {
        String manifest = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  template:
                    spec:
                      initContainers:
                        - name: c
                          image: %s
                          command: %s
                          volumeMounts: [{name: data, mountPath: /data}]
                      containers:
                        - {name: app, image: app:1}
                """.formatted(image, command);
        List<YamlDoc> docs = YamlDoc.readAll(SourceFile.fromBytes("pod.yaml", manifest.getBytes(StandardCharsets.UTF_8)));
        PodView.ContainerView c = PodView.workloads(docs).get(0).initContainers().get(0);

        assertThat(ContainerClassifier.ofInit(c, Set.of("/data/app.db"), "data", "litestream-config"))
                .isEqualTo(expected);
    }
}
