package dev.vixens.ls.descriptor;

import dev.vixens.ls.descriptor.Documents.ResourceListDocument;
import dev.vixens.ls.descriptor.Documents.ResourcesDocument;
import dev.vixens.ls.descriptor.Documents.SettingsDocument;
import dev.vixens.ls.litestream.Level;
import dev.vixens.ls.litestream.LitestreamVersion;
import dev.vixens.ls.litestream.Release;
import dev.vixens.ls.litestream.ReleaseTable;
import dev.vixens.ls.profile.GoDuration;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Applies the layers of optional settings (descriptor, then repository defaults, then built-in values) and
 * checks each value where it was written, so that a bad default is reported in the repository config and a
 * bad override in the descriptor.
 */
public final class SettingsResolver {

    /** The values used when neither the descriptor nor the repository says otherwise (ADR-014's values). */
    public static final Settings BUILT_IN = Settings.builder()
            .litestreamImage("litestream/litestream")
            .litestreamVersion(ReleaseTable.get().forGenerate("0.3.13", false, null))
            .sqliteImage("keinos/sqlite3:3.46.1")
            .busyboxImage("busybox:1.37.0")
            .secret("litestream-shared-secrets")
            .bucketEnv("LITESTREAM_BUCKET")
            .endpointEnv("LITESTREAM_ENDPOINT")
            .metricsPort(9090)
            .metricsAnnotations(true)
            .resources(new Settings.Resources("10m", "64Mi", "100m", "128Mi"))
            .runAs(new Settings.RunAs(1000, 1000))
            .fixPermissions(false)
            .replicaPrefix("")
            .nativeSidecar(false)
            // Init containers run one at a time, before the app: the pod's request is the largest of them,
            // not their sum, so a generous CPU limit costs nothing at steady state and keeps the restore of
            // a large database from being throttled while the app waits for it.
            .initResources(new Settings.Resources("10m", "64Mi", "1", "256Mi"))
            .fsGroup(OptionalLong.empty())
            .podSecurity(PodSecurityLevel.RESTRICTED)
            .bucket(Optional.empty())
            .endpoint(Optional.empty())
            .heartbeat(Optional.empty())
            .build();

    /** The variable a heartbeat URL is read from when {@code litestream.heartbeat.urlEnv} does not say. */
    public static final String HEARTBEAT_URL_ENV = "LITESTREAM_HEARTBEAT_URL";
    /** A heartbeat more often than a minute loads the switch; less often than a day notices nothing in time. */
    private static final GoDuration HEARTBEAT_MIN = GoDuration.parse("1m");
    private static final GoDuration HEARTBEAT_MAX = GoDuration.parse("24h");

    /** One layer of settings and where it was written. */
    public record Layer(SettingsDocument document, SourceFile source, YamlPath base) {
    }

    private final List<Layer> layers;

    private SettingsResolver(List<Layer> layers) {
        this.layers = layers;
    }

    /** Layers in priority order: the first that sets a value wins; the generated containers meet "restricted". */
    public static Settings resolve(List<Layer> layers) {
        return resolve(layers, PodSecurityLevel.RESTRICTED);
    }

    /**
     * @param podSecurity the level the app's descriptor asks for ({@code podSecurity}); only baseline lets
     *     {@code runAs.uid} be 0
     */
    public static Settings resolve(List<Layer> layers, PodSecurityLevel podSecurity) {
        return new SettingsResolver(layers).resolve(podSecurity);
    }

