package dev.vixens.ls.importer;

import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.draft.ObservedSettings;
import dev.vixens.ls.importer.Finding.Kind;
import dev.vixens.ls.importer.OldLitestreamConfig.OldDatabase;
import dev.vixens.ls.importer.OldLitestreamConfig.OldReplica;
import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.kustomize.PodView.EnvVar;
import dev.vixens.ls.kustomize.PodView;
import dev.vixens.ls.litestream.Release;
import dev.vixens.ls.litestream.ReleaseNumber;
import dev.vixens.ls.litestream.ReleaseTable;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.YamlNodes;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The descriptor settings the old setup implies: Litestream's image and release, the Secret and the variables
 * the bucket and endpoint come from, the metrics port, the sidecar's resources, the user ({@link RunAsUser}),
 * and the metrics port of a host-network pod. What has no place in the descriptor, or changes on the way, is
 * reported.
 */
final class SidecarSettings {

    private final HandWrittenSetup setup;
    private final Settings defaults;
    private final RunAsUser user;
    private final List<Finding> findings;

    private SidecarSettings(HandWrittenSetup setup, Settings defaults, RunAsUser user, List<Finding> findings) {
        this.setup = setup;
        this.defaults = defaults;
        this.user = user;
        this.findings = findings;
    }

    /** @param user the user the generated containers run as, and whether a permissions fixer is replaced */
    static ObservedSettings read(HandWrittenSetup setup, List<FoundDatabase> databases, Settings defaults,
            RunAsUser user, List<Finding> findings) {
        return new SidecarSettings(setup, defaults, user, findings).read(databases);
    }

    private ObservedSettings read(List<FoundDatabase> databases) {
        PodView pod = setup.pod();
        ContainerView sidecar = setup.sidecar();
        OldLitestreamConfig old = setup.old();
        String image = sidecar.imageRepository();
        String version = null;
        Optional<String> tag = sidecar.imageTag();
        if (tag.isEmpty() || tag.get().equals("latest")) {
            findings.add(new Finding(Kind.REPLACED, sidecar.at(), "image " + sidecar.image() + " is not pinned;"
                    + " the descriptor uses Litestream " + defaults.litestreamVersion().text()));
        } else {
            version = release(sidecar, tag.get());
        }
        String secret = secret(sidecar);
        OldReplica first = databases.stream().filter(FoundDatabase::replicated)
                .map(FoundDatabase::replica).flatMap(Optional::stream).findFirst().orElse(null);
        String bucketEnv = null;
        String endpointEnv = null;
        if (first != null) {
            bucketEnv = variable(sidecar, first.bucket(), first.bucketVariable(), "bucket", first.at(),
                    defaults.bucketEnv());
            endpointEnv = first.endpoint().isEmpty() ? null : variable(sidecar, first.endpoint().get(),
                    first.endpointVariable(), "endpoint", first.at(), defaults.endpointEnv());
            if (first.endpoint().isEmpty()) {
                findings.add(new Finding(Kind.REVIEW, first.at(), "the old replica has no endpoint (AWS S3?);"
                        + " the generated config sets endpoint ${" + defaults.endpointEnv() + "}"));
            }
            for (FoundDatabase db : databases) {
                OldReplica r = db.replica().orElse(null);
                if (r != null && r != first && (!r.bucket().equals(first.bucket())
                        || !r.endpoint().equals(first.endpoint()))) {
                    findings.add(new Finding(Kind.NOT_CARRIED, r.at(), db.path() + ": bucket " + r.bucket()
                            + " / endpoint " + r.endpoint().orElse("-") + " differ from the first database's;"
                            + " the descriptor has one bucket and endpoint for the app"));
                }
            }
        }
        reportEnv(sidecar, old);
        if (old.metricsPort().isEmpty()) {
            findings.add(new Finding(Kind.REVIEW, old.doc().at(old.doc().root()), "metrics were off (no addr);"
                    + " the generated sidecar serves them on port " + defaults.metricsPort()));
        }
        Optional<PodView.Resources> r = sidecar.resources();
        Integer metricsPort = old.metricsPort().orElse(null);
        if (pod.hostNetwork()) {
            int port = old.metricsPort().orElse(defaults.metricsPort());
            Location at = YamlNodes.path(pod.doc().root(), "spec", "template", "spec")
                    .flatMap(spec -> YamlNodes.entry(spec, "hostNetwork")).map(e -> pod.doc().at(e.getKeyNode()))
                    .orElse(pod.at());
            findings.add(new Finding(Kind.REVIEW, at, "the pod uses hostNetwork: true, so the generated"
                    + " sidecar's metrics port is a port of the node; the descriptor says metrics.port: " + port
                    + (old.metricsPort().isPresent() ? " (the old sidecar's, known free on the node)"
                            : " (the default: make sure no other host-network pod or node service uses it)")));
        }
        return new ObservedSettings(image, version, secret, bucketEnv, endpointEnv, metricsPort,
                r.flatMap(PodView.Resources::requestsCpu).orElse(null),
                r.flatMap(PodView.Resources::requestsMemory).orElse(null),
                r.flatMap(PodView.Resources::limitsCpu).orElse(null),
                r.flatMap(PodView.Resources::limitsMemory).orElse(null), user.uid(), user.gid(), user.fixPermissions());
    }

