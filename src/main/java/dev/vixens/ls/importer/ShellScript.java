package dev.vixens.ls.importer;

import dev.vixens.ls.kustomize.PodView.ContainerView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The simple commands a container runs, each as its words (quotes removed): the script of {@code sh -c SCRIPT}
 * split at {@code ;}, {@code &&}, {@code ||}, {@code |}, {@code &} and line ends outside quotes, without the
 * shell's own words ({@code if}, {@code then}, loop headers, variable assignments); or the container's command
 * and args themselves when no shell runs. Enough to tell that a script does nothing but a known job, which is
 * what import needs before it removes a container; not a shell parser (no expansion, no here-documents).
 */
record ShellScript(List<List<String>> commands) {

    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash");
    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "do", "done", "!", "{",
            "}", "while", "until");
    private static final Set<String> HEADERS = Set.of("for", "case", "esac", "select");

    ShellScript {
        commands = List.copyOf(commands);
    }

    static ShellScript of(ContainerView c) {
        List<String> words = new ArrayList<>(c.command());
        words.addAll(c.args());
        if (words.size() >= 3 && SHELLS.contains(baseName(words.get(0))) && words.get(1).matches("-[a-z]*c")) {
            return parse(words.get(2));
        }
        return new ShellScript(words.isEmpty() ? List.of() : List.of(words));
    }

    static ShellScript parse(String script) {
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char ch = script.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else if (ch == '\\' && quote == '"' && i + 1 < script.length()) {
                    word.append(script.charAt(++i));
                } else {
                    word.append(ch);
                }
                continue;
            }
            if (ch == '\'' || ch == '"') {
                quote = ch;
                inWord = true;
            } else if (ch == '#' && !inWord) {
                while (i + 1 < script.length() && script.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (ch == '\\' && i + 1 < script.length()) {
                char next = script.charAt(++i);
                if (next != '\n') {
                    word.append(next);
                    inWord = true;
                }
            } else if (Character.isWhitespace(ch) && ch != '\n') {
                inWord = flush(word, inWord, words);
            } else if (ch == '\n' || ch == ';' || ch == '|' || ch == '&') {
                inWord = flush(word, inWord, words);
                command(words, commands);
                words = new ArrayList<>();
            } else {
                word.append(ch);
                inWord = true;
            }
        }
        flush(word, inWord, words);
        command(words, commands);
        return new ShellScript(commands);
    }

    /** The program each command runs, by its file name ({@code /bin/rm} is {@code rm}). */
    List<String> programs() {
        return commands.stream().map(words -> baseName(words.get(0))).toList();
    }

    /** Whether every command runs one of {@code allowed}, and there is at least one. */
    boolean onlyRuns(Set<String> allowed) {
        return !commands.isEmpty() && allowed.containsAll(programs());
    }

    static String baseName(String program) {
        return program.substring(program.lastIndexOf('/') + 1);
    }

    private static boolean flush(StringBuilder word, boolean inWord, List<String> words) {
        if (inWord) {
            words.add(word.toString());
            word.setLength(0);
        }
        return false;
    }

    private static void command(List<String> words, List<List<String>> commands) {
        int start = 0;
        while (start < words.size() && KEYWORDS.contains(words.get(start))) {
            start++;
        }
        if (start < words.size() && HEADERS.contains(words.get(start))) {
            return;
        }
        while (start < words.size() && words.get(start).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            start++;
        }
        if (start < words.size()) {
            commands.add(List.copyOf(words.subList(start, words.size())));
        }
    }
}
