package dev.vixens.ls.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vixens.ls.testing.CliRun;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.S3ProxyServer;
import dev.vixens.ls.testing.SharedS3Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 12 item 6): {@code analyze} maps replicas through each database's bucket key, replica
 * prefix included. On the v05 example (prefix {@code v05}) it used to attribute the replica to an app called
 * {@code v05} and report the declared databases as missing. The bucket is a real S3Proxy; the objects are LTX
 * files laid out as Litestream 0.5 writes them (their content does not matter to the listing).
 */
@ExtendWith(SharedS3Proxy.class)
class AnalyzeReplicaPrefixTest {

    @TempDir
    Path repo;

    @Test
    void replicasUnderTheAppsPrefixBelongToItsDeclaredDatabases() throws Exception {
        ProjectFiles.copyExampleRepository(repo, "hydrus-client-v05");
        S3ProxyServer s3 = SharedS3Proxy.server();
        String bucket = s3.createBucket();
        Path storage = s3.storage().resolve(bucket);
        for (String object : List.of("v05/hydrus-client-v05/client.db/ltx/9/0000000000000001-0000000000000001.ltx",
                "v05/hydrus-client-v05/client.db/ltx/0/0000000000000002-0000000000000002.ltx",
                "v05/retired-app/data.db/ltx/9/0000000000000001-0000000000000001.ltx")) {
            ProjectFiles.write(storage.resolve(object), "LTX");
        }

        CliRun run = CliRun.inRepo(repo, "analyze", "--endpoint", s3.endpoint(), "--bucket", bucket,
                "--access-key-id", S3ProxyServer.ACCESS_KEY, "--secret-access-key", S3ProxyServer.SECRET_KEY,
                "--prefix", "v05/", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, JsonNode> byReplica = new TreeMap<>();
        new ObjectMapper().readTree(run.out()).get("databases")
                .forEach(db -> byReplica.put(db.get("replica").asText(), db));
        assertThat(byReplica).containsOnlyKeys("v05/hydrus-client-v05/client.db",
                "v05/hydrus-client-v05/client.mappings.db", "v05/hydrus-client-v05/client.master.db",
                "v05/hydrus-client-v05/client.caches.db", "v05/retired-app/data.db");
        JsonNode client = byReplica.get("v05/hydrus-client-v05/client.db");
        assertThat(client.get("app").asText()).isEqualTo("hydrus-client-v05");
        assertThat(client.get("database").asText()).isEqualTo("/opt/hydrus/db/client.db");
        assertThat(client.get("declaredProfile").asText()).isEqualTo("critical");
        assertThat(client.get("format").asText()).isEqualTo("0.5");
        assertThat(client.get("snapshots").asInt()).isEqualTo(1);
        assertThat(client.get("changeFiles").asInt()).isEqualTo(1);
        assertThat(client.get("notes").toString()).doesNotContain("no replica in the bucket");
        // what a restore downloads, from the listing's sizes: the level-9 snapshot and the level-0 file after it
        assertThat(client.get("restore").toString()).isEqualTo("{\"snapshotBytes\":3,\"changeFiles\":1,"
                + "\"changeBytes\":3,\"downloadBytes\":6,\"suggestedExpectedSize\":\"1Mi\"}");
        assertThat(byReplica.get("v05/hydrus-client-v05/client.master.db").get("notes").toString())
                .contains("no replica in the bucket");
        JsonNode retired = byReplica.get("v05/retired-app/data.db");
        assertThat(retired.get("app").asText()).as("the segment after the prefix, not the prefix")
                .isEqualTo("retired-app");
        assertThat(retired.get("notes").toString()).contains("no descriptor declares this replica");
    }
}
