package dev.vixens.ls.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptFactsTest {

    @Test
    void exactDatabasesGlobsAndOwner() {
        ScriptFacts facts = ScriptFacts.of("sh -c rm -f /opt/hydrus/db/client.caches.db* /data/*.tmp*;"
                + " DB_PATH=/data/db.sqlite3; chown -R 1001:1002 /data; cat /etc/litestream.yml");

        assertThat(facts.databases()).containsExactly("/opt/hydrus/db/client.caches.db", "/data/db.sqlite3");
        assertThat(facts.globs()).containsExactly("/data/*.tmp*");
        assertThat(facts.chown()).hasValueSatisfying(owner -> assertThat(owner).containsExactly(1001, 1002));
    }

    @Test
    void globsOfTheAdrSnippets() {
        assertThat(ScriptFacts.of("for db in /data/*.db; do").globs()).containsExactly("/data/*.db");
        assertThat(ScriptFacts.of("rm -f /data/*.tmp* /data/*-wal").globs())
                .containsExactly("/data/*.tmp*", "/data/*-wal");
        assertThat(ScriptFacts.of("chown -R 1000 /data").chown())
                .hasValueSatisfying(owner -> assertThat(owner).containsExactly(1000, 1000));
        assertThat(ScriptFacts.of("sqlite3 \"$db\" 'PRAGMA integrity_check;'").databases()).isEmpty();
    }
}
