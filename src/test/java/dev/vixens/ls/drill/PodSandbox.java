package dev.vixens.ls.drill;

import dev.vixens.ls.testing.Processes;
import dev.vixens.ls.testing.ProjectFiles;
import dev.vixens.ls.testing.S3ProxyServer;
import dev.vixens.ls.testing.TestTools;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Runs the containers of one rendered pod spec on this machine, as the kubelet would, against real
 * {@code sqlite3}, the real Litestream binary and a real S3 server.
 *
 * <p>What is faithful: the command and args exactly as rendered (the {@code sh -c} script included), with
 * Kubernetes' {@code $(VAR)} expansion from the container's {@code env}/{@code envFrom} (Secrets and
 * ConfigMaps given by the test, ConfigMaps from the build); init containers in order, each to completion,
 * stopping at the first failure (the pod would not start); init containers with {@code restartPolicy:
 * Always} (native sidecars) started and left running; ConfigMap volumes materialised as files, one per key;
 * an environment holding only the container's variables.
 *
 * <p>What differs, on purpose, because there is no container runtime here:
 * <ul>
 *   <li><b>Volumes.</b> Each volume (a PVC, an {@code emptyDir} such as the scratch space mounted at
 *       {@code /tmp}) is a directory under the sandbox root, empty when the sandbox starts, and the mount paths
 *       are rewritten onto it: an argument or an environment variable's value that is a mount path, or starts
 *       with one followed by {@code /}, has that prefix replaced by the volume's directory (longest mount path
 *       first); so {@code TMPDIR=/tmp} sends temporary files to the scratch volume's directory. The same
 *       rewrite is applied to {@code dbs[].path} of a Litestream config read from a ConfigMap volume (after
 *       expanding {@code $VAR}/{@code ${VAR}} in it, as Litestream would), so the database a script names and
 *       the one Litestream replicates are the same file. Script text is never rewritten: the tool passes paths
 *       as arguments only, and a script that hard-coded one would fail here. Arguments are pod paths only (a
 *       host path below a mount path, e.g. under {@code /tmp}, would be rewritten too).</li>
 *   <li><b>Metrics address.</b> A Litestream config's {@code addr} (":9090" in a pod's own network) becomes
 *       {@code 127.0.0.1:<free port>}: servers started by tests listen on loopback only, and concurrent
 *       builds must not collide.</li>
 *   <li><b>Images.</b> The host's {@code /bin/sh} (dash) stands in for the images' shells (busybox ash), all
 *       POSIX; {@code PATH} starts with a directory holding {@code litestream} and {@code sqlite3}, then the
 *       host's. A container without {@code command} runs its image's entrypoint, known for the Litestream
 *       image only.</li>
 *   <li><b>Security context and resources are not reproduced.</b> Everything runs as the test user, with its
 *       capabilities, on a writable root file system, without seccomp or limits: not the uid/gid (so no
 *       ownership problem between containers shows here; fix-permissions' chown needs root, as it runs as
 *       root in the pod), not {@code fsGroup}, not the dropped capabilities, not {@code readOnlyRootFilesystem}
 *       (a tool that wrote outside its volumes and {@code TMPDIR} would pass here and fail in the pod), not the
 *       requests and limits. Those are judged on the built manifests instead ({@code PodSecurityStandard}), and
 *       the read-only root was tried by hand with the real tools (see {@code ScratchSpace}).</li>
 *   <li><b>Safety.</b> {@code AWS_EC2_METADATA_DISABLED=true} and {@code HOME} in the sandbox, so no AWS
 *       client ever looks beyond loopback or at the user's credentials.</li>
 * </ul>
 */
public final class PodSandbox implements AutoCloseable {

