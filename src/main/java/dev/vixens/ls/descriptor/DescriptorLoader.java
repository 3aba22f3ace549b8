package dev.vixens.ls.descriptor;

import dev.vixens.ls.descriptor.AppDescriptor.DataVolume;
import dev.vixens.ls.descriptor.AppDescriptor.Database;
import dev.vixens.ls.descriptor.AppDescriptor.Overrides;
import dev.vixens.ls.descriptor.AppDescriptor.Workload;
import dev.vixens.ls.descriptor.AppDescriptor.WorkloadKind;
import dev.vixens.ls.descriptor.Documents.DatabaseDocument;
import dev.vixens.ls.descriptor.Documents.DescriptorDocument;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.SourceFile;
import dev.vixens.ls.source.YamlBinder;
import dev.vixens.ls.source.YamlLocator;
import dev.vixens.ls.source.YamlPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and validates one app descriptor ({@value #FILE_NAME}). */
public final class DescriptorLoader {

    /** Chosen so no one mistakes it for Litestream's own {@code litestream.yml}. */
    public static final String FILE_NAME = "vixens-backup.yaml";

    private static final List<String> SQLITE_SIDE_FILES = List.of("-wal", "-shm", "-journal");
    /** A drill schedule: five cron fields, or one of the macros Kubernetes' CronJob controller understands. */
    private static final Pattern CRON_FIELD = Pattern.compile("[0-9A-Za-z*/,?-]+");
    private static final List<String> CRON_MACROS = List.of("@yearly", "@annually", "@monthly", "@weekly",
            "@daily", "@midnight", "@hourly");

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
        DescriptorDocument doc = YamlBinder.bind(source, DescriptorDocument.class);
        return new DescriptorLoader(source, doc).validate(directory, defaults);
    }

    private AppDescriptor validate(String directory, SettingsResolver.Layer defaults) {
        String dirName = directory.substring(directory.lastIndexOf('/') + 1);
        String app = required(doc.app(), YamlPath.of("app"));
        if (!Names.isDnsLabel(app) || app.length() > 40) {
            throw problem(YamlPath.of("app"), "app: '" + app + "' must be a lower-case DNS label of at most 40"
                    + " characters (letters, digits, '-')");
        }
        if (!app.equals(dirName)) {
            throw problem(YamlPath.of("app"), "app: '" + app + "' must match its directory name '" + dirName + "'");
        }
        String namespace = required(doc.namespace(), YamlPath.of("namespace"));
        if (!Names.isDnsLabel(namespace)) {
            throw problem(YamlPath.of("namespace"), "namespace: '" + namespace + "' is not a Kubernetes namespace"
                    + " name");
        }
        Workload workload = workload();
        DataVolume volume = volume();
        List<Database> databases = databases(app, volume);
        List<SettingsResolver.Layer> layers = new ArrayList<>();
        layers.add(new SettingsResolver.Layer(doc.settings(), source, YamlPath.ROOT));
        if (defaults != null) {
            layers.add(defaults);
        }
        Settings settings = SettingsResolver.resolve(layers);
        return new AppDescriptor(app, namespace, workload, volume, databases, settings, source, directory,
                drill());
    }

    private Optional<AppDescriptor.Drill> drill() {
        if (doc.drill() == null) {
            return Optional.empty();
        }
        YamlPath at = YamlPath.of("drill", "schedule");
        String schedule = required(doc.drill().schedule(), at).strip();
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
            throw problem(at, "workload is required (kind, name, container)");
        }
        String kindText = required(doc.workload().kind(), at.key("kind"));
        WorkloadKind kind = switch (kindText) {
            case "Deployment" -> WorkloadKind.DEPLOYMENT;
            case "StatefulSet" -> WorkloadKind.STATEFUL_SET;
            default -> throw problem(at.key("kind"), "workload.kind: '" + kindText
                    + "' is not one of: Deployment, StatefulSet");
        };
        String name = required(doc.workload().name(), at.key("name"));
        if (!Names.isDnsSubdomain(name)) {
            throw problem(at.key("name"), "workload.name: '" + name + "' is not a Kubernetes object name");
        }
        String container = required(doc.workload().container(), at.key("container"));
        if (!Names.isDnsLabel(container)) {
            throw problem(at.key("container"), "workload.container: '" + container + "' is not a container name");
        }
        return new Workload(kind, name, container);
    }

    private DataVolume volume() {
        YamlPath at = YamlPath.of("volume");
        if (doc.volume() == null) {
            throw problem(at, "volume is required (name, mountPath)");
        }
        String name = required(doc.volume().name(), at.key("name"));
        if (!Names.isDnsLabel(name)) {
            throw problem(at.key("name"), "volume.name: '" + name + "' is not a Kubernetes volume name");
        }
        if (name.startsWith("litestream")) {
            throw problem(at.key("name"), "volume.name: names starting with 'litestream' are reserved for the"
                    + " generated volumes");
        }
        String mountPath = required(doc.volume().mountPath(), at.key("mountPath"));
        String pathProblem = Names.absolutePathProblem(mountPath);
        if (pathProblem != null) {
            throw problem(at.key("mountPath"), "volume.mountPath: '" + mountPath + "' " + pathProblem);
        }
        return new DataVolume(name, mountPath);
    }

    private List<Database> databases(String app, DataVolume volume) {
        YamlPath at = YamlPath.of("databases");
        if (doc.databases() == null || doc.databases().isEmpty()) {
            throw problem(at, "databases: at least one database is required");
        }
        List<Database> result = new ArrayList<>();
        Map<String, Integer> paths = new HashMap<>();
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> replicaPaths = new HashMap<>();
        for (int i = 0; i < doc.databases().size(); i++) {
            DatabaseDocument db = doc.databases().get(i);
            YamlPath item = at.index(i);
            if (db == null) {
                throw problem(item, item + ": expected a database (path, profile)");
            }
            String path = required(db.path(), item.key("path"));
            String pathProblem = Names.absolutePathProblem(path);
            if (pathProblem != null) {
                throw problem(item.key("path"), item + ".path: '" + path + "' " + pathProblem);
            }
            String prefix = volume.mountPath() + "/";
            if (!path.startsWith(prefix)) {
                throw problem(item.key("path"), item + ".path: '" + path + "' is outside the data volume mounted at "
                        + volume.mountPath() + "; the sidecar and init containers only see that volume");
            }
            for (String suffix : SQLITE_SIDE_FILES) {
                if (path.endsWith(suffix)) {
                    throw problem(item.key("path"), item + ".path: '" + path + "' is a SQLite " + suffix
                            + " side file; declare the database itself");
                }
            }
            duplicate(paths, path, i, item.key("path"), "database path '" + path + "'");
            String profile = required(db.profile(), item.key("profile"));
            String name = db.name() == null ? defaultName(path) : db.name();
            if (!Names.isDnsLabel(name) || name.length() > 40) {
                throw problem(item.key(db.name() == null ? "path" : "name"), item + ".name: '" + name
                        + "' must be a lower-case DNS label of at most 40 characters; set 'name:' explicitly");
            }
            duplicate(names, name, i, item.key(db.name() == null ? "path" : "name"), "database name '" + name
                    + "' (used in container names; set 'name:' to tell them apart)");
            String replicaPath = db.replicaPath() == null
                    ? app + "/" + path.substring(prefix.length())
                    : db.replicaPath();
            String replicaProblem = Names.relativePathProblem(replicaPath);
            if (replicaProblem != null) {
                throw problem(item.key("replicaPath"), item + ".replicaPath: '" + replicaPath + "' "
                        + replicaProblem);
            }
            duplicate(replicaPaths, replicaPath, i, item.key(db.replicaPath() == null ? "path" : "replicaPath"),
                    "replica path '" + replicaPath + "' (two databases would overwrite each other's backups)");
            Overrides overrides = db.overrides() == null ? Overrides.NONE : new Overrides(
                    db.overrides().syncInterval(), db.overrides().snapshotInterval(), db.overrides().retention(),
                    db.overrides().integrityCheck());
            result.add(new Database(i, path, name, replicaPath, profile, overrides));
        }
        return result;
    }

    private void duplicate(Map<String, Integer> seen, String key, int index, YamlPath at, String what) {
        Integer first = seen.putIfAbsent(key, index);
        if (first != null) {
            throw problem(at, "duplicate " + what + ": already used by databases[" + first + "]");
        }
    }

    /** {@code client.mappings.db} becomes {@code client-mappings}: the file name without its extension. */
    static String defaultName(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        if (dot > 0) {
            file = file.substring(0, dot);
        }
        String name = file.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "db" : name;
    }

    private String required(String value, YamlPath at) {
        if (value == null || value.isBlank()) {
            throw problem(at, at + " is required");
        }
        return value;
    }

    private InputException problem(YamlPath at, String message) {
        return new InputException(YamlLocator.locate(source, at), message);
    }
}
