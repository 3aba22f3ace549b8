package dev.vixens.ls.lint;

import static dev.vixens.ls.lint.LintRun.files;
import static dev.vixens.ls.lint.LintRun.lint;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint corpus: for each rule, a config that breaks it with the exact lines lint prints, and one that
 * keeps it and lints clean. docs/lint-rules.md shows the same examples.
 */
class LintRulesTest {

    @TempDir
    Path dir;

    // --- ignored-key ---------------------------------------------------------------------------------------

    /** The incident: 0.3-style keys under a 0.5 replica, silently dropped. */
    @Test
    void ignoredKey03StyleKeysUnderA05Replica() {
        LintRun run = lint(dir, "0.5.7", files("litestream.yml", """
                addr: ":9090"
                dbs:
                  - path: /config/home-assistant_v2.db
                    replica:
                      url: s3://${LITESTREAM_BUCKET}/homeassistant/home-assistant_v2.db
                      endpoint: ${LITESTREAM_ENDPOINT}
                      retention: 24h
                      snapshot-interval: 6h
                """));

        assertThat(run.lines()).containsExactly(
                "litestream.yml:7:7: error: retention under a replica is ignored by Litestream 0.5.7; it reads"
                        + " snapshot.retention at the top level, one value for every database of the process"
                        + " [ignored-key]",
                "litestream.yml:8:7: error: snapshot-interval under a replica is ignored by Litestream 0.5.7; it"
                        + " reads snapshot.interval at the top level, one value for every database of the process"
                        + " [ignored-key]");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("lint: 2 error(s), 0 warning(s) in 1 Litestream config(s)\n");
    }

    @Test
    void ignoredKeyOn0512NamesTheDatabaseLevel() {
        LintRun run = lint(dir, "0.5.12", files("litestream.yml", """
                dbs:
                  - path: /data/app.db
                    replica:
                      url: s3://bucket/app.db
                      retention: 72h
                """));

        assertThat(run.lines()).containsExactly("litestream.yml:5:7: error: retention under a replica is ignored by"
                + " Litestream 0.5.12; it reads snapshot.retention on the database (or at the top level), equal for"
                + " every database of the process [ignored-key]");
    }

    @Test
    void ignoredKeyPassesWhenTheSnapshotBlockIsWhereTheVersionReadsIt() {
        String topLevel = """
                addr: ":9090"
                snapshot:
                  interval: 6h
                  retention: 24h
                dbs:
                  - path: /config/home-assistant_v2.db
                    replica:
                      url: s3://${LITESTREAM_BUCKET}/homeassistant/home-assistant_v2.db
                      endpoint: ${LITESTREAM_ENDPOINT}
                      sync-interval: 1s
                """;
        String perDatabase = """
                dbs:
                  - path: /data/app.db
                    snapshot:
                      interval: 1h
                      retention: 336h
                    replica:
                      url: s3://bucket/app.db
                """;

        assertThat(lint(dir, "0.5.7", files("top.yml", topLevel)).lines()).isEmpty();
        assertThat(lint(dir, "0.5.12", files("db.yml", perDatabase)).lines()).isEmpty();
        assertThat(lint(dir, "0.5.11", files("db.yml", perDatabase)).lines()).containsExactly(
                "db.yml:3:5: error: snapshot under a database is ignored by Litestream 0.5.11; it reads the"
                        + " top-level snapshot block (per-database snapshot settings start with 0.5.12) [ignored-key]");
    }

    @Test
    void ignoredKey05KeysOn03() {
        LintRun run = lint(dir, "0.3.13", files("litestream.yml", """
                snapshot:
                  interval: 1h
                dbs:
                  - path: /data/app.db
                    replica:
                      url: s3://bucket/app.db
                """));

        assertThat(run.lines()).containsExactly(
                "litestream.yml:1:1: error: snapshot at the top level is ignored by Litestream 0.3.13; it reads"
                        + " snapshot-interval and retention under each replica [ignored-key]",
                "litestream.yml:5:5: error: replica under a database is ignored by Litestream 0.3.13; it reads"
                        + " replicas (a list); as written, this database is not replicated at all [ignored-key]");
    }