    private static final String LITESTREAM_IMAGE = "litestream/litestream:";
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final Pattern GO_ENV = Pattern.compile(
            "\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private final Map<String, Object> spec;
    private final KubeEnv.Sources sources;
    private final Path root;
    private final Path bin;
    private final Map<String, Integer> metricsPorts = new LinkedHashMap<>();
    /** Containers whose ConfigMap volumes are on disk: written once, as a running process may read them. */
    private final Set<String> materialised = new HashSet<>();
    private final List<Running> running = new ArrayList<>();

    private PodSandbox(Map<String, Object> spec, KubeEnv.Sources sources, Path root, Path bin) {
        this.spec = spec;
        this.sources = sources;
        this.root = root;
        this.bin = bin;
    }

    /** A sandbox for the pod {@code spec} under {@code root} (a fresh directory per test). */
    public static PodSandbox of(Map<String, Object> spec, KubeEnv.Sources sources, Path root) {
        try {
            Path bin = Files.createDirectories(root.resolve("bin"));
            link(bin.resolve("litestream"), TestTools.litestream());
            link(bin.resolve("sqlite3"), TestTools.sqlite3());
            Files.createDirectories(root.resolve("home"));
            Files.createDirectories(root.resolve("logs"));
            return new PodSandbox(spec, sources, root, bin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void link(Path link, Path target) throws IOException {
        if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, target);
        }
    }

    /** One container that ran to its end. */
    public record ContainerRun(String name, int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** The init containers that ran, in order; the last one failed when the start-up failed. */
    public record StartUp(List<ContainerRun> runs) {
        public boolean succeeded() {
            return runs.stream().allMatch(ContainerRun::succeeded);
        }

        public List<String> names() {
            return runs.stream().map(ContainerRun::name).toList();
        }

        public ContainerRun run(String name) {
            return runs.stream().filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("init container " + name + " did not run; ran " + names()));
        }

        /** Every container's output, for assertion messages. */
        public String log() {
            StringBuilder out = new StringBuilder();
            for (ContainerRun run : runs) {
                out.append("--- ").append(run.name()).append(" (exit ").append(run.exitCode()).append(")\n")
                        .append(run.output());
            }
            return out.toString();
        }
    }

    /** A container running in the background (a sidecar). */
    public final class Running {
        private final String name;
        private final Process process;
        private final Path log;

        private Running(String name, Process process, Path log) {
            this.name = name;
            this.process = process;
            this.log = log;
        }

        public String name() {
            return name;
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        public String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** SIGTERM, as when the pod stops, then SIGKILL after the grace period. */
        public ContainerRun stop() {
            int code = process.isAlive() ? Processes.stop(process, STOP_GRACE) : process.exitValue();
            running.remove(this);
            return new ContainerRun(name, code, output());
        }
    }

    /**
     * The pod's start-up: every init container in order. A regular one runs to its end and a failure stops
     * the start-up there; one with {@code restartPolicy: Always} is started and left running.
     */
    public StartUp start() {
        List<ContainerRun> runs = new ArrayList<>();
        for (Map<String, Object> container : containers("initContainers")) {
            String name = String.valueOf(container.get("name"));
            if ("Always".equals(container.get("restartPolicy"))) {
                Running sidecar = launch(container);
                runs.add(new ContainerRun(name, 0, "(native sidecar started)\n"));
                if (!sidecar.isAlive()) {
                    runs.set(runs.size() - 1, sidecar.stop());
                    break;
                }
                continue;
            }
            ContainerRun run = runToEnd(container);
            runs.add(run);
            if (!run.succeeded()) {
                break;
            }
        }
        return new StartUp(runs);
    }

    /** Starts the regular container {@code name} in the background; stopped by {@link #close()} at the latest. */
    public Running background(String name) {
        return launch(container(name));
    }

    /** Runs the container {@code name} (init or regular) to its end: a Job's container, or one step alone. */
    public ContainerRun run(String name) {
        return runToEnd(container(name));
    }

    /**
     * Like {@code kubectl exec}: runs {@code argv} with the environment and mounts of container
     * {@code name} (paths rewritten as for the container itself; no {@code $(VAR)} expansion).
     */
    public ContainerRun exec(String name, String... argv) {
        Map<String, Object> container = container(name);
        Prepared prepared = prepare(container);
        List<Mount> mounts = mounts(container, false);
        List<String> resolved = new ArrayList<>();
        for (String argument : argv) {
            resolved.add(rewrite(argument, mounts));
        }
        resolved.set(0, executable(resolved.get(0)));
        Processes.Result result = Processes.run(Processes.command(resolved, prepared.env(), root));
        return new ContainerRun(name, result.exitCode(), result.output());
    }

    /** The init container with {@code restartPolicy: Always} named {@code name}, as started by {@link #start()}. */
    public Running sidecar(String name) {
        return running.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no running container " + name));
    }

    /** Everything container {@code name} printed so far (its last run). */
    public String log(String name) {
        Path log = root.resolve("logs").resolve(name + ".log");
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value following {@code -config} in the args of container {@code name}, as written in the pod. */
    @SuppressWarnings("unchecked")
    public String configArgument(String name) {
        List<String> args = (List<String>) container(name).getOrDefault("args", List.of());
        int at = args.indexOf("-config");
        if (at < 0 || at + 1 >= args.size()) {
            throw new AssertionError("container " + name + " has no -config argument: " + args);
        }
        return args.get(at + 1);
    }

    /** The loopback metrics port the harness gave the Litestream config of container {@code name}. */
    public int metricsPort(String name) {
        Integer port = metricsPorts.get(name);
        if (port == null) {
            throw new AssertionError("container " + name + " has no Litestream config with an addr");
        }
        return port;
    }

    /** The directory standing in for volume {@code name}. */
    public Path volume(String name) {
        try {
            return Files.createDirectories(root.resolve("volumes").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where {@code podPath} (below a non-ConfigMap mount of any container) lies on this machine. */
    public Path hostPath(String podPath) {
        List<Mount> mounts = new ArrayList<>();
        for (String field : List.of("initContainers", "containers")) {
            for (Map<String, Object> container : containers(field)) {
                for (Mount mount : mounts(container, false)) {
                    if (!mount.configMap()) {
                        mounts.add(mount);
                    }
                }
            }
        }
        String rewritten = rewrite(podPath, mounts);
        if (rewritten.equals(podPath)) {
            throw new AssertionError(podPath + " is not below any volume mount of the pod");
        }
        return Path.of(rewritten);
    }

    /** Removes everything from the directory of volume {@code name}: the disk is lost. */
    public void wipe(String name) {
        Path dir = volume(name);
        try (var walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(dir)) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ContainerRun runToEnd(Map<String, Object> container) {
        Prepared prepared = prepare(container);
        Processes.Result result = Processes.run(Processes.command(prepared.argv(), prepared.env(), root));
        String name = String.valueOf(container.get("name"));
        try {
            Files.writeString(root.resolve("logs").resolve(name + ".log"), result.output());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ContainerRun(name, result.exitCode(), result.output());
    }

    private Running launch(Map<String, Object> container) {
        Prepared prepared = prepare(container);
        String name = String.valueOf(container.get("name"));
        Path log = root.resolve("logs").resolve(name + ".log");
        try {
            Process process = Processes.command(prepared.argv(), prepared.env(), root)
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            Running started = new Running(name, process, log);
            running.add(started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start container " + name, e);
        }
    }

    private record Prepared(List<String> argv, Map<String, String> env) {
    }

    private record Mount(String mountPath, Path hostDir, boolean configMap) {
    }

    @SuppressWarnings("unchecked")
    private Prepared prepare(Map<String, Object> container) {
        String name = String.valueOf(container.get("name"));
        Map<String, String> env = KubeEnv.of(container, sources);
        boolean first = materialised.add(name);
        List<Mount> mounts = mounts(container, first);
        for (Mount mount : mounts) {
            if (first && mount.configMap()) {
                rewriteLitestreamConfigs(name, mount.hostDir(), env, mounts);
            }
        }
        List<String> podArgv = new ArrayList<>();
        List<String> resolved = new ArrayList<>();
        List<String> command = (List<String>) container.get("command");
        if (command == null || command.isEmpty()) {
            // the image's entrypoint is a program of this machine, not a path in the pod: a tool cache under /tmp
            // must not be read as the pod's /tmp volume
            resolved.addAll(entrypoint(name, String.valueOf(container.get("image"))));
        } else {
            podArgv.addAll(command);
        }
        podArgv.addAll((List<String>) container.getOrDefault("args", List.of()));
        for (String argument : podArgv) {
            resolved.add(rewrite(KubeEnv.expand(String.valueOf(argument), env), mounts));
        }
        resolved.set(0, executable(resolved.get(0)));
        Map<String, String> processEnv = new LinkedHashMap<>();
        processEnv.put("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
        processEnv.put("HOME", root.resolve("home").toString());
        processEnv.put("AWS_EC2_METADATA_DISABLED", "true");
        env.forEach((variable, value) -> processEnv.put(variable, rewrite(value, mounts)));
        return new Prepared(resolved, processEnv);
    }

    private List<String> entrypoint(String container, String image) {
        if (image.startsWith(LITESTREAM_IMAGE)) {
            return List.of(TestTools.litestream().toString());
        }
        throw new AssertionError("container " + container + " has no command and the harness does not know the"
                + " entrypoint of image " + image);
    }

    private String executable(String program) {
        if (program.contains("/")) {
            return program;
        }
        for (Path dir : List.of(bin, Path.of("/usr/local/bin"), Path.of("/usr/bin"), Path.of("/bin"))) {
            if (Files.isExecutable(dir.resolve(program))) {
                return dir.resolve(program).toString();
            }
        }
        throw new AssertionError(program + " is not on the sandbox PATH");
    }

    /** The container's mounts, longest mount path first; ConfigMap volumes materialised for it when asked. */
    @SuppressWarnings("unchecked")
    private List<Mount> mounts(Map<String, Object> container, boolean materialise) {
        String name = String.valueOf(container.get("name"));
        List<Mount> mounts = new ArrayList<>();
        for (Map<String, Object> mount : (List<Map<String, Object>>) container.getOrDefault("volumeMounts",
                List.of())) {
            String volumeName = String.valueOf(mount.get("name"));
            String mountPath = String.valueOf(mount.get("mountPath"));
            Map<String, Object> volume = volumeDefinition(volumeName);
            Path dir;
            boolean configMap = volume != null && volume.containsKey("configMap");
            if (configMap) {
                dir = root.resolve("configmaps").resolve(name).resolve(volumeName);
                if (materialise) {
                    materialise((Map<String, Object>) volume.get("configMap"), dir, name);
                }
            } else {
                dir = volume(volumeName);
            }
            Object subPath = mount.get("subPath");
            if (subPath != null && !String.valueOf(subPath).isEmpty()) {
                dir = dir.resolve(String.valueOf(subPath));
            }
            mounts.add(new Mount(mountPath.endsWith("/") && mountPath.length() > 1
                    ? mountPath.substring(0, mountPath.length() - 1) : mountPath, dir, configMap));
        }
        mounts.sort(Comparator.comparingInt((Mount m) -> m.mountPath().length()).reversed());
        return mounts;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> volumeDefinition(String name) {
        for (Map<String, Object> volume : (List<Map<String, Object>>) spec.getOrDefault("volumes", List.of())) {
            if (name.equals(volume.get("name"))) {
                return volume;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private void materialise(Map<String, Object> configMapVolume, Path dir, String container) {
        String configMapName = String.valueOf(configMapVolume.get("name"));
        Map<String, String> data = sources.configMaps().get(configMapName);
        if (data == null) {
            if (Boolean.TRUE.equals(configMapVolume.get("optional"))) {
                data = Map.of();
            } else {
                throw new AssertionError("container " + container + " mounts ConfigMap " + configMapName
                        + ", which is not in the build: the pod would not start");
            }
        }
        Map<String, String> files = new LinkedHashMap<>();
        List<Map<String, Object>> items = (List<Map<String, Object>>) configMapVolume.get("items");
        if (items == null) {
            files.putAll(data);
        } else {
            for (Map<String, Object> item : items) {
                String key = String.valueOf(item.get("key"));
                if (!data.containsKey(key)) {
                    throw new AssertionError("ConfigMap " + configMapName + " has no key " + key);
                }
                files.put(String.valueOf(item.get("path")), data.get(key));
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProjectFiles.writeAll(dir, files);
    }

    /** See the class comment: database paths onto the sandbox volumes, the metrics address onto loopback. */
    @SuppressWarnings("unchecked")
    private void rewriteLitestreamConfigs(String container, Path dir, Map<String, String> env, List<Mount> mounts) {
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Object parsed;
                try {
                    parsed = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
                } catch (RuntimeException notYaml) {
                    continue;
                }
                if (!(parsed instanceof Map<?, ?> map) || !(map.get("dbs") instanceof List<?> dbs)) {
                    continue;
                }
                Map<String, Object> config = (Map<String, Object>) map;
                for (Object db : dbs) {
                    Map<String, Object> entry = (Map<String, Object>) db;
                    if (entry.get("path") != null) {
                        entry.put("path", rewrite(goExpand(String.valueOf(entry.get("path")), env), mounts));
                    }
                }
                if (config.containsKey("addr")) {
                    int port = metricsPorts.computeIfAbsent(container, c -> S3ProxyServer.freeLoopbackPort());
                    config.put("addr", "127.0.0.1:" + port);
                }
                Files.writeString(file, new Dump(DumpSettings.builder().build()).dumpToString(config));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Litestream's expansion of {@code $VAR} and {@code ${VAR}} in its config (Go's os.ExpandEnv). */
    private static String goExpand(String text, Map<String, String> env) {
        Matcher m = GO_ENV.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(env.getOrDefault(name, "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String rewrite(String value, List<Mount> mounts) {
        for (Mount mount : mounts) {
            String prefix = mount.mountPath();
            if (value.equals(prefix)) {
                return mount.hostDir().toString();
            }
            if (value.startsWith(prefix.equals("/") ? "/" : prefix + "/")) {
                return mount.hostDir() + value.substring(prefix.equals("/") ? 0 : prefix.length());
            }
        }
        return value;
    }

    private Map<String, Object> container(String name) {
        for (String field : List.of("initContainers", "containers")) {
            for (Map<String, Object> container : containers(field)) {
                if (name.equals(container.get("name"))) {
                    return container;
                }
            }
        }
        throw new AssertionError("the pod has no container " + name);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> containers(String field) {
        return (List<Map<String, Object>>) spec.getOrDefault(field, List.of());
    }

    /** Stops every container still running, sidecars last started first (as the kubelet stops them). */
    @Override
    public void close() {
        List<Running> all = new ArrayList<>(running);
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).stop();
        }
    }
}
