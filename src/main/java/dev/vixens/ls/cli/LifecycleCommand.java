package dev.vixens.ls.cli;

import dev.vixens.ls.descriptor.Names;
import dev.vixens.ls.lifecycle.BucketScope;
import dev.vixens.ls.lifecycle.LifecyclePolicy;
import dev.vixens.ls.lifecycle.RetentionGuard;
import dev.vixens.ls.lifecycle.RetentionGuard.Need;
import dev.vixens.ls.pipeline.Pipeline;
import dev.vixens.ls.plan.ResolvedApp;
import dev.vixens.ls.profile.ProfileLoader;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.Problem;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "lifecycle",
        description = "Prints ADR-014's Layer-2 bucket lifecycle rule (expire every object after N days) as the"
                + " JSON that `mc ilm import ALIAS/BUCKET` reads. Refuses (exit 2) an expiry that would delete"
                + " objects inside the retention (plus one snapshot interval) of any database of the"
                + " repository (with --bucket, any in that bucket), overrides included. On a versioned bucket (`analyze` says whether it is), use"
                + " --versioned: Expiration alone only adds delete markers there.")
public final class LifecycleCommand implements Runnable {

    @Mixin
    RepositoryOption repository;

    @Option(names = "--expiry-days", paramLabel = "N", defaultValue = "" + LifecyclePolicy.DEFAULT_EXPIRY_DAYS,
            description = "Expire objects after N days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--prefix", paramLabel = "PREFIX", defaultValue = "",
            description = "Apply the rule to keys starting with PREFIX only (e.g. an app's replicas: hydrus-client/;"
                    + " an app's litestream.replicaPrefix comes first: v05/hydrus-client-v05/).")
    String prefix;

    @Option(names = "--bucket", paramLabel = "NAME",
            description = "The bucket the rule is for: only the apps whose descriptor names it (bucket: NAME) and"
                    + " those taking their bucket from their Secret (which vixens-ls cannot know; stderr names them)"
                    + " are checked. Default: every app.")
    String bucket;

    @Option(names = "--versioned",
            description = "The bucket is versioned: also expire noncurrent versions (NoncurrentVersionExpiration)"
                    + " and remove delete markers left alone (ExpiredObjectDeleteMarker).")
    boolean versioned;

    @Option(names = "--noncurrent-days", paramLabel = "N",
            description = "With --versioned: expire a version N days after it stopped being current (default:"
                    + " the --expiry-days value); refused inside any database's retention like --expiry-days.")
    Integer noncurrentDays;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (days < 1) {
            throw new InputException(Location.commandLine(), "--expiry-days " + days
                    + " must be at least 1");
        }
        if (noncurrentDays != null && !versioned) {
            throw new InputException(Location.commandLine(), "--noncurrent-days needs --versioned");
        }
        int noncurrent = noncurrentDays == null ? days : noncurrentDays;
        if (noncurrent < 1) {
            throw new InputException(Location.commandLine(), "--noncurrent-days " + noncurrent
                    + " must be at least 1");
        }
        List<Need> needs;
        Optional<Repository> repo = repository.openIfPresent();
        if (bucket != null && !Names.isBucketName(bucket)) {
            throw new InputException(Location.commandLine(), "--bucket " + Problem.quote(bucket) + " is not an S3"
                    + " bucket name (3 to 63 lower-case letters, digits, '.' and '-')");
        }
        if (repo.isPresent()) {
            List<ResolvedApp> apps = new Pipeline(repo.get()).resolveAll();
            BucketScope scope = new BucketScope(Optional.ofNullable(bucket));
            scope.note(apps).ifPresent(spec.commandLine().getErr()::println);
            needs = RetentionGuard.needs(apps, scope, prefix);
        } else {
            spec.commandLine().getErr().println("lifecycle: not inside a vixens-ls repository; checked against every"
                    + " built-in profile");
            needs = RetentionGuard.needs(ProfileLoader.builtIn());
        }
        RetentionGuard.violated(needs, days).ifPresent(need -> {
            throw new InputException(need.where(), RetentionGuard.message(need, days, violations(needs, days)));
        });
        if (!versioned) {
            spec.commandLine().getOut().print(LifecyclePolicy.json(days, prefix));
            return;
        }
        RetentionGuard.violated(needs, noncurrent).ifPresent(need -> {
            throw new InputException(need.where(), RetentionGuard.noncurrentMessage(need, noncurrent,
                    violations(needs, noncurrent)));
        });
        spec.commandLine().getOut().print(LifecyclePolicy.versionedJson(days, noncurrent, prefix));
    }

    private static int violations(List<Need> needs, int days) {
        return (int) needs.stream().filter(n -> RetentionGuard.violated(List.of(n), days).isPresent()).count();
    }
}
