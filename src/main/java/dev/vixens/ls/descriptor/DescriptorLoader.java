package dev.vixens.ls.descriptor;

import dev.vixens.ls.descriptor.AppDescriptor.DataVolume;
import dev.vixens.ls.descriptor.AppDescriptor.Database;
import dev.vixens.ls.descriptor.AppDescriptor.Overrides;
import dev.vixens.ls.descriptor.AppDescriptor.Workload;
import dev.vixens.ls.descriptor.AppDescriptor.WorkloadKind;
import dev.vixens.ls.descriptor.Documents.DatabaseDocument;
import dev.vixens.ls.descriptor.Documents.DescriptorDocument;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vixens.ls.profile.GoDuration;
import dev.vixens.ls.profile.IntegrityDepth;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Problem;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.Suggestions;
import dev.vixens.ls.source.YamlBinder;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and validates one app descriptor ({@value #FILE_NAME}). */
public final class DescriptorLoader {

    /** Chosen so no one mistakes it for Litestream's own {@code litestream.yml}. */
    public static final String FILE_NAME = "vixens-backup.yaml";

    private static final List<String> SQLITE_SIDE_FILES = List.of("-wal", "-shm", "-journal");
    /**
     * Directories of the container images themselves: the data volume mounted there hides what the image
     * holds (mounted at /etc, busybox, sqlite3 and Litestream lose their passwd, CA certificates and resolver).
     */
    private static final List<String> SYSTEM_DIRECTORIES = List.of("/", "/bin", "/boot", "/dev", "/etc", "/lib",
            "/lib32", "/lib64", "/libx32", "/proc", "/run", "/sbin", "/sys", "/usr", "/usr/bin", "/usr/lib",
            "/usr/lib64", "/usr/local", "/usr/local/bin", "/usr/local/lib", "/usr/sbin", "/usr/share", "/var",
            "/var/run");
    /** Kernel file systems: nothing can be stored there. */
    private static final List<String> KERNEL_TREES = List.of("/proc/", "/sys/", "/dev/");
    /**
     * Databases per app. Each backed-up database adds a restore init container of about 2.6 KB to the pod
     * template. A workload applied with client-side {@code kubectl apply} (Argo CD's default sync) is copied
     * into its {@code last-applied-configuration} annotation, and Kubernetes limits all annotations of an object
     * together to 256 KiB: 50 databases use about half of that, and leave the other half to the app's own spec.
     */
    public static final int MAX_DATABASES = 50;
    /** SQLite's largest database: its maximum page count (2^32 - 2) times its largest page (64 KiB). */
    private static final BigDecimal MAX_DATABASE_BYTES = BigDecimal.valueOf(4294967294L * 65536L);
    /** SQLite's unix file system layer refuses a path longer than 512 bytes; its side files add 8. */
    public static final int MAX_DATABASE_PATH = 500;
    /** A drill schedule: five cron fields, or one of the macros Kubernetes' CronJob controller understands. */
    private static final Pattern CRON_FIELD = Pattern.compile("[0-9A-Za-z*/,?-]+");
    private static final List<String> CRON_MACROS = List.of("@yearly", "@annually", "@monthly", "@weekly",
            "@daily", "@midnight", "@hourly");

    /**
     * What the text values of a descriptor (and of the repository's defaults) look like, for messages about a
     * value of the wrong type: {@code syncInterval: 1} is "expected a duration", not "expected text".
     */
    public static final YamlBinder.Expectations EXPECTATIONS = path -> {
        List<Object> segments = path.segments();
        Object last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        if (last.equals("syncInterval") || last.equals("snapshotInterval") || last.equals("retention")) {
            return "a duration such as " + GoDuration.EXAMPLES;
        }
        if (last.equals("version") && segments.contains("litestream")) {
            return "a Litestream version such as " + SettingsResolver.BUILT_IN.litestreamVersion().text();
        }
        return null;
    };

    private final SourceFile source;
    private final DescriptorDocument doc;

    private DescriptorLoader(SourceFile source, DescriptorDocument doc) {
        this.source = source;
        this.doc = doc;
    }

    /**
     * @param directory the app directory relative to the repository root; its last segment is the app name
     * @param defaults the repository's defaults layer, or null
     */
    public static AppDescriptor load(SourceFile source, String directory, SettingsResolver.Layer defaults) {
        DescriptorDocument doc = YamlBinder.bind(source, DescriptorDocument.class, EXPECTATIONS);
        return new DescriptorLoader(source, doc).validate(directory, defaults);
    }

    private AppDescriptor validate(String directory, SettingsResolver.Layer defaults) {
        String dirName = directory.substring(directory.lastIndexOf('/') + 1);
        YamlPath appAt = YamlPath.of("app");
        String app = required(doc.app(), appAt, "the app name, equal to its directory name '" + dirName + "'");
        if (!Names.isDnsLabel(app) || app.length() > 40) {
            throw problem(appAt, "app: " + quote(app) + " is not a valid app name (" + Names.labelRule(40) + ")");
        }
        if (!app.equals(dirName)) {
            throw problem(appAt, "app: " + quote(app) + " does not match its directory name '" + dirName
                    + "'; the directory name is the app name");
        }
        YamlPath namespaceAt = YamlPath.of("namespace");
        String namespace = required(doc.namespace(), namespaceAt, "the app's Kubernetes namespace");
        if (!Names.isDnsLabel(namespace)) {
            throw problem(namespaceAt, "namespace: " + quote(namespace) + " is not a valid namespace name ("
                    + Names.labelRule(63) + ")");
        }
        Workload workload = workload();
        DataVolume volume = volume();
        List<Database> databases = databases(app, volume);
        List<SettingsResolver.Layer> layers = new ArrayList<>();
        layers.add(new SettingsResolver.Layer(doc.settings(), source, YamlPath.ROOT));
        if (defaults != null) {
            layers.add(defaults);
        }
        PodSecurityLevel podSecurity = podSecurity();
        Settings settings = SettingsResolver.resolve(layers, podSecurity);
        if (podSecurity == PodSecurityLevel.BASELINE && settings.runAs().uid() != 0) {
            throw problem(YamlPath.of("podSecurity"), "podSecurity: baseline only lets the generated containers run"
                    + " as root (runAs.uid: 0); with runAs.uid " + settings.runAs().uid() + " they meet"
                    + " \"restricted\" already: remove podSecurity");
        }
        return new AppDescriptor(app, namespace, workload, volume, databases, settings, source, directory,
                drill(), overlays(layers));
    }

    /** Each {@code overlays.<name>} entry: a directory name, and settings layered over the app's. */
    private List<AppDescriptor.OverlaySettings> overlays(List<SettingsResolver.Layer> appLayers) {
        List<AppDescriptor.OverlaySettings> overlays = new ArrayList<>();
        if (doc.overlays() == null) {
            return overlays;
        }
        for (Map.Entry<String, Documents.OverlayDocument> entry : doc.overlays().entrySet()) {
            String name = entry.getKey();
            YamlPath at = YamlPath.of("overlays", name);
            if (!Names.isDnsLabel(name)) {
                throw new InputException(YamlLocator.locateKey(source, at), "overlays: " + quote(name) + " is not an"
                        + " overlay directory name this tool can use (" + Names.labelRule(63) + "); it names the"
                        + " overlay's generated Component too");
            }
            Documents.OverlayDocument overlay = entry.getValue();
            if (overlay == null || overlay.secret() == null && overlay.bucketEnv() == null
                    && (overlay.litestream() == null || overlay.litestream().replicaPrefix() == null)) {
                throw problem(at, at + ": sets nothing; give the overlay its own litestream.replicaPrefix, secret"
                        + " or bucketEnv (or remove the entry)");
            }
            List<SettingsResolver.Layer> layers = new ArrayList<>();
            layers.add(new SettingsResolver.Layer(Documents.SettingsDocument.ofOverlay(overlay), source, at));
            layers.addAll(appLayers);
            overlays.add(new AppDescriptor.OverlaySettings(name, SettingsResolver.resolve(layers)));
        }
        return overlays;
    }

    /** Per app only, never a repository default: see {@link PodSecurityLevel}. */
    private PodSecurityLevel podSecurity() {
        if (doc.podSecurity() == null) {
            return PodSecurityLevel.RESTRICTED;
        }
        return PodSecurityLevel.parse(doc.podSecurity()).orElseThrow(() -> problem(YamlPath.of("podSecurity"),
                "podSecurity: " + quote(doc.podSecurity()) + " is not one of: "
                        + String.join(", ", PodSecurityLevel.keys())
                        + Suggestions.didYouMean(doc.podSecurity(), PodSecurityLevel.keys())));
    }

    private Optional<AppDescriptor.Drill> drill() {
        if (doc.drill() == null) {
            return Optional.empty();
        }
        YamlPath at = YamlPath.of("drill", "schedule");
        String schedule = required(doc.drill().schedule(), at, "a cron schedule such as \"0 4 * * 0\"").strip();
        String[] fields = schedule.split("\\s+");
        boolean valid = CRON_MACROS.contains(schedule)
                || fields.length == 5 && Arrays.stream(fields).allMatch(f -> CRON_FIELD.matcher(f).matches());
        if (!valid) {
            throw problem(at, "drill.schedule: '" + schedule + "' is not a cron schedule; write five fields (minute"
                    + " hour day-of-month month day-of-week), e.g. \"0 4 * * 0\", or one of "
                    + String.join(", ", CRON_MACROS));
        }
        return Optional.of(new AppDescriptor.Drill(schedule));
    }

    private Workload workload() {
        YamlPath at = YamlPath.of("workload");
        if (doc.workload() == null) {
            throw missing(at, "kind, name and container of the app's Deployment or StatefulSet");
        }
        YamlPath kindAt = at.key("kind");
        String kindText = required(doc.workload().kind(), kindAt, "Deployment or StatefulSet");
        WorkloadKind kind = switch (kindText) {
            case "Deployment" -> WorkloadKind.DEPLOYMENT;
            case "StatefulSet" -> WorkloadKind.STATEFUL_SET;
            default -> throw problem(kindAt, kindAt + ": " + quote(kindText) + " is not one of: Deployment,"
                    + " StatefulSet" + Suggestions.didYouMean(kindText, List.of("Deployment", "StatefulSet")));
        };
        YamlPath nameAt = at.key("name");
        String name = required(doc.workload().name(), nameAt, "metadata.name of the workload in the app's base");
        if (!Names.isDnsSubdomain(name)) {
            throw problem(nameAt, nameAt + ": " + quote(name) + " is not a valid Kubernetes object name ("
                    + Names.DNS_SUBDOMAIN_RULE + ")");
        }
        YamlPath containerAt = at.key("container");
        String container = required(doc.workload().container(), containerAt, "the name of the app's own"
                + " container");
        if (!Names.isDnsLabel(container)) {
            throw problem(containerAt, containerAt + ": " + quote(container) + " is not a valid container name ("
                    + Names.labelRule(63) + ")");
        }
        return new Workload(kind, name, container);
    }

    private DataVolume volume() {
        YamlPath at = YamlPath.of("volume");
        if (doc.volume() == null) {
            throw missing(at, "name and mountPath of the pod volume that holds the databases");
        }
        YamlPath nameAt = at.key("name");
        String name = required(doc.volume().name(), nameAt, "the pod volume that holds the databases");
        if (!Names.isDnsLabel(name)) {
            throw problem(nameAt, nameAt + ": " + quote(name) + " is not a valid volume name ("
                    + Names.labelRule(63) + ")");
        }
        if (name.startsWith("litestream")) {
            throw problem(nameAt, nameAt + ": " + quote(name) + " starts with 'litestream', which is reserved for"
                    + " the generated volumes");
        }
        YamlPath mountAt = at.key("mountPath");
        String mountPath = required(doc.volume().mountPath(), mountAt, "where the volume is mounted in the app's"
                + " container");
        String pathProblem = Names.absolutePathProblem(mountPath);
        if (pathProblem != null) {
            throw problem(mountAt, mountAt + ": " + quote(mountPath) + " " + pathProblem);
        }
        if (SYSTEM_DIRECTORIES.contains(mountPath) || KERNEL_TREES.stream().anyMatch(mountPath::startsWith)) {
            throw problem(mountAt, mountAt + ": " + quote(mountPath) + " is a system directory of the container"
                    + " images; the data volume mounted there would hide what they hold (the init containers and the"
                    + " sidecar would not start). Mount it at the app's own directory, such as /data");
        }
        return new DataVolume(name, mountPath);
    }

    private List<Database> databases(String app, DataVolume volume) {
        YamlPath at = YamlPath.of("databases");
        if (doc.databases() == null) {
            throw missing(at, "the list of the app's SQLite databases, each with a path and a profile");
        }
        if (doc.databases().isEmpty()) {
            throw problem(at, "databases: the list is empty; declare at least one database (path, profile)");
        }
        if (doc.databases().size() > MAX_DATABASES) {
            throw problem(at.index(MAX_DATABASES), at.index(MAX_DATABASES) + ": more than " + MAX_DATABASES
                    + " databases (this list has " + doc.databases().size() + "); an app has at most " + MAX_DATABASES
                    + " (each adds an init container to the pod, and a workload applied"
                    + " with kubectl apply must stay within Kubernetes' 256 KiB of annotations); split the app's"
                    + " databases over several volumes or apps, or make caches ephemeral");
        }
        List<Database> result = new ArrayList<>();
        Map<String, Integer> paths = new HashMap<>();
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> replicaPaths = new HashMap<>();
        for (int i = 0; i < doc.databases().size(); i++) {
            DatabaseDocument db = doc.databases().get(i);
            YamlPath item = at.index(i);
            if (db == null) {
                throw problem(item, item + ": empty list item; expected a database (path, profile)");
            }
            YamlPath pathAt = item.key("path");
            String path = databasePath(pathAt, db.path(), volume.mountPath());
            claim(paths, path, i, pathAt, first -> quote(path) + " is already declared by " + first);
            String profile = required(db.profile(), item.key("profile"), "critical, standard, relaxed, ephemeral"
                    + " or a repository profile");
            YamlPath nameAt = db.name() == null ? pathAt : item.key("name");
            String name = databaseName(nameAt, db.name(), path);
            claim(names, name, i, nameAt, first -> (db.name() == null ? "the name " + quote(name)
                    + " (from the file name)" : quote(name)) + " is already used by " + first + "; database names"
                    + " are used in container names, set 'name:' to tell them apart");
            YamlPath replicaAt = db.replicaPath() == null ? pathAt : item.key("replicaPath");
            String replicaPath = db.replicaPath() == null
                    ? Names.defaultReplicaPath(app, volume.mountPath(), path)
                    : explicitReplicaPath(replicaAt, db.replicaPath());
            claim(replicaPaths, replicaPath, i, replicaAt, first -> "the replica path " + quote(replicaPath)
                    + " is already used by " + first + "; two databases would overwrite each other's backups");
            Overrides overrides = db.overrides() == null ? Overrides.NONE : new Overrides(
                    db.overrides().syncInterval(), db.overrides().snapshotInterval(), db.overrides().retention(),
                    integrityDepth(item.key("overrides").key("integrityCheck"), db.overrides().integrityCheck()));
            result.add(new Database(i, path, name, replicaPath, profile, overrides,
                    expectedSize(item.key("expectedSize"), db.expectedSize())));
        }
        return result;
    }

    /**
     * A database's {@code expectedSize}: a Kubernetes quantity of bytes, more than zero and no more than the
     * largest database SQLite can hold, so an estimate made from it is about a real file.
     */
    private Optional<AppDescriptor.ExpectedSize> expectedSize(YamlPath at, JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String expected = "; expected a size such as 500Mi or 2Gi (units Ki, Mi, Gi, Ti, or k, M, G, T)";
        if (!node.isTextual() && !node.isNumber()) {
            String got = node.isObject() ? "a mapping" : node.isArray() ? "a list" : quote(node.asText());
            throw problem(at, at + ": " + got + " is not a size" + expected);
        }
        // a number of bytes is a quantity too, as Kubernetes reads it
        String value = node.isNumber() ? node.numberValue().toString() : node.textValue();
        String text = value.strip();
        if (text.startsWith("-")) {
            throw problem(at, at + ": " + quote(value) + " is negative" + expected);
        }
        String tooLarge = " is larger than SQLite's largest possible database (about 256Ti: 4294967294 pages of 64"
                + " KiB)";
        if (text.matches("[0-9.]+(P|E|Pi|Ei)")) {
            throw problem(at, at + ": " + quote(value) + tooLarge + expected);
        }
        Quantity quantity = Quantity.parse(text);
        if (quantity == null) {
            throw problem(at, at + ": " + quote(value) + " is not a size" + expected);
        }
        if (quantity.isMilli()) {
            throw problem(at, at + ": " + quote(value) + " is in thousandths of a byte (m)" + expected);
        }
        if (quantity.value().compareTo(BigDecimal.ONE) < 0) {
            throw problem(at, at + ": " + quote(value) + " is " + (quantity.isZero() ? "zero" : "less than a byte")
                    + expected + "; leave the key out when the size is not known");
        }
        if (quantity.value().compareTo(MAX_DATABASE_BYTES) > 0) {
            throw problem(at, at + ": " + quote(value) + tooLarge + expected);
        }
        return Optional.of(new AppDescriptor.ExpectedSize(text, quantity.value().longValue()));
    }

    /** A database file: a safe absolute path strictly below the mount path, and not one of SQLite's side files. */
    private String databasePath(YamlPath at, String value, String mountPath) {
        String path = required(value, at, "the absolute path of the database file, below " + mountPath);
        if (path.length() > MAX_DATABASE_PATH) {
            throw problem(at, at + ": " + quote(path) + " is longer than " + MAX_DATABASE_PATH + " characters;"
                    + " SQLite cannot open a path that long");
        }
        String pathProblem = Names.absolutePathProblem(path);
        if (pathProblem != null) {
            throw problem(at, at + ": " + quote(path) + " " + pathProblem);
        }
        if (path.equals(mountPath)) {
            throw problem(at, at + ": " + quote(path) + " is the volume's mount path itself; give the database file"
                    + " below it, e.g. " + mountPath + "/app.db");
        }
        if (!path.startsWith(mountPath + "/")) {
            throw problem(at, at + ": " + quote(path) + " is outside the data volume mounted at " + mountPath
                    + "; the sidecar and init containers only see that volume");
        }
        for (String suffix : SQLITE_SIDE_FILES) {
            if (path.endsWith(suffix)) {
                throw problem(at, at + ": " + quote(path) + " is a SQLite " + suffix + " side file; declare the"
                        + " database itself ('" + path.substring(0, path.length() - suffix.length()) + "')");
            }
        }
        return path;
    }

    /** The explicit {@code name:}, or one derived from the file name; either ends up in container names. */
    private String databaseName(YamlPath at, String explicit, String path) {
        if (explicit == null) {
            String name = defaultName(path);
            if (name.length() > 40) {
                throw problem(at, at + ": the database name taken from the file name, " + quote(name) + ", is longer"
                        + " than 40 characters; set a shorter 'name:'");
            }
            return name;
        }
        if (!Names.isDnsLabel(explicit) || explicit.length() > 40) {
            throw problem(at, at + ": " + quote(explicit) + " is not a valid database name (" + Names.labelRule(40)
                    + "); it is used in container names");
        }
        return explicit;
    }

    private String explicitReplicaPath(YamlPath at, String replicaPath) {
        String problem = Names.relativePathProblem(replicaPath);
        if (problem != null) {
            throw problem(at, at + ": " + quote(replicaPath) + " " + problem
                    + (replicaPath.startsWith("/") ? "; it is a path inside the bucket" : ""));
        }
        return replicaPath;
    }

    /**
     * Records {@code value} for database {@code index}; refuses it when an earlier database has it, with the
     * message {@code alreadyUsed} makes from that database's path ({@code databases[0]}).
     */
    private void claim(Map<String, Integer> seen, String value, int index, YamlPath at,
            Function<YamlPath, String> alreadyUsed) {
        Integer first = seen.putIfAbsent(value, index);
        if (first != null) {
            throw problem(at, at + ": " + alreadyUsed.apply(YamlPath.of("databases", first)));
        }
    }

    /** {@code client.mappings.db} becomes {@code client-mappings}: the file name without its extension. */
    public static String defaultName(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        if (dot > 0) {
            file = file.substring(0, dot);
        }
        String name = file.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "db" : name;
    }

    /** The value, or a problem at the mapping that lacks it; {@code what} says what the key holds. */
    private String required(String value, YamlPath at, String what) {
        if (value == null) {
            throw missing(at, what);
        }
        if (value.isBlank()) {
            throw problem(at, at + ": is empty; expected " + what);
        }
        return value;
    }

    private InputException missing(YamlPath at, String what) {
        if (YamlLocator.has(source, at)) {
            return problem(at, at + ": has no value; expected " + what);
        }
        List<Object> segments = at.segments();
        YamlPath parent = new YamlPath(segments.subList(0, segments.size() - 1));
        String key = String.valueOf(segments.get(segments.size() - 1));
        return problem(at, (parent.segments().isEmpty() ? "" : parent + ": ") + "missing '" + key + "' ("
                + what + ")");
    }

    private static String quote(String value) {
        return Problem.quote(value);
    }

    /**
     * A database's integrity check: a depth word, or the boolean of descriptors written before depths existed
     * (true is a full check, false none).
     */
    private Optional<IntegrityDepth> integrityDepth(YamlPath at, JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue() ? IntegrityDepth.FULL : IntegrityDepth.OFF);
        }
        String expected = at + ": expected true, false, " + String.join(", ", IntegrityDepth.WORDS.subList(0, 2))
                + " or off, got ";
        if (!node.isTextual()) {
            throw problem(at, expected + (node.isObject() ? "a mapping" : node.isArray() ? "a list"
                    : node.isNumber() ? "the number " + node.asText() : node.asText()));
        }
        String text = node.textValue();
        if (IntegrityDepth.WORDS.contains(text)) {
            return Optional.of(IntegrityDepth.parse(text));
        }
        String hint = text.equals("true") || text.equals("false") ? "; remove the quotes"
                : Suggestions.didYouMean(text, IntegrityDepth.WORDS);
        throw problem(at, expected + "the text " + quote(text) + hint);
    }

    private InputException problem(YamlPath at, String message) {
        return new InputException(YamlLocator.locate(source, at), message);
    }
}