    private Settings resolve(PodSecurityLevel podSecurity) {
        Settings d = BUILT_IN;
        String image = text(s -> s.litestream() == null ? null : s.litestream().image(), d.litestreamImage(),
                Names::isImageRepository, "is not an image repository such as litestream/litestream (give the"
                        + " version under litestream.version, not as a tag)", "litestream", "image");
        boolean allowNewer = pick(s -> s.litestream() == null ? null : s.litestream().allowNewerRelease(),
                "litestream", ReleaseTable.OPT_IN).map(Value::value, false);
        LitestreamVersion version = pick(s -> s.litestream() == null ? null : s.litestream().version(),
                "litestream", "version")
                .map(v -> {
                    try {
                        return ReleaseTable.get().forGenerate(v.value(), allowNewer,
                                v.path().toString().replaceFirst("version$", ReleaseTable.OPT_IN));
                    } catch (IllegalArgumentException e) {
                        throw v.problem(v.path() + ": " + e.getMessage());
                    }
                }, d.litestreamVersion());
        String sqlite = pinnedImage(s -> s.images() == null ? null : s.images().sqlite(), d.sqliteImage(),
                "images", "sqlite");
        String busybox = pinnedImage(s -> s.images() == null ? null : s.images().busybox(), d.busyboxImage(),
                "images", "busybox");
        String secret = text(SettingsDocument::secret, d.secret(), Names::isDnsSubdomain,
                "is not a Kubernetes Secret name (lower-case letters, digits, '-' and '.')", "secret");
        String bucketEnv = text(SettingsDocument::bucketEnv, d.bucketEnv(), Names::isEnvName,
                "is not an environment variable name such as LITESTREAM_BUCKET", "bucketEnv");
        String endpointEnv = text(SettingsDocument::endpointEnv, d.endpointEnv(), Names::isEnvName,
                "is not an environment variable name such as LITESTREAM_ENDPOINT", "endpointEnv");
        int port = pick(s -> s.metrics() == null ? null : s.metrics().port(), "metrics", "port")
                .map(v -> {
                    if (v.value() < 1024 || v.value() > 65535) {
                        throw v.problem(v.path() + ": " + v.value() + " is not between 1024 and 65535 (the sidecar"
                                + " does not run as root, so it cannot listen below 1024)");
                    }
                    return v.value();
                }, d.metricsPort());
        boolean annotations = pick(s -> s.metrics() == null ? null : s.metrics().annotations(), "metrics",
                "annotations").map(Value::value, d.metricsAnnotations());
        Settings.Resources resources = resources(SettingsDocument::resources, d.resources(), "resources");
        Settings.Resources initResources = resources(SettingsDocument::initResources, d.initResources(),
                "initResources");
        long uid = pick(s -> s.runAs() == null ? null : s.runAs().uid(), "runAs", "uid").map(v -> {
            long id = id(v);
            if (id == 0 && podSecurity != PodSecurityLevel.BASELINE) {
                throw v.problem(v.path() + ": 0 would run the generated containers as root, which the Pod Security"
                        + " Standard \"restricted\" forbids (a namespace that enforces it rejects the pod); run the"
                        + " app as a non-root user and give its uid here, or, for an app that must run as root, write"
                        + " runAs.uid: 0 and 'podSecurity: baseline' in that app's descriptor");
            }
            return id;
        }, d.runAs().uid());
        long gid = pick(s -> s.runAs() == null ? null : s.runAs().gid(), "runAs", "gid")
                .map(SettingsResolver::id, d.runAs().gid());
        OptionalLong fsGroup = pick(SettingsDocument::fsGroup, "fsGroup").map(v -> {
            if (id(v) == 0) {
                throw v.problem(v.path() + ": 0 would give the data volume to group root; give the group the app"
                        + " and Litestream share, usually runAs.gid");
            }
            return OptionalLong.of(v.value());
        }, d.fsGroup());
        boolean fixPermissions = pick(SettingsDocument::fixPermissions, "fixPermissions")
                .map(Value::value, d.fixPermissions());
        boolean nativeSidecar = pick(SettingsDocument::nativeSidecar, "nativeSidecar")
                .map(Value::value, d.nativeSidecar());
        String replicaPrefix = pick(s -> s.litestream() == null ? null : s.litestream().replicaPrefix(),
                "litestream", "replicaPrefix").map(v -> {
                    String problem = Names.relativePathProblem(v.value());
                    if (problem != null) {
                        throw v.problem(v.path() + ": '" + v.value() + "' " + problem);
                    }
                    return v.value();
                }, d.replicaPrefix());
        Optional<String> bucket = literal(SettingsDocument::bucket, SettingsDocument::bucketEnv, "bucket").map(v -> {
            if (!Names.isBucketName(v.value())) {
                throw v.problem(v.path() + ": " + Problem.quote(v.value()) + " is not an S3 bucket name (3 to 63"
                        + " lower-case letters, digits, '.' and '-', starting and ending with a letter or digit)");
            }
            return Optional.of(v.value());
        }, Optional.<String>empty());
        Optional<String> endpoint = literal(SettingsDocument::endpoint, SettingsDocument::endpointEnv, "endpoint")
                .map(v -> {
            if (!Names.isEndpointUrl(v.value())) {
                throw v.problem(v.path() + ": " + Problem.quote(v.value()) + " is not an endpoint URL such as"
                        + " http://minio.lan:9000 (http or https, a host, an optional port, no '$')");
            }
            return Optional.of(v.value());
        }, Optional.<String>empty());
        Optional<Settings.Heartbeat> heartbeat = pick(s -> s.litestream() == null ? null
                : s.litestream().heartbeat(), "litestream", "heartbeat").map(v -> Optional.of(heartbeat(v, version)),
                d.heartbeat());
        return Settings.builder()
                .litestreamImage(image)
                .litestreamVersion(version)
                .sqliteImage(sqlite)
                .busyboxImage(busybox)
                .secret(secret)
                .bucketEnv(bucketEnv)
                .endpointEnv(endpointEnv)
                .metricsPort(port)
                .metricsAnnotations(annotations)
                .resources(resources)
                .runAs(new Settings.RunAs(uid, gid))
                .fixPermissions(fixPermissions)
                .replicaPrefix(replicaPrefix)
                .nativeSidecar(nativeSidecar)
                .initResources(initResources)
                .fsGroup(fsGroup)
                .podSecurity(podSecurity)
                .bucket(bucket)
                .endpoint(endpoint)
                .heartbeat(heartbeat)
                .build();
    }

