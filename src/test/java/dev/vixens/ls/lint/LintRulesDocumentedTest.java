package dev.vixens.ls.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vixens.ls.testing.ProjectFiles;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Every rule id a finding can carry is explained, with an example, in docs/lint-rules.md and named in the README. */
class LintRulesDocumentedTest {

    @Test
    void everyRuleHasASectionInTheRulesDocAndIsNamedInTheReadme() throws Exception {
        String doc = Files.readString(ProjectFiles.root().resolve("docs/lint-rules.md"));
        String readme = Files.readString(ProjectFiles.root().resolve("README.md"));

        for (Rule rule : Rule.values()) {
            assertThat(doc).as(rule.id()).contains("\n## " + rule.id() + "\n")
                    .contains("| [`" + rule.id() + "`](#" + rule.id() + ") | " + rule.severity().text() + " |")
                    .contains("[" + rule.id() + "]");
            assertThat(readme).as(rule.id()).contains("`" + rule.id() + "`");
        }
    }
}
