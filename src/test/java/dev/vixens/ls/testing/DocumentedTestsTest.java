package dev.vixens.ls.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tests docs/safety.md names as holding the README's promises exist, with those names: a promise backed
 * by a test that was renamed or deleted would be a promise backed by nothing.
 */
class DocumentedTestsTest {

    private static final Pattern REFERENCE = Pattern.compile("`([A-Z][A-Za-z]*Test)?(?:\\.([a-z][A-Za-z0-9]*))?`");

    @Test
    void everyTestTheSafetyPageNamesExists() throws IOException {
        String whole = Files.readString(ProjectFiles.root().resolve("docs/safety.md"));
        int start = whole.indexOf("## The promises");
        String page = whole.substring(start, whole.indexOf("\n## ", start + 1));
        List<String> missing = new ArrayList<>();
        int checked = 0;
        String currentClass = null;
        Matcher m = REFERENCE.matcher(page);
        while (m.find()) {
            if (m.group(1) == null && m.group(2) == null) {
                continue;
            }
            if (m.group(1) != null) {
                currentClass = m.group(1);
            } else if (currentClass == null) {
                continue;
            }
            String source = sourceOf(currentClass);
            checked++;
            if (source == null) {
                missing.add(currentClass);
            } else if (m.group(2) != null && !source.contains(" void " + m.group(2) + "(")) {
                missing.add(currentClass + "." + m.group(2));
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(missing).as("tests named in docs/safety.md").isEmpty();
    }

    private static String sourceOf(String className) throws IOException {
        try (Stream<Path> walk = Files.walk(ProjectFiles.root().resolve("src/test/java"))) {
            Path file = walk.filter(p -> p.getFileName().toString().equals(className + ".java")).findFirst()
                    .orElse(null);
            return file == null ? null : Files.readString(file);
        }
    }
}