    /**
     * The release the descriptor names for the sidecar's image tag: the tag itself when vixens-ls can generate
     * for it; else, for review, the nearest later release of the same line that it can generate for (an older
     * 0.3 patch becomes 0.3.13, 0.5.0 becomes 0.5.1); anything else is refused with the release table's reason.
     */
    private String release(ContainerView sidecar, String tag) {
        ReleaseTable table = ReleaseTable.get();
        try {
            return table.forGenerate(tag, false, null).text();
        } catch (IllegalArgumentException refused) {
            Optional<Release> nearest = ReleaseNumber.parse(tag).flatMap(number -> table.line(number.line())
                    .stream().filter(r -> r.number().compareTo(number) > 0 && r.tellsMissingReplicaApart())
                    .findFirst());
            if (nearest.isEmpty()) {
                throw new InputException(sidecar.at(), "image " + sidecar.image() + ": " + refused.getMessage());
            }
            findings.add(new Finding(Kind.REVIEW, sidecar.at(), "Litestream " + tag + " becomes "
                    + nearest.get().version() + ", the nearest later release vixens-ls generates for ("
                    + refused.getMessage() + ")"));
            return nearest.get().version();
        }
    }

    private String secret(ContainerView sidecar) {
        Set<String> secrets = new LinkedHashSet<>(sidecar.envFromSecrets());
        sidecar.env().forEach(e -> e.secret().ifPresent(secrets::add));
        if (secrets.isEmpty()) {
            findings.add(new Finding(Kind.REVIEW, sidecar.at(), "the sidecar reads no Secret; the generated"
                    + " containers read the credentials, bucket and endpoint from the Secret named by 'secret'"));
            return null;
        }
        String secret = secrets.iterator().next();
        if (secrets.size() > 1) {
            findings.add(new Finding(Kind.NOT_CARRIED, sidecar.at(), "the sidecar reads several Secrets ("
                    + String.join(", ", secrets) + "); the descriptor names one: " + secret));
        }
        if (sidecar.envFromSecrets().isEmpty()) {
            findings.add(new Finding(Kind.REVIEW, sidecar.at(), "the generated containers read the whole Secret "
                    + secret + " with envFrom: its keys become the variable names"));
        }
        return secret;
    }

    /** The variable (a key of the Secret) the generated config should read a bucket or endpoint from. */
    private String variable(ContainerView sidecar, String written, Optional<String> variable, String what,
            Location at, String fallback) {
        if (variable.isEmpty()) {
            findings.add(new Finding(Kind.REVIEW, at, "the " + what + " is written literally ('" + written
                    + "'); the generated config reads it from ${" + fallback + "}: make sure the Secret has"
                    + " that key"));
            return null;
        }
        Optional<EnvVar> env = sidecar.envVar(variable.get());
        if (env.isPresent() && env.get().secretKey().isPresent()) {
            String key = env.get().secretKey().get();
            if (!key.equals(variable.get())) {
                findings.add(new Finding(Kind.REPLACED, env.get().at(), "env " + variable.get() + " (Secret key "
                        + key + "): the generated config reads ${" + key + "} directly, the Secret being read"
                        + " with envFrom"));
            }
            return key;
        }
        if (env.isPresent()) {
            findings.add(new Finding(Kind.REVIEW, env.get().at(), "the " + what + " variable " + variable.get()
                    + " is set in the sidecar, not in the Secret; the generated containers read it from the"
                    + " Secret: add it there"));
        }
        return variable.get();
    }

    private void reportEnv(ContainerView sidecar, OldLitestreamConfig old) {
        Set<String> carried = new HashSet<>();
        old.databases().stream().map(OldDatabase::replica).flatMap(Optional::stream).findFirst().ifPresent(r -> {
            r.bucketVariable().ifPresent(carried::add);
            r.endpointVariable().ifPresent(carried::add);
        });
        for (EnvVar env : sidecar.env()) {
            if (carried.contains(env.name())) {
                continue;
            }
            String source = env.value().map(v -> "= '" + v + "'")
                    .orElse(env.secretKey().map(k -> "from Secret key " + k).orElse("from another source"));
            findings.add(new Finding(Kind.NOT_CARRIED, env.at(), "container " + sidecar.name() + ": env "
                    + env.name() + " " + source + "; the generated sidecar's environment is the Secret only"));
        }
    }
}
