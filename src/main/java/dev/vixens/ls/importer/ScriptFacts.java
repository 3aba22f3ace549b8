package dev.vixens.ls.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a hand-written container command says about SQLite files: the exact database paths it names, the
 * glob patterns it uses, and a {@code chown UID:GID}. Plain text matching: these scripts are short and
 * written in a handful of shapes (ADR-014's snippets and their copies).
 */
public record ScriptFacts(Set<String> databases, Set<String> globs, Optional<long[]> chown) {

    private static final Pattern ABSOLUTE = Pattern.compile("(?<![\\w$/.-])(/[A-Za-z0-9._*/ -]*[A-Za-z0-9._*-])");
    private static final Pattern DATABASE = Pattern.compile(".*\\.(db|sqlite|sqlite3|db3)");
    private static final Pattern CHOWN = Pattern.compile("chown\\s+(?:-\\w+\\s+)*(\\d+)(?::(\\d+))?\\s");

    public static ScriptFacts of(String script) {
        Set<String> databases = new LinkedHashSet<>();
        Set<String> globs = new LinkedHashSet<>();
        for (String token : tokens(script)) {
            String stripped = token;
            // "client.caches.db*" names the database and, through '*', its -wal/-shm/-journal
            while (stripped.endsWith("*")) {
                stripped = stripped.substring(0, stripped.length() - 1);
            }
            if (stripped.contains("*")) {
                if (stripped.contains(".db") || stripped.contains(".sqlite") || stripped.endsWith("-wal")
                        || stripped.contains(".tmp")) {
                    globs.add(token);
                }
                continue;
            }
            if (DATABASE.matcher(stripped).matches()) {
                databases.add(stripped);
            }
        }
        Matcher chown = CHOWN.matcher(script + " ");
        Optional<long[]> owner = Optional.empty();
        if (chown.find()) {
            long uid = Long.parseLong(chown.group(1));
            long gid = chown.group(2) == null ? uid : Long.parseLong(chown.group(2));
            owner = Optional.of(new long[] {uid, gid});
        }
        return new ScriptFacts(databases, globs, owner);
    }

    private static List<String> tokens(String script) {
        List<String> out = new ArrayList<>();
        for (String word : script.split("[\\s\"';|&()=]+")) {
            Matcher m = ABSOLUTE.matcher(word);
            while (m.find()) {
                out.add(m.group(1).strip());
            }
        }
        return out;
    }
}