    /** Keys the early 0.5 releases read, or do not read yet, each release as the release table has it. */
    private static final String EARLY_05 = """
            sync-interval: 1s
            l0-retention: 5m
            heartbeat-url: https://hc.example/ping
            snapshot:
              interval: 6h
              retention: 24h
            dbs:
              - path: /data/app.db
                max-checkpoint-page-count: 10000
                truncate-page-n: 500
                replica:
                  url: s3://bucket/app.db
                  storage-class: STANDARD_IA
            """;

    @Test
    void ignoredKeyEarly05KeysReleaseByRelease() {
        assertThat(lint(dir, "0.5.2", files("litestream.yml", EARLY_05)).lines()).containsExactly(
                "litestream.yml:1:1: error: sync-interval at the top level is ignored by Litestream 0.5.2; it reads"
                        + " sync-interval under each replica; at the top level, 0.5.3 and later read it [ignored-key]",
                "litestream.yml:2:1: error: l0-retention at the top level is ignored by Litestream 0.5.2; at the top"
                        + " level, 0.5.3 and later read it [ignored-key]",
                "litestream.yml:3:1: error: heartbeat-url at the top level is ignored by Litestream 0.5.2; at the top"
                        + " level, 0.5.6 and later read it [ignored-key]",
                "litestream.yml:10:5: error: truncate-page-n under a database is ignored by Litestream 0.5.2; 0.5.3"
                        + " and later read it [ignored-key]",
                "litestream.yml:13:7: error: storage-class under a replica is ignored by Litestream 0.5.2; 0.5.14 and"
                        + " later read it [ignored-key]");
        assertThat(lint(dir, "0.5.3", files("litestream.yml", EARLY_05)).lines()).containsExactly(
                "litestream.yml:3:1: error: heartbeat-url at the top level is ignored by Litestream 0.5.3; at the top"
                        + " level, 0.5.6 and later read it [ignored-key]",
                "litestream.yml:9:5: error: max-checkpoint-page-count under a database is ignored by Litestream 0.5.3;"
                        + " only 0.5.0 to 0.5.2 read it [ignored-key]",
                "litestream.yml:13:7: error: storage-class under a replica is ignored by Litestream 0.5.3; 0.5.14 and"
                        + " later read it [ignored-key]");
        assertThat(lint(dir, "0.5.13", files("litestream.yml", EARLY_05)).lines()).containsExactly(
                "litestream.yml:9:5: error: max-checkpoint-page-count under a database is ignored by Litestream 0.5.13;"
                        + " only 0.5.0 to 0.5.2 read it [ignored-key]",
                "litestream.yml:13:7: error: storage-class under a replica is ignored by Litestream 0.5.13; 0.5.14 and"
                        + " later read it [ignored-key]");
        String without = EARLY_05.replace("    max-checkpoint-page-count: 10000\n", "");
        assertThat(lint(dir, "0.5.14", files("litestream.yml", without)).lines()).isEmpty();
        String only02 = EARLY_05.replaceAll("(?m)^(sync-interval|l0-retention|heartbeat-url).*\n", "")
                .replace("    truncate-page-n: 500\n", "").replace("      storage-class: STANDARD_IA\n", "");
        assertThat(lint(dir, "0.5.0", files("litestream.yml", only02)).lines()).isEmpty();
    }

    @Test
    void ignoredKeyTopLevelSnapshotWinsOverTheDatabasesFrom0512() {
        LintRun run = lint(dir, "0.5.12", files("litestream.yml", """
                snapshot:
                  interval: 1h
                  retention: 336h
                dbs:
                  - path: /data/app.db
                    snapshot:
                      interval: 6h
                      retention: 168h
                    replica:
                      url: s3://bucket/app.db
                """));

        assertThat(run.lines()).containsExactly("litestream.yml:6:5: error: snapshot under a database is ignored by"
                + " Litestream 0.5.12 while the top level has a snapshot block, which wins without a word; keep one of"
                + " the two [ignored-key]");
    }

