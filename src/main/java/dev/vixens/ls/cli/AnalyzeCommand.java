package dev.vixens.ls.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vixens.ls.analyze.AnalysisReport;
import dev.vixens.ls.analyze.AnalysisTable;
import dev.vixens.ls.analyze.BucketAnalyzer;
import dev.vixens.ls.analyze.BucketAnalyzer.Declared;
import dev.vixens.ls.analyze.BucketObject;
import dev.vixens.ls.analyze.BucketVersioning;
import dev.vixens.ls.analyze.ObjectLister;
import dev.vixens.ls.analyze.S3Listing;
import dev.vixens.ls.analyze.S3Settings;
import dev.vixens.ls.pipeline.Pipeline;
import dev.vixens.ls.profile.ProfileCatalog;
import dev.vixens.ls.profile.ProfileLoader;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "analyze",
        description = "Lists the replica bucket over the S3 API and reports, per database (<app>/<db> as generate"
                + " lays it out; mapped through the repository's descriptors): snapshots, WAL (0.3) or LTX"
                + " (0.5) files and their rate, sizes, oldest and newest object, the profile the measured"
                + " activity suggests next to the declared one (! = they differ), and the storage each profile"
                + " would take at that rate; what a restore downloads now (the newest snapshot and the WAL/LTX"
                + " files since: compressed, so lower bounds of the database file's size) and the expectedSize"
                + " that covers it, beside the declared one (! = smaller than the snapshot); and whether the bucket is versioned (GetBucketVersioning; then"
                + " `lifecycle --versioned` is the rule that frees space). Endpoint, bucket and credentials: flags, else"
                + " LITESTREAM_ENDPOINT, LITESTREAM_BUCKET, LITESTREAM_ACCESS_KEY_ID,"
                + " LITESTREAM_SECRET_ACCESS_KEY (or the AWS_* names). Writes nothing.")
public final class AnalyzeCommand implements Callable<Integer> {

    @Mixin
    RepositoryOption repository;

    @Option(names = "--endpoint", paramLabel = "URL", description = "S3 endpoint, e.g. http://minio.lan:9000.")
    String endpoint;

    @Option(names = "--bucket", paramLabel = "NAME", description = "The replica bucket.")
    String bucket;

    @Option(names = "--region", paramLabel = "REGION", description = "Region (default us-east-1; MinIO ignores it).")
    String region;

    @Option(names = "--access-key-id", paramLabel = "ID", description = "Access key id (prefer the variables).")
    String accessKeyId;

    @Option(names = "--secret-access-key", paramLabel = "KEY",
            description = "Secret key (prefer LITESTREAM_SECRET_ACCESS_KEY: a flag shows in the process list).")
    String secretAccessKey;

    @Option(names = "--prefix", paramLabel = "PREFIX", defaultValue = "",
            description = "Only keys starting with PREFIX, e.g. hydrus-client/.")
    String prefix;

    @Option(names = {"--format", "-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("json")) {
            throw new InputException(dev.vixens.ls.source.Location.commandLine(), "--format " + format
                    + ": use table or json");
        }
        S3Settings settings = S3Settings.resolve(new S3Settings.Flags(endpoint, bucket, region, accessKeyId,
                secretAccessKey), System.getenv());
        Optional<Repository> repo = repository.openIfPresent();
        ProfileCatalog catalog = repo.map(Repository::profiles).orElseGet(() -> ProfileLoader.builtIn());
        List<Declared> declared = repo.map(r -> BucketAnalyzer.declared(new Pipeline(r).resolveAll(),
                settings.bucket())).orElse(List.of());
        List<BucketObject> objects;
        BucketVersioning versioning;
        try (ObjectLister lister = S3Listing.open(settings)) {
            objects = lister.list(prefix);
            versioning = lister.versioning();
        } catch (ObjectLister.ListingException e) {
            spec.commandLine().getErr().println("analyze: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        AnalysisReport report = BucketAnalyzer.analyze(settings.describe(), prefix, objects, declared, catalog)
                .withVersioning(versioning);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            AnalysisTable.print(report, out);
        }
        return ExitCodes.OK;
    }

}
