package dev.vixens.ls.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A man page (troff, section 1) per command, written from the same command model as {@code --help}: the
 * description, synopsis, options and parameters are picocli's, so the two never say different things.
 * picocli's own generator writes AsciiDoc, which needs asciidoctor to become a man page; this writes troff.
 */
final class ManPages {

    private ManPages() {
    }

    /** File name to page, for the root command and every visible subcommand, in the order of {@code --help}. */
    static Map<String, String> of(CommandLine root, String version) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("vixens-ls.1", page(root, version));
        for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
            CommandSpec spec = sub.getValue().getCommandSpec();
            if (spec.usageMessage().hidden() || sub.getKey().equals("help")) {
                continue;
            }
            pages.put("vixens-ls-" + sub.getKey() + ".1", page(sub.getValue(), version));
        }
        return pages;
    }

    private static String page(CommandLine command, String version) {
        CommandSpec spec = command.getCommandSpec();
        String name = spec.qualifiedName("-");
        String description = String.join(" ", spec.usageMessage().description());
        StringBuilder out = new StringBuilder();
        out.append(".TH ").append(name.toUpperCase(Locale.ROOT)).append(" 1 \"\" \"").append(escape(version))
                .append("\" \"vixens-ls manual\"\n");
        // left-aligned, never hyphenated: option names and paths must be copyable as they are
        out.append(".ad l\n.nh\n");
        out.append(".SH NAME\n").append(escape(name)).append(" \\- ").append(escape(firstSentence(description)))
                .append('\n');
        out.append(".SH SYNOPSIS\n.nf\n")
                .append(text(new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF)).synopsis(0)).strip())
                .append("\n.fi\n");
        out.append(".SH DESCRIPTION\n").append(escape(description)).append('\n');
        if (!spec.subcommands().isEmpty()) {
            out.append(".SH COMMANDS\n");
            for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
                CommandSpec s = sub.getValue().getCommandSpec();
                if (!s.usageMessage().hidden() && !sub.getKey().equals("help")) {
                    out.append(".TP\n\\fB").append(escape(sub.getKey())).append("\\fR\n")
                            .append(escape(firstSentence(String.join(" ", s.usageMessage().description()))))
                            .append("\nSee \\fBvixens-ls-").append(escape(sub.getKey())).append("\\fR(1).\n");
                }
            }
        }
        List<PositionalParamSpec> parameters = spec.positionalParameters().stream()
                .filter(p -> !p.hidden()).toList();
        if (!parameters.isEmpty()) {
            out.append(".SH PARAMETERS\n");
            for (PositionalParamSpec p : parameters) {
                out.append(".TP\n\\fI").append(escape(p.paramLabel())).append("\\fR\n")
                        .append(escape(String.join(" ", p.description()))).append('\n');
            }
        }
        out.append(".SH OPTIONS\n");
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (String n : option.names()) {
                names.add("\\fB" + escape(n) + "\\fR");
            }
            out.append(".TP\n").append(String.join(", ", names));
            if (option.arity().max() > 0) {
                out.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
            }
            out.append('\n').append(escape(String.join(" ", option.description())
                    .replace("${DEFAULT-VALUE}", String.valueOf(option.defaultValue())))).append('\n');
        }
        List<String> footer = List.of(spec.root().usageMessage().footer());
        out.append(".SH EXIT STATUS\n.nf\n");
        footer.stream().map(String::strip).filter(line -> line.matches("[0-9] .*")).forEach(line ->
                out.append(escape(line)).append('\n'));
        out.append(".fi\n.SH SEE ALSO\n");
        out.append(spec.parent() == null ? "" : "\\fBvixens-ls\\fR(1); ")
                .append("README.md and docs/cli.md in the vixens-ls repository.\n");
        return out.toString();
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        String first = end < 0 ? text : text.substring(0, end);
        return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    }

    /** Plain text for a .nf block: escaped line by line. */
    private static String text(String block) {
        StringBuilder out = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            out.append(escape(line)).append('\n');
        }
        return out.toString();
    }

    /** troff's special characters: backslash, a leading dot or quote, and '-' (which troff may hyphenate). */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
