package dev.vixens.ls.lifecycle;

import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.plan.PlannedDatabase;
import dev.vixens.ls.plan.ResolvedApp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the repository's replicas a lifecycle rule reaches: a rule lives on one bucket, and since a descriptor
 * may name its bucket literally ({@code bucket:}, one bucket per app as DataAngel had), a rule for one bucket must
 * not be refused for a retention kept in another. An app that takes its bucket from its Secret's variable may be
 * in any bucket: the tool cannot know which, so it is always covered, and the run says so.
 *
 * @param bucket the bucket the rule is for ({@code --bucket}); empty: every app's, as before there were literal
 *     buckets
 */
public record BucketScope(Optional<String> bucket) {

    /** Whether the rule reaches this environment's replicas: its literal bucket is the rule's, or it has none. */
    public boolean covers(ResolvedApp environment) {
        Optional<String> literal = environment.app().settings().bucket();
        return bucket.isEmpty() || literal.isEmpty() || literal.equals(bucket);
    }

    /** What lifecycle says on stderr about the buckets it checked, one line, if anything. */
    public Optional<String> note(List<ResolvedApp> apps) {
        Set<String> literals = new LinkedHashSet<>();
        Set<String> variables = new LinkedHashSet<>();
        List<String> fromSecret = new ArrayList<>();
        for (ResolvedApp app : apps) {
            for (ResolvedApp environment : app.environments()) {
                if (environment.databases().stream().noneMatch(PlannedDatabase::replicated)) {
                    continue;
                }
                Settings settings = environment.app().settings();
                if (settings.bucket().isPresent()) {
                    literals.add(settings.bucket().get());
                } else {
                    variables.add("$" + settings.bucketEnv());
                    fromSecret.add(environment.app().app() + environment.overlay().map(o -> " (overlay " + o + ")")
                            .orElse(""));
                }
            }
        }
        if (bucket.isPresent()) {
            return forOneBucket(bucket.get(), literals, variables, fromSecret);
        }
        if (literals.isEmpty() || literals.size() + (variables.isEmpty() ? 0 : 1) < 2) {
            return Optional.empty();
        }
        return Optional.of("lifecycle: the apps replicate to more than one bucket (" + String.join(", ", literals)
                + (variables.isEmpty() ? "" : ", and the one their Secret names") + "); the rule is checked against"
                + " the databases of all of them: --bucket NAME checks it against one bucket's only");
    }

    private static Optional<String> forOneBucket(String bucket, Set<String> literals, Set<String> variables,
            List<String> fromSecret) {
        if (!fromSecret.isEmpty()) {
            return Optional.of("lifecycle: checked as if in " + bucket + " too, since vixens-ls cannot know which"
                    + " bucket their Secret names (" + String.join(", ", variables) + "): "
                    + String.join(", ", fromSecret));
        }
        if (!literals.contains(bucket)) {
            return Optional.of("lifecycle: no app of this repository replicates to bucket " + bucket + " (buckets"
                    + " named: " + String.join(", ", literals) + "); the rule is checked against no database");
        }
        return Optional.empty();
    }
}