    /**
     * A heartbeat only where the release reads {@code heartbeat-url} (the release table): an older one would drop
     * the key without a word, and the switch would page for a cluster that is fine, or never be set up at all.
     */
    private static Settings.Heartbeat heartbeat(Value<Documents.HeartbeatDocument> v, LitestreamVersion version) {
        List<Release> readers = ReleaseTable.get().readers(Level.TOP, "heartbeat-url");
        if (!version.release().reads(Level.TOP, "heartbeat-url")) {
            throw v.problem(v.path() + ": Litestream " + version.text() + " does not send heartbeats; the first"
                    + " release that does is " + readers.get(0).version() + " (set litestream.version to it or later,"
                    + " or remove heartbeat)");
        }
        String env = v.value().urlEnv() == null ? HEARTBEAT_URL_ENV : v.value().urlEnv();
        if (!Names.isEnvName(env)) {
            throw v.problem(v.path() + ".urlEnv: '" + env + "' is not an environment variable name such as "
                    + HEARTBEAT_URL_ENV + " (the URL itself goes in the app's Secret, under that name)");
        }
        GoDuration interval = GoDuration.parse("5m");
        if (v.value().interval() != null) {
            try {
                interval = GoDuration.parse(v.value().interval());
            } catch (IllegalArgumentException e) {
                throw v.problem(v.path() + ".interval: " + e.getMessage());
            }
            if (interval.compareTo(HEARTBEAT_MIN) < 0 || interval.compareTo(HEARTBEAT_MAX) > 0) {
                throw v.problem(v.path() + ".interval: " + interval + " is not between " + HEARTBEAT_MIN + " and "
                        + HEARTBEAT_MAX);
            }
        }
        return new Settings.Heartbeat(env, interval);
    }

    /**
     * A {@code requests}/{@code limits} block, each of its four values defaulted on its own and checked where
     * it was written, then checked together as the API server does: a request above its limit, or a zero
     * limit, is refused there; memory in {@code m} (thousandths of a byte, a limit that kills the container at
     * once) is refused as the mistake it always is.
     */
    private Settings.Resources resources(Function<SettingsDocument, ResourcesDocument> block,
            Settings.Resources fallback, String key) {
        Function<SettingsDocument, ResourceListDocument> requests = then(block, ResourcesDocument::requests);
        Function<SettingsDocument, ResourceListDocument> limits = then(block, ResourcesDocument::limits);
        Resource requestsCpu = resource(then(requests, ResourceListDocument::cpu), fallback.requestsCpu(), key,
                "requests", "cpu");
        Resource requestsMemory = resource(then(requests, ResourceListDocument::memory), fallback.requestsMemory(),
                key, "requests", "memory");
        Resource limitsCpu = resource(then(limits, ResourceListDocument::cpu), fallback.limitsCpu(), key, "limits",
                "cpu");
        Resource limitsMemory = resource(then(limits, ResourceListDocument::memory), fallback.limitsMemory(), key,
                "limits", "memory");
        for (Resource limit : List.of(limitsCpu, limitsMemory)) {
            if (limit.quantity().isZero()) {
                throw limit.written().problem(limit.path() + ": " + Problem.quote(limit.quantity().text()) + " is"
                        + " zero; the container could not run at all (leave the key out for the default)");
            }
        }
        for (Resource memory : List.of(requestsMemory, limitsMemory)) {
            if (memory.quantity().isMilli() && !memory.quantity().isZero()) {
                throw memory.written().problem(memory.path() + ": " + Problem.quote(memory.quantity().text())
                        + " is in thousandths of a byte ('m'); write memory in Mi or Gi, such as 128Mi");
            }
        }
        requestWithinLimit(requestsCpu, limitsCpu);
        requestWithinLimit(requestsMemory, limitsMemory);
        return new Settings.Resources(requestsCpu.quantity().text(), requestsMemory.quantity().text(),
                limitsCpu.quantity().text(), limitsMemory.quantity().text());
    }