    // --- unknown-key ---------------------------------------------------------------------------------------

    @Test
    void unknownKeyWithDidYouMean() {
        LintRun run = lint(dir, "0.3.13", files("litestream.yml", """
                dbs:
                  - path: /data/app.db
                    replicas:
                      - url: s3://bucket/app.db
                        snapshot-intreval: 1h
                        retention: 72h
                """));

        assertThat(run.lines()).containsExactly(
                "litestream.yml:4:9: warning: replica without snapshot-interval: Litestream 0.3.13 then snapshots"
                        + " only when it enforces retention, and a restore replays every WAL segment since the last"
                        + " one; set snapshot-interval (ADR-014's profiles use 1h, 6h or 24h) [no-snapshot-interval]",
                "litestream.yml:5:9: warning: unknown key 'snapshot-intreval' under a replica (did you mean"
                        + " 'snapshot-interval'?); Litestream 0.3.13 ignores it [unknown-key]");
        assertThat(run.exitCode()).as("warnings only").isZero();
    }

    @Test
    void unknownKeyOn05ReplicasOnlyWhenItLooksLikeATypo() {
        LintRun run = lint(dir, "0.5.12", files("litestream.yml", """
                dbs:
                  - path: /data/app.db
                    replica:
                      url: s3://bucket/app.db
                      endpont: http://minio:9000
                      storage-tier: cold
                      retension: 72h
                """));

        assertThat(run.lines()).containsExactly(
                "litestream.yml:5:7: warning: unknown key 'endpont' under a replica (did you mean 'endpoint'?);"
                        + " Litestream 0.5.12 ignores it [unknown-key]",
                "litestream.yml:7:7: warning: unknown key 'retension' under a replica (did you mean 'retention'?"
                        + " 0.5.12 ignores that too: it reads snapshot.retention on the database (or at the top"
                        + " level), equal for every database of the process); Litestream 0.5.12 ignores it"
                        + " [unknown-key]");
    }

