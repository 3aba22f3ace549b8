package dev.vixens.ls.source;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Turns the YAML parser's syntax errors into one plain sentence at the place a person has to look: the
 * opening quote of an unclosed string, the line whose indentation is off, the tab.
 */
public final class YamlSyntax {

    private YamlSyntax() {
    }

    static InputException problem(SourceFile source, MarkedYamlEngineException e) {
        String problem = firstLine(e.getProblem());
        String context = firstLine(e.getContext());
        Optional<Mark> problemMark = e.getProblemMark();
        Optional<Mark> contextMark = e.getContextMark().isPresent() ? e.getContextMark() : problemMark;
        boolean atEnd = problem.contains("end of stream") || problem.contains("<stream end>");
        if (e instanceof Yaml.TooDeep) {
            return new InputException(at(source, problemMark), problem + "; a vixens-ls file needs only a few");
        }
        if (problem.contains("(TAB)") || problem.contains("'\\t'") || problem.contains("\t")) {
            return new InputException(at(source, problemMark), "invalid YAML: a tab character; YAML indents with"
                    + " spaces only");
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return new InputException(at(source, problemMark), "invalid YAML: unexpected ':'; check the"
                    + " indentation of this line against the lines above, and quote a value that contains ': '");
        }
        if (context.startsWith("while scanning a quoted scalar")) {
            return new InputException(at(source, contextMark), "invalid YAML: the quoted value that starts here"
                    + " is never closed" + (atEnd ? "" : " (" + problem + ")"));
        }
        if (context.startsWith("while parsing a flow sequence") || context.startsWith("while parsing a flow mapping")) {
            String bracket = context.contains("sequence") ? "'[' list" : "'{' mapping";
            return atEnd
                    ? new InputException(at(source, contextMark), "invalid YAML: the " + bracket + " that starts here"
                            + " is never closed")
                    : new InputException(at(source, problemMark), "invalid YAML: in the " + bracket + " started on"
                            + " line " + contextMark.map(m -> m.getLine() + 1).orElse(1) + ": " + problem);
        }
        if (context.startsWith("while parsing a block") && problem.startsWith("expected <block end>")) {
            return new InputException(at(source, problemMark), "invalid YAML: this line is not indented like"
                    + " the lines before it; the keys of one mapping (and the items of one list) start in the same"
                    + " column");
        }
        if (context.startsWith("while scanning a simple key")) {
            return new InputException(at(source, contextMark), "invalid YAML: expected 'key: value' on this line;"
                    + " a ':' is missing, or the line is indented too far");
        }
        String message = context.isEmpty() ? problem : context + ": " + problem;
        return new InputException(at(source, problemMark.isPresent() ? problemMark : contextMark),
                "invalid YAML: " + message);
    }

    static Location at(SourceFile source, Optional<Mark> mark) {
        return mark.map(m -> source.at(m.getLine() + 1, m.getColumn() + 1)).orElse(source.start());
    }

    /** The first line of a parser message, stripped; YAML parsers append the offending text on later lines. */
    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        String line = newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
