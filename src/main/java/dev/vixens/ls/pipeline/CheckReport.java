package dev.vixens.ls.pipeline;

import dev.vixens.ls.output.CheckCache;
import dev.vixens.ls.output.OutputChecker.Difference;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.verify.OverlayVerifier.Verification;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a {@code check} run found, and the text it prints: a unified diff per file that is not current, one
 * located line per problem of a built overlay, then a summary.
 *
 * @param files how many generated files were compared
 * @param stale the apps whose overlays wait until their generated files are current
 * @param warnings what check says on stderr (release and repository warnings)
 * @param regenerate the arguments of the generate command that makes the files current
 */
public record CheckReport(int files, List<Difference> differences, Optional<Verification> verification,
        List<String> stale, List<String> warnings, String regenerate) {

    public CheckReport {
        differences = List.copyOf(differences);
        stale = List.copyOf(stale);
        warnings = List.copyOf(warnings);
    }

    public List<Problem> findings() {
        return verification.map(Verification::findings).orElse(List.of());
    }

    /** Whether every generated file is current and every built overlay runs the backup. */
    public boolean current() {
        return differences.isEmpty() && findings().isEmpty();
    }

    /** The line printed when everything is current (and recorded for the fast check). */
    public String currentLine() {
        return CheckCache.currentLine(files) + verification.map(v -> ", " + v.reports().size()
                + " overlays verified with " + v.command().display()).orElse("");
    }

    /** Everything check prints on stdout, lines ended by '\n'. */
    public String output() {
        StringBuilder out = new StringBuilder();
        differences.forEach(d -> out.append(d.diff()));
        findings().forEach(f -> out.append(f.format()).append('\n'));
        if (current()) {
            return out.append(currentLine()).append('\n').toString();
        }
        for (Difference difference : differences) {
            out.append(String.format("check: %s %s%n", difference.kind().name().toLowerCase(Locale.ROOT),
                    difference.path()));
        }
        if (!differences.isEmpty()) {
            out.append(String.format("check: %d of %d generated files are not current; run: vixens-ls generate %s%n",
                    differences.size(), files, regenerate));
        }
        if (verification.isPresent() && !stale.isEmpty()) {
            out.append(String.format("check: the overlays of %s are verified once their generated files are"
                    + " current%n", String.join(", ", stale)));
        }
        if (!findings().isEmpty()) {
            out.append(String.format("check: %d %s in the overlays built with %s (listed above);"
                    + " docs/troubleshooting.md says what each means%n", findings().size(),
                    findings().size() == 1 ? "problem" : "problems", verification.orElseThrow().command().display()));
        }
        return out.toString();
    }
}
