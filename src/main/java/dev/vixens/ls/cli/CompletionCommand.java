package dev.vixens.ls.cli;

import dev.vixens.ls.completion.Candidates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The bash/zsh completion script, and the hidden command it calls at TAB time. picocli writes the script from
 * the command model; each list of app, profile or layer names in it is replaced by a call to
 * {@code vixens-ls __complete KIND} with the words typed so far, so the names are those of the repository the
 * command line is about, now.
 */
@Command(name = "generate-completion",
        description = "Prints the bash/zsh completion script: source it (e.g. from ~/.bashrc:"
                + " source <(vixens-ls generate-completion)). App, profile and layer names are asked of vixens-ls"
                + " when you press TAB, in the repository you are in or name with -C.")
public final class CompletionCommand implements Runnable {

    private static final Pattern TOKEN_ARRAY = Pattern.compile("\\(\"@vixens-ls-complete:([a-z]+)@\"\\)");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        String script = AutoComplete.bash("vixens-ls", spec.root().commandLine());
        spec.commandLine().getOut().print(dynamic(script));
    }

    /** The script with every candidate token array turned into a call to the tool at TAB time. */
    static String dynamic(String script) {
        Matcher tokens = TOKEN_ARRAY.matcher(script);
        StringBuilder out = new StringBuilder();
        while (tokens.find()) {
            tokens.appendReplacement(out, Matcher.quoteReplacement("($(vixens-ls __complete " + tokens.group(1)
                    + " -- \"${COMP_WORDS[@]}\" 2>/dev/null))"));
        }
        tokens.appendTail(out);
        return out.toString();
    }

    /** {@code vixens-ls __complete KIND WORDS...}: one candidate a line; nothing, and exit 0, when in doubt. */
    @Command(name = "__complete", hidden = true, description = "Completion candidates, for the completion script.")
    public static final class Complete implements Runnable {

        @Parameters(index = "0", paramLabel = "KIND")
        String kind;

        @Parameters(index = "1..*", paramLabel = "WORD")
        List<String> words = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            Candidates candidates;
            try {
                candidates = Candidates.valueOf(kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return;
            }
            candidates.of(words).forEach(spec.commandLine().getOut()::println);
        }
    }
}
