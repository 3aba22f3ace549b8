package dev.vixens.ls.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A mistake on the command line (an unknown option, a value of the wrong type, a missing parameter) is one
 * line pointing to the command's {@code --help}, exit 2, as git and kubectl do: the whole usage printed after
 * it would push the one line that matters off the screen.
 */
final class OptionErrors {

    private OptionErrors() {
    }

    static int report(ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        PrintWriter err = command.getErr();
        StringBuilder line = new StringBuilder("vixens-ls: ").append(error.getMessage().strip());
        if (error instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            line.append(" (did you mean ").append(String.join(" or ", unmatched.getSuggestions().stream()
                    .map(s -> "'" + s + "'").toList())).append("?)");
        }
        line.append("; see '").append(command.getCommandSpec().qualifiedName()).append(" --help'");
        err.println(line);
        return ExitCodes.INPUT;
    }
}
