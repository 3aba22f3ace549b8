package dev.vixens.ls.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code monitoring:} decides the kind of every app's rules file: a plain rules file beside the
 * Component by default (not a resource of it: it is no Kubernetes object), a PrometheusRule listed in the
 * Component's resources, with the labels a Prometheus selects rules by, when the Prometheus Operator runs. Switching
 * replaces one by the other (the old file carries the marker, so generate deletes it).
 */
class MonitoringKindTest {

    private static final String APP = """
            app: notes
            namespace: notes
            workload: {kind: StatefulSet, name: notes, container: notes}
            volume: {name: data, mountPath: /data}
            databases:
              - {path: /data/notes.db, profile: critical}
            """;
    private static final String COMPONENT = "apps/10-test/notes/litestream/";

    @Test
    void aPlainRulesFileByDefaultAPrometheusRuleWithTheOperator(@TempDir Path root) throws IOException {
        TestRepo repo = TestRepo.create(root).descriptor("10-test", "notes", APP);

        assertThat(CliRun.inRepo(root, "generate", "--all").exitCode()).isZero();
        String plain = Files.readString(root.resolve(COMPONENT + "alert-rules.yaml"));
        assertThat(plain).contains("\ngroups:\n  - name: notes-litestream-alerts\n    rules:\n"
                + "      - alert: LitestreamSyncErrors\n        expr: \"increase(litestream_sync_error_count{namespace=\\\"notes\\\","
                + "pod=~\\\"notes-[0-9]+\\\",db=\\\"/data/notes.db\\\"}[5m]) > 0\"\n        for: 5m\n");
        assertThat(Files.readString(root.resolve(COMPONENT + "kustomization.yaml"))).doesNotContain("alert");

        repo.write(".vixens-ls.yaml", "apps: [apps]\n" + TestRepo.KUBECTL + "monitoring:\n  prometheusOperator: true\n"
                + "  ruleLabels: {release: monitoring}\n  runbookBase: https://git.example.org/docs/troubleshooting.md\n");
        CliRun check = CliRun.inRepo(root, "check", "--all");
        CliRun generate = CliRun.inRepo(root, "generate", "--all");

        assertThat(check.exitCode()).as("the switch makes the committed files stale").isEqualTo(1);
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(root.resolve(COMPONENT + "alert-rules.yaml")).doesNotExist();
        assertThat(Files.readString(root.resolve(COMPONENT + "kustomization.yaml")))
                .contains("resources:\n  - prometheusrule.yaml\n");
        assertThat(Files.readString(root.resolve(COMPONENT + "prometheusrule.yaml"))).contains("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: notes-litestream-alerts
                  namespace: notes
                  labels:
                    release: "monitoring"
                spec:
                  groups:
                    - name: notes-litestream-alerts
                      rules:
                        - alert: LitestreamSyncErrors
                """).contains("runbook_url: \"https://git.example.org/docs/troubleshooting.md#litestreamsyncerrors\"");
    }
}