    @Test
    void unknownKeyPassesWithTheRightSpelling() {
        LintRun run = lint(dir, "0.3.13", files("litestream.yml", """
                addr: ":9090"
                logging:
                  level: info
                dbs:
                  - path: /data/app.db
                    monitor-interval: 1s
                    replicas:
                      - url: s3://bucket/app.db
                        snapshot-interval: 1h
                        retention: 72h
                """));

        assertThat(run.lines()).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    // --- unparseable-value ---------------------------------------------------------------------------------

    @Test
    void unparseableValueTopLevelRetentionDurationFrom058AndBadDurations() {
        LintRun run = lint(dir, "0.5.8", files("litestream.yml", """
                retention: 72h
                dbs:
                  - path: /data/app.db
                    replica:
                      url: s3://bucket/app.db
                      sync-interval: 7d
                """));

        assertThat(run.lines()).containsExactly(
                "litestream.yml:1:12: error: retention at the top level is a block ({enabled: true|false}) from"
                        + " Litestream 0.5.8; 0.5.8 cannot parse a duration there and does not start; put the"
                        + " retention in snapshot.retention [unparseable-value]",
                "litestream.yml:6:22: error: sync-interval under a replica: '7d' is in days, which Litestream"
                        + " does not understand; write hours: 168h; Litestream 0.5.8 cannot parse it and does not"
                        + " start [unparseable-value]");
    }

    /** Issue 10, item 13: a fractional duration with a huge whole part crashed lint (exit 3). */
    @Test
    void unparseableValueDurationsGoCannotHold() {
        LintRun run = lint(dir, "0.3.13", files("litestream.yml", """
                dbs:
                  - path: /data/app.db
                    replicas:
                      - url: s3://bucket/app.db
                        sync-interval: 99999999999999999999.5h
                        snapshot-interval: 3000000h
                        retention: 1.5h
                """));

        assertThat(run.lines()).containsExactly(
                "litestream.yml:5:24: error: sync-interval under a replica: '99999999999999999999.5h' is longer than"
                        + " the longest duration Go (and so Litestream) can hold, about 292 years; Litestream 0.3.13"
                        + " cannot parse it and does not start [unparseable-value]",
                "litestream.yml:6:28: error: snapshot-interval under a replica: '3000000h' is longer than the"
                        + " longest duration Go (and so Litestream) can hold, about 292 years; Litestream 0.3.13"
                        + " cannot parse it and does not start [unparseable-value]");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void unparseableValueWrongShapes() {
        LintRun run = lint(dir, "0.3.13", files("litestream.yml", """
                dbs:
                  path: /data/app.db
                """));

        assertThat(run.lines()).containsExactly("litestream.yml:2:3: error: dbs must be a list of databases;"
                + " Litestream 0.3.13 cannot parse it and does not start [unparseable-value]");
    }

    @Test
    void unparseableValuePasses() {
        String config = """
                retention:
                  enabled: true
                snapshot:
                  interval: 1.5h
                  retention: 72h
                dbs:
                  - path: /data/app.db
                    replica:
                      url: s3://bucket/app.db
                      sync-interval: 500ms
                """;

        assertThat(lint(dir, "0.5.8", files("litestream.yml", config)).lines()).isEmpty();
        String before058 = "retention: 72h\n" + config.substring(config.indexOf("snapshot"));
        assertThat(lint(dir, "0.5.7", files("old.yml", before058)).lines()).containsExactly("old.yml:1:1: error:"
                + " retention at the top level is ignored by Litestream 0.5.7; it reads snapshot.retention at the top level, one value for every database of the process"
                + " [ignored-key]");
    }

    // --- snapshot-disagreement -----------------------------------------------------------------------------

    private static final String TWO_DATABASES = """
            dbs:
              - path: /data/a.db
                snapshot:
                  interval: 1h
                  retention: 336h
                replica:
                  url: s3://bucket/a.db
              - path: /data/b.db
                snapshot:
                  interval: %s
                  retention: %s
                replica:
                  url: s3://bucket/b.db
            """;

    @Test
    void snapshotDisagreementWithinOne0512Process() {
        LintRun run = lint(dir, "0.5.12", files("litestream.yml", TWO_DATABASES.formatted("6h", "168h")));

        assertThat(run.lines()).containsExactly("litestream.yml:10:7: error: snapshot of /data/b.db (interval 6h,"
                + " retention 168h) differs from that of /data/a.db at litestream.yml:4:7 (interval 1h, retention"
                + " 336h); Litestream 0.5.12 refuses to start a process whose databases disagree: run one process"
                + " (config) per snapshot setting [snapshot-disagreement]");
    }

    @Test
    void snapshotAgreementPassesWhateverTheSpelling() {
        assertThat(lint(dir, "0.5.12", files("litestream.yml", TWO_DATABASES.formatted("60m", "336h"))).lines())
                .isEmpty();
    }

    // --- no-snapshot-interval ------------------------------------------------------------------------------

    @Test
    void noSnapshotIntervalOn03() {
        String config = """
                dbs:
                  - path: /data/app.db
                    replicas:
                      - url: s3://bucket/app.db
                        retention: 72h
                """;

        assertThat(lint(dir, "0.3.13", files("litestream.yml", config)).lines()).containsExactly(
                "litestream.yml:4:9: warning: replica without snapshot-interval: Litestream 0.3.13 then snapshots"
                        + " only when it enforces retention, and a restore replays every WAL segment since the last"
                        + " one; set snapshot-interval (ADR-014's profiles use 1h, 6h or 24h) [no-snapshot-interval]");
        assertThat(lint(dir, "0.3.13", files("fixed.yml", config.replace("retention: 72h",
                "retention: 72h\n        snapshot-interval: 24h"))).lines()).isEmpty();
    }

    // --- retention-shorter-than-snapshot -------------------------------------------------------------------

    @Test
    void retentionShorterThanSnapshot() {
        LintRun v03 = lint(dir, "0.3.13", files("v03.yml", """
                dbs:
                  - path: /data/app.db
                    replicas:
                      - url: s3://bucket/app.db
                        snapshot-interval: 48h
                """));
        LintRun v05 = lint(dir, "0.5.7", files("v05.yml", """
                snapshot:
                  interval: 24h
                  retention: 12h
                dbs:
                  - path: /data/app.db
                    replica:
                      url: s3://bucket/app.db
                """));

        assertThat(v03.lines()).containsExactly("v03.yml:5:28: error: retention 24h (the default) is shorter than"
                + " snapshot-interval 48h: snapshots are pruned before the next one is taken, and a restore can find"
                + " none [retention-shorter-than-snapshot]");
        assertThat(v05.lines()).containsExactly("v05.yml:3:14: error: snapshot.retention 12h is shorter than"
                + " snapshot.interval 24h: snapshots are pruned before the next one is taken, and a restore can find"
                + " none [retention-shorter-than-snapshot]");
    }

    @Test
    void retentionAtLeastTheSnapshotIntervalPasses() {
        assertThat(lint(dir, "0.5.7", files("v05.yml", """
                snapshot:
                  interval: 24h
                  retention: 24h
                dbs:
                  - path: /data/app.db
                    replica:
                      url: s3://bucket/app.db
                """)).lines()).isEmpty();
    }

    // --- duplicate-replica ---------------------------------------------------------------------------------

    private static final String ARR = """
            dbs:
              - path: /config/%s.db
                replicas:
                  - url: s3://${LITESTREAM_BUCKET}/%s/%s.db
                    endpoint: ${LITESTREAM_ENDPOINT}
                    snapshot-interval: 6h
            """;

    @Test
    void duplicateReplicaAcrossFiles() {
        LintRun run = lint(dir, "0.3.13", files(
                "sonarr/litestream.yml", ARR.formatted("sonarr", "sonarr", "sonarr"),
                "radarr/litestream.yml", ARR.formatted("radarr", "sonarr", "sonarr")));

        // Configs are compared in file order: the later one is reported, pointing at the earlier.
        assertThat(run.lines()).containsExactly("sonarr/litestream.yml:4:14: error: replica"
                + " s3://${LITESTREAM_BUCKET}/sonarr/sonarr.db of /config/sonarr.db is already the replica of"
                + " /config/radarr.db at radarr/litestream.yml:4:14; two writers to one replica path overwrite each"
                + " other's backups [duplicate-replica]");
    }

    @Test
    void distinctReplicasAndEnvironmentTemplatesPass() {
        String template = """
                dbs:
                  - path: ${LITESTREAM_DB_PATH}
                    replicas:
                      - url: s3://${LITESTREAM_BUCKET}/${LITESTREAM_REPLICA_PATH}
                        endpoint: ${LITESTREAM_ENDPOINT}
                        snapshot-interval: %s
                """;
        LintRun run = lint(dir, "0.3.13", files(
                "sonarr/litestream.yml", ARR.formatted("sonarr", "sonarr", "sonarr"),
                "radarr/litestream.yml", ARR.formatted("radarr", "radarr", "radarr"),
                "critical/litestream.yml", template.formatted("1h"),
                "standard/litestream.yml", template.formatted("6h")));

        assertThat(run.lines()).isEmpty();
    }

    // --- duplicate-database --------------------------------------------------------------------------------

    @Test
    void duplicateDatabaseInOneConfigAndInOneConfigMap() {
        LintRun single = lint(dir, "0.3.13", files("litestream.yml", """
                dbs:
                  - path: /data/app.db
                    replicas:
                      - url: s3://bucket/app.db
                        snapshot-interval: 1h
                  - path: /data/app.db
                    replicas:
                      - url: s3://bucket/app-2.db
                        snapshot-interval: 1h
                """));
        LintRun configMap = lint(dir, "0.5.7", files("configmap.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: app-litestream
                data:
                  litestream-1h-336h.yml: |
                    snapshot:
                      interval: 1h
                      retention: 336h
                    dbs:
                      - path: /data/app.db
                        replica:
                          url: s3://bucket/app.db
                  litestream-6h-168h.yml: |
                    snapshot:
                      interval: 6h
                      retention: 168h
                    dbs:
                      - path: /data/app.db
                        replica:
                          url: s3://bucket/app-copy.db
                """));

        assertThat(single.lines()).containsExactly("litestream.yml:6:11: error: database /data/app.db is already"
                + " listed at litestream.yml:2:11; two replication loops write one database's history"
                + " [duplicate-database]");
        assertThat(configMap.lines()).containsExactly("configmap.yaml:19:15: error: database /data/app.db is"
                + " already listed at configmap.yaml:11:15, in another config of the same ConfigMap; two replication"
                + " loops write one database's history [duplicate-database]");
    }

    @Test
    void theSamePathInTwoPodsPasses() {
        String configMap = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s-litestream
                data:
                  litestream.yml: |
                    dbs:
                      - path: /data/app.db
                        replica:
                          url: s3://bucket/%s/app.db
                """;
        LintRun run = lint(dir, "0.5.7", files("both.yaml", configMap.formatted("one", "one") + "---\n"
                + configMap.formatted("two", "two")));

        assertThat(run.lines()).isEmpty();
    }

    // --- inline-credentials --------------------------------------------------------------------------------

    @Test
    void inlineCredentialsInTheConfigAndInContainerEnv() {
        LintRun run = lint(dir, "0.3.13", files("litestream.yml", """
                access-key-id: AKIAEXAMPLE
                secret-access-key: ${LITESTREAM_SECRET_ACCESS_KEY}
                dbs:
                  - path: /data/app.db
                    replicas:
                      - url: s3://bucket/app.db
                        snapshot-interval: 1h
                        secret-access-key: hunter2
                """, "deployment.yaml", """
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
                          env:
                            - name: LITESTREAM_SECRET_ACCESS_KEY
                              value: hunter2
                """));

        assertThat(run.lines()).containsExactly(
                "deployment.yaml:13:22: error: LITESTREAM_SECRET_ACCESS_KEY is set inline in the container's env;"
                        + " take it from a Secret (envFrom.secretRef or valueFrom.secretKeyRef) [inline-credentials]",
                "litestream.yml:1:16: error: access-key-id is written inline; remove it and give the container"
                        + " LITESTREAM_ACCESS_KEY_ID from a Secret (envFrom or secretKeyRef), which Litestream reads"
                        + " [inline-credentials]",
                "litestream.yml:8:28: error: secret-access-key is written inline; remove it and give the container"
                        + " LITESTREAM_SECRET_ACCESS_KEY from a Secret (envFrom or secretKeyRef), which Litestream"
                        + " reads [inline-credentials]");
        assertThat(String.join("\n", run.lines())).doesNotContain("hunter2", "AKIAEXAMPLE");
    }

    @Test
    void credentialsFromTheEnvironmentPass() {
        LintRun run = lint(dir, "0.3.13", files("litestream.yml", """
                access-key-id: $LITESTREAM_ACCESS_KEY_ID
                dbs:
                  - path: /data/app.db
                    replicas:
                      - url: s3://bucket/app.db
                        snapshot-interval: 1h
                        secret-access-key: ${LITESTREAM_SECRET_ACCESS_KEY}
                """, "deployment.yaml", """
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
                          env:
                            - name: LITESTREAM_SECRET_ACCESS_KEY
                              valueFrom:
                                secretKeyRef: {name: litestream, key: secret}
                """));

        assertThat(run.lines()).isEmpty();
    }

    // --- missing-endpoint ----------------------------------------------------------------------------------

    @Test
    void missingEndpointWhereTheOthersUseOne() {
        LintRun run = lint(dir, "0.3.13", files(
                "sonarr/litestream.yml", ARR.formatted("sonarr", "sonarr", "sonarr"),
                "radarr/litestream.yml", ARR.formatted("radarr", "radarr", "radarr")
                        .replace("        endpoint: ${LITESTREAM_ENDPOINT}\n", "")));

        assertThat(run.lines()).containsExactly("radarr/litestream.yml:4:14: error: s3 replica without endpoint:"
                + " Litestream sends it to AWS S3, while the other linted configs use the S3-compatible endpoint"
                + " ${LITESTREAM_ENDPOINT} (sonarr/litestream.yml:5:19); add endpoint: ${LITESTREAM_ENDPOINT}"
                + " [missing-endpoint]");
    }

    @Test
    void endpointsEverywhereOrNowherePass() {
        String aws = ARR.replace("        endpoint: ${LITESTREAM_ENDPOINT}\n", "");

        assertThat(lint(dir, "0.3.13", files("a/litestream.yml", aws.formatted("a", "a", "a"),
                "b/litestream.yml", aws.formatted("b", "b", "b"))).lines()).isEmpty();
        assertThat(lint(dir, "0.3.13", files("a/litestream.yml", ARR.formatted("a", "a", "a"),
                "b/litestream.yml", aws.formatted("b", "b", "b")
                        .replace("/b/b.db\n", "/b/b.db?endpoint=http://minio:9000\n"))).lines()).isEmpty();
    }

    // --- not-sqlite-path -----------------------------------------------------------------------------------

    @Test
    void notSqlitePathIsAWarning() {
        LintRun run = lint(dir, "0.3.13", files("litestream.yml", """
                dbs:
                  - path: /data/store.kv
                    replicas:
                      - url: s3://bucket/store.kv
                        snapshot-interval: 1h
                  - path: /data/app.db-wal
                    replicas:
                      - url: s3://bucket/app.db-wal
                        snapshot-interval: 1h
                  - path: /data/db.sqlite3
                    replicas:
                      - url: s3://bucket/db.sqlite3
                        snapshot-interval: 1h
                """));

        assertThat(run.lines()).containsExactly(
                "litestream.yml:2:11: warning: '/data/store.kv' does not look like a SQLite database (.db, .sqlite,"
                        + " .sqlite3); Litestream replicates SQLite databases only: make sure this file is one"
                        + " [not-sqlite-path]",
                "litestream.yml:6:11: warning: '/data/app.db-wal' is a SQLite side file, not a database; list the"
                        + " database itself [not-sqlite-path]");
        assertThat(run.exitCode()).isZero();
    }

    // --- no-replica ----------------------------------------------------------------------------------------

    @Test
    void noReplica() {
        LintRun run = lint(dir, "0.5.7", files("litestream.yml", """
                dbs:
                  - path: /data/app.db
                  - path: /data/other.db
                    replica:
                      url: s3://bucket/other.db
                """));

        assertThat(run.lines()).containsExactly("litestream.yml:2:5: error: database /data/app.db has no replica"
                + " (replica:): it is not backed up [no-replica]");
    }

    // --- invalid-yaml --------------------------------------------------------------------------------------

    @Test
    void invalidYamlAndRepeatedKeys() {
        LintRun broken = lint(dir, "0.3.13", files("broken.yml", "dbs: [\n  - path: /data/app.db\n"));
        LintRun repeated = lint(dir, "0.3.13", files("repeated.yml", """
                dbs:
                  - path: /data/app.db
                    replicas:
                      - url: s3://bucket/app.db
                        snapshot-interval: 1h
                        snapshot-interval: 6h
                """));

        assertThat(broken.lines()).singleElement().asString()
                .startsWith("broken.yml:2:3: error: not valid YAML: ").endsWith(" [invalid-yaml]");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(repeated.lines()).containsExactly("repeated.yml:6:9: error: duplicate key 'snapshot-interval':"
                + " Litestream refuses a mapping that repeats a key [invalid-yaml]");
    }
}