    /** {@code first}, then {@code second} on its result; null when a key on the way is not written. */
    private static <A, B, C> Function<A, C> then(Function<A, B> first, Function<B, C> second) {
        return a -> {
            B b = first.apply(a);
            return b == null ? null : second.apply(b);
        };
    }

    /** A request above its limit, reported at whichever of the two the user wrote (the request if both). */
    private static void requestWithinLimit(Resource request, Resource limit) {
        if (request.quantity().compareTo(limit.quantity()) <= 0) {
            return;
        }
        // the built-in values agree with each other, so at least one of the two was written by the user
        Resource blamed = request.written() != null ? request : limit;
        Resource other = blamed == request ? limit : request;
        String relation = blamed == request ? " is more than " : " is less than ";
        String origin = other.written() == null ? " (the built-in value)" : "";
        String message = blamed.path() + ": " + blamed.quantity().text() + relation + other.path() + " "
                + other.quantity().text() + origin + "; Kubernetes refuses a request above its limit";
        throw blamed.written().problem(message);
    }

    /** One resource value: where it was written (null for the built-in value) and its quantity. */
    private record Resource(String path, Value<String> written, Quantity quantity) {
    }

    private Resource resource(Function<SettingsDocument, String> getter, String builtIn, String key, String kind,
            String name) {
        String path = key + "." + kind + "." + name;
        Picked<String> picked = pick(getter, key, kind, name);
        if (picked.value() == null) {
            return new Resource(path, null, Quantity.parse(builtIn));
        }
        Value<String> value = picked.value();
        Quantity quantity = Quantity.parse(value.value());
        if (quantity == null) {
            throw value.problem(value.path() + ": " + Problem.quote(value.value()) + " is not a Kubernetes quantity"
                    + " such as 100m or 128Mi");
        }
        return new Resource(value.path().toString(), value, quantity);
    }

    private String text(Function<SettingsDocument, String> getter, String fallback, Predicate<String> valid,
            String problem, String... path) {
        return pick(getter, path).map(v -> {
            if (!valid.test(v.value())) {
                throw v.problem(v.path() + ": " + Problem.quote(v.value()) + " " + problem);
            }
            return v.value();
        }, fallback);
    }

    private String pinnedImage(Function<SettingsDocument, String> getter, String fallback, String... path) {
        return pick(getter, path).map(v -> {
            String problem = Names.pinnedImageProblem(v.value());
            if (problem != null) {
                throw v.problem(v.path() + ": " + Problem.quote(v.value()) + " " + problem);
            }
            return v.value();
        }, fallback);
    }

    private static long id(Value<Long> v) {
        if (v.value() < 0 || v.value() > Integer.MAX_VALUE) {
            throw v.problem(v.path() + ": " + v.value() + " is not a valid id (0 to " + Integer.MAX_VALUE + ")");
        }
        return v.value();
    }

    /**
     * A literal bucket or endpoint, or none: the first layer that sets either the literal or its variable
     * decides (an overlay's {@code bucketEnv} replaces the app's literal {@code bucket}), and one layer may not
     * set both, since only one of them could be used.
     */
    private Picked<String> literal(Function<SettingsDocument, String> literal,
            Function<SettingsDocument, String> variable, String key) {
        for (Layer layer : layers) {
            String value = literal.apply(layer.document());
            if (value != null && variable.apply(layer.document()) != null) {
                throw new Value<>(value, layer.source(), layer.base().key(key)).problem(key + " and " + key + "Env"
                        + " are both set; the config can name the " + key + " only one way: write " + key
                        + " (literal) or " + key + "Env (a variable of the Secret), not both");
            }
            if (value != null) {
                return new Picked<>(new Value<>(value, layer.source(), layer.base().key(key)));
            }
            if (variable.apply(layer.document()) != null) {
                return new Picked<>(null);
            }
        }
        return new Picked<>(null);
    }

    private <T> Picked<T> pick(Function<SettingsDocument, T> getter, String... path) {
        for (Layer layer : layers) {
            T value = getter.apply(layer.document());
            if (value != null) {
                YamlPath at = layer.base();
                for (String key : path) {
                    at = at.key(key);
                }
                return new Picked<>(new Value<>(value, layer.source(), at));
            }
        }
        return new Picked<>(null);
    }

    /** A value and the place it was written, so a problem with it points there. */
    record Value<T>(T value, SourceFile source, YamlPath path) {
        InputException problem(String message) {
            return new InputException(YamlLocator.locate(source, path), message);
        }
    }

    private record Picked<T>(Value<T> value) {
        <R> R map(Function<Value<T>, R> mapper, R fallback) {
            return value == null ? fallback : mapper.apply(value);
        }
    }
}
