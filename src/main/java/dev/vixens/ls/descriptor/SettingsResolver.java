package dev.vixens.ls.descriptor;

import dev.vixens.ls.descriptor.Documents.SettingsDocument;
import dev.vixens.ls.litestream.LitestreamVersion;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Applies the layers of optional settings (descriptor, then repository defaults, then built-in values) and
 * checks each value where it was written, so that a bad default is reported in the repository config and a
 * bad override in the descriptor.
 */
public final class SettingsResolver {

    /** The values used when neither the descriptor nor the repository says otherwise (ADR-014's values). */
    public static final Settings BUILT_IN = new Settings(
            "litestream/litestream",
            LitestreamVersion.parse(LitestreamVersion.VERIFIED_03),
            "keinos/sqlite3:3.46.1",
            "busybox:1.37.0",
            "litestream-shared-secrets",
            "LITESTREAM_BUCKET",
            "LITESTREAM_ENDPOINT",
            9090,
            true,
            new Settings.Resources("10m", "64Mi", "100m", "128Mi"),
            new Settings.RunAs(1000, 1000),
            false,
            "",
            false);

    /** One layer of settings and where it was written. */
    public record Layer(SettingsDocument document, SourceFile source, YamlPath base) {
    }

    private final List<Layer> layers;

    private SettingsResolver(List<Layer> layers) {
        this.layers = layers;
    }

    /** Layers in priority order: the first that sets a value wins. */
    public static Settings resolve(List<Layer> layers) {
        return new SettingsResolver(layers).resolve();
    }

    private Settings resolve() {
        Settings d = BUILT_IN;
        String image = text(s -> s.litestream() == null ? null : s.litestream().image(), d.litestreamImage(),
                Names::isImageRepository, "is not an image repository such as litestream/litestream (give the"
                        + " version under litestream.version, not as a tag)", "litestream", "image");
        LitestreamVersion version = pick(s -> s.litestream() == null ? null : s.litestream().version(),
                "litestream", "version")
                .map(v -> {
                    try {
                        return LitestreamVersion.parse(v.value());
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
        Settings.Resources resources = resources(d.resources());
        long uid = id(s -> s.runAs() == null ? null : s.runAs().uid(), d.runAs().uid(), "runAs", "uid");
        long gid = id(s -> s.runAs() == null ? null : s.runAs().gid(), d.runAs().gid(), "runAs", "gid");
        boolean fixPermissions = pick(SettingsDocument::fixPermissions, "fixPermissions")
                .map(Value::value, d.fixPermissions());
        boolean nativeSidecar = pick(SettingsDocument::nativeSidecar, "nativeSidecar")
                .map(Value::value, d.nativeSidecar());
        String replicaPrefix = pick(s -> s.litestream() == null ? null : s.litestream().replicaPrefix(),
                "litestream", "replicaPrefix").map(v -> {
                    String problem = Names.relativePathProblem(v.value());
                    if (problem != null) {
                        throw v.problem("litestream.replicaPrefix: '" + v.value() + "' " + problem);
                    }
                    return v.value();
                }, d.replicaPrefix());
        return new Settings(image, version, sqlite, busybox, secret, bucketEnv, endpointEnv, port, annotations,
                resources, new Settings.RunAs(uid, gid), fixPermissions, replicaPrefix, nativeSidecar);
    }

    /**
     * The sidecar's requests and limits, each checked where it was written, and checked together as the API
     * server does: a request above its limit, or a zero limit, is refused there; memory in {@code m} (thousandths
     * of a byte, a limit that kills the sidecar at once) is refused as the mistake it always is.
     */
    private Settings.Resources resources(Settings.Resources builtIn) {
        Resource requestsCpu = resource(s -> s.resources() == null || s.resources().requests() == null ? null
                : s.resources().requests().cpu(), builtIn.requestsCpu(), "requests", "cpu");
        Resource requestsMemory = resource(s -> s.resources() == null || s.resources().requests() == null ? null
                : s.resources().requests().memory(), builtIn.requestsMemory(), "requests", "memory");
        Resource limitsCpu = resource(s -> s.resources() == null || s.resources().limits() == null ? null
                : s.resources().limits().cpu(), builtIn.limitsCpu(), "limits", "cpu");
        Resource limitsMemory = resource(s -> s.resources() == null || s.resources().limits() == null ? null
                : s.resources().limits().memory(), builtIn.limitsMemory(), "limits", "memory");
        for (Resource limit : List.of(limitsCpu, limitsMemory)) {
            if (limit.quantity().isZero()) {
                throw limit.written().problem(limit.path() + ": " + Problem.quote(limit.quantity().text()) + " is"
                        + " zero; the sidecar could not run at all (leave the key out for the default)");
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

    private Resource resource(Function<SettingsDocument, String> getter, String builtIn, String kind, String name) {
        String path = "resources." + kind + "." + name;
        Picked<String> picked = pick(getter, "resources", kind, name);
        if (picked.value() == null) {
            return new Resource(path, null, Quantity.parse(builtIn));
        }
        Value<String> value = picked.value();
        Quantity quantity = Names.isQuantity(value.value()) ? Quantity.parse(value.value()) : null;
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

    private long id(Function<SettingsDocument, Long> getter, long fallback, String... path) {
        return pick(getter, path).map(v -> {
            if (v.value() < 0 || v.value() > Integer.MAX_VALUE) {
                throw v.problem(v.path() + ": " + v.value() + " is not a valid id (0 to " + Integer.MAX_VALUE + ")");
            }
            return v.value();
        }, fallback);
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
