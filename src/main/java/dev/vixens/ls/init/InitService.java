package dev.vixens.ls.init;

import dev.vixens.ls.descriptor.DescriptorLoader;
import dev.vixens.ls.descriptor.Names;
import dev.vixens.ls.descriptor.SettingsResolver;
import dev.vixens.ls.draft.DescriptorDraft;
import dev.vixens.ls.draft.DescriptorDraft.DatabaseDraft;
import dev.vixens.ls.draft.DraftRenderer;
import dev.vixens.ls.draft.ObservedSettings;
import dev.vixens.ls.generate.OverlayHint;
import dev.vixens.ls.importer.KustomizeBase;
import dev.vixens.ls.kustomize.PodView;
import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.kustomize.PodView.MountView;
import dev.vixens.ls.kustomize.YamlDoc;
import dev.vixens.ls.init.InitPlan.Choice;
import dev.vixens.ls.init.InitRequest.DatabaseSpec;
import dev.vixens.ls.plan.AppPlanner;
import dev.vixens.ls.profile.GoDuration;
import dev.vixens.ls.recommend.Answers;
import dev.vixens.ls.recommend.Criticality;
import dev.vixens.ls.recommend.Recommendation;
import dev.vixens.ls.recommend.Recommender;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code init APP}: the descriptor of a new app. Values come, in this order, from the flags, from the app's
 * Kustomize base when it already has one (workload, container, data volume, namespace), from prompts when a
 * person is at the terminal, and from defaults; profiles from {@code --db PATH=PROFILE} or the decision tree.
 * The result is validated like {@code generate} would before it is written.
 */
public final class InitService {

    private static final Location COMMAND_LINE = Location.commandLine();

    private final Repository repo;
    private final Prompter prompter;
    private final List<String> notes = new ArrayList<>();

    public InitService(Repository repo, Prompter prompter) {
        this.repo = repo;
        this.prompter = prompter;
    }

    /** @param cwd the directory a relative {@code --dir} is resolved against */
    public InitPlan plan(InitRequest request, Path cwd) {
        String app = request.app();
        if (!Names.isDnsLabel(app) || app.length() > 40) {
            throw new InputException(COMMAND_LINE, "app '" + app + "' must be a lower-case DNS label of at most 40"
                    + " characters (letters, digits, '-')");
        }
        String dir = appDir(request, cwd);
        Path appDir = repo.resolve(dir);
        String path = dir + "/" + DescriptorLoader.FILE_NAME;
        if (Files.exists(appDir.resolve(DescriptorLoader.FILE_NAME)) && !request.force()) {
            throw new InputException(Location.startOf(path), "a descriptor already exists; pass --force to replace"
                    + " it");
        }
        Optional<KustomizeBase> base = KustomizeBase.kustomizationIn(appDir.resolve("base")).isPresent()
                ? Optional.of(KustomizeBase.read(appDir.resolve("base"), repo.paths()))
                : Optional.empty();
        Optional<PodView> pod = base.flatMap(b -> workload(b, request));

        List<DatabaseSpec> databases = new ArrayList<>(request.databases());
        while (databases.isEmpty() || (request.databases().isEmpty() && prompter.interactive())) {
            Optional<DatabaseSpec> answer = askValid(databases.isEmpty() ? "Path of a SQLite database of " + app
                    : "Another database path (empty: done)", "", text -> {
                        DatabaseSpec db = DatabaseSpec.parse(text);
                        String problem = Names.absolutePathProblem(db.path());
                        if (problem != null) {
                            throw new IllegalArgumentException(db.path() + ": " + problem);
                        }
                        return db;
                    });
            if (answer.isEmpty()) {
                break;
            }
            databases.add(answer.get());
        }
        databases.removeIf(db -> db.path().isEmpty());
        if (databases.isEmpty()) {
            throw new InputException(COMMAND_LINE, "name at least one database: --db PATH[=PROFILE]");
        }
        for (DatabaseSpec db : databases) {
            String problem = Names.absolutePathProblem(db.path());
            if (problem != null) {
                throw new InputException(COMMAND_LINE, "--db " + db.path() + ": " + problem);
            }
        }
        Optional<ContainerView> container = pod.flatMap(p -> container(p, request));
        Optional<MountView> mount = container.flatMap(c -> dataMount(c, databases));
        String kind = request.kind().orElse(pod.map(PodView::kind).orElse("Deployment"));
        String workloadName = request.workloadName().orElse(pod.map(PodView::name).orElse(app));
        String containerName = request.container().orElse(container.map(ContainerView::name).orElse(app));
        String mountPath = request.mountPath().orElse(mount.map(m -> trim(m.mountPath()))
                .orElse(commonParent(databases)));
        String volume = request.volume().orElse(mount.map(MountView::volume).orElse("data"));
        if (pod.isPresent()) {
            notes.add("from " + pod.get().doc().source().displayName() + ": " + kind + " " + workloadName
                    + ", container " + containerName + mount.map(m -> ", volume " + m.volume() + " at "
                    + m.mountPath()).orElse(""));
        } else {
            notes.add("no base yet: workload " + kind + " " + workloadName + ", container " + containerName
                    + ", volume " + volume + " at " + mountPath + " (change them with --kind, --workload,"
                    + " --container, --volume, --mount-path)");
        }
        String namespace = request.namespace()
                .or(() -> base.flatMap(KustomizeBase::namespace))
                .or(() -> pod.flatMap(PodView::namespace))
                .or(() -> overlayNamespace(appDir))
                .or(() -> askValid("Namespace of " + app, "", text -> {
                    if (!Names.isDnsLabel(text)) {
                        throw new IllegalArgumentException("'" + text + "' is not a namespace name ("
                                + Names.labelRule(63) + ")");
                    }
                    return text;
                }))
                .orElseThrow(() -> new InputException(COMMAND_LINE, "--namespace is required (neither the base nor"
                        + " an overlay sets one)"));

        List<Choice> choices = new ArrayList<>();
        List<DatabaseDraft> drafts = new ArrayList<>();
        for (DatabaseSpec db : databases) {
            Choice choice = choose(db, request.answers());
            choices.add(choice);
            drafts.add(new DatabaseDraft(db.path(), choice.profile(), null, null, null));
        }
        ObservedSettings settings = new ObservedSettings(null, null, null, null, null, null, null, null, null, null,
                request.uid().orElse(null), request.gid().orElse(null), request.fixPermissions() ? true : null);
        DescriptorDraft draft = new DescriptorDraft(List.of(
                "Backup descriptor for " + app + " (ADR-014 profiles), written by `vixens-ls init`.",
                "Keys and defaults: README.md, Describing your app. Then run: vixens-ls generate " + app),
                app, namespace, kind, workloadName, containerName, volume, mountPath,
                settings.against(SettingsResolver.resolve(List.of(repo.config().defaults()))),
                settings.podSecurity(), drafts);
        if (settings.podSecurity() != null) {
            notes.add("--uid 0: the generated containers run as root, so the descriptor says podSecurity: baseline"
                    + " (a namespace that enforces Pod Security \"restricted\" rejects the pod)");
        }
        String text = DraftRenderer.render(draft, repo, dir);
        List<String> next = new ArrayList<>();
        next.add("vixens-ls generate " + app);
        overlayStep(appDir, dir, app).ifPresent(next::add);
        return new InitPlan(app, path, text, choices, notes, next);
    }

    /** Where the descriptor goes; see the README (init) for the rules. */
    private String appDir(InitRequest request, Path cwd) {
        if (request.dir().isPresent() && request.layer().isPresent()) {
            throw new InputException(COMMAND_LINE, "give --dir or --layer, not both");
        }
        String dir;
        if (request.dir().isPresent()) {
            Path absolute = cwd.resolve(request.dir().get()).toAbsolutePath().normalize();
            if (!absolute.startsWith(repo.root()) || absolute.equals(repo.root())) {
                throw new InputException(COMMAND_LINE, "--dir " + request.dir().get() + " is outside the repository "
                        + repo.root());
            }
            dir = repo.display(absolute);
            if (!absolute.getFileName().toString().equals(request.app())) {
                throw new InputException(COMMAND_LINE, "--dir " + dir + ": the app directory must be named like the"
                        + " app ('" + request.app() + "')");
            }
        } else {
            Optional<String> layer = request.layer();
            if (layer.isEmpty()) {
                List<String> existing = existingDirs(request.app());
                if (existing.size() == 1) {
                    notes.add("found the app directory " + existing.get(0));
                    return checked(existing.get(0));
                }
                if (existing.size() > 1) {
                    throw new InputException(COMMAND_LINE, "several directories are named " + request.app() + " ("
                            + String.join(", ", existing) + "); choose one with --dir");
                }
                layer = askValid("Layer directory under " + repo.config().appDirs().get(0)
                        + "/ (e.g. 60-services)", "", text -> {
                            String problem = Names.relativePathProblem(text);
                            if (problem != null) {
                                throw new IllegalArgumentException("'" + text + "' " + problem);
                            }
                            return text;
                        });
            }
            if (layer.isEmpty()) {
                throw new InputException(COMMAND_LINE, "where does " + request.app() + " go? pass --layer LAYER (it"
                        + " becomes " + repo.config().appDirs().get(0) + "/LAYER/" + request.app() + ") or --dir DIR");
            }
            String problem = Names.relativePathProblem(layer.get());
            if (problem != null) {
                throw new InputException(COMMAND_LINE, "--layer " + layer.get() + ": " + problem);
            }
            dir = repo.config().appDirs().get(0) + "/" + layer.get() + "/" + request.app();
        }
        return checked(dir);
    }

    private String checked(String dir) {
        if (repo.config().appDirs().stream().noneMatch(apps -> dir.startsWith(apps + "/"))) {
            throw new InputException(COMMAND_LINE, dir + " is not below the repository's app directories ("
                    + String.join(", ", repo.config().appDirs()) + "), so generate would not find its descriptor");
        }
        return dir;
    }

    private List<String> existingDirs(String app) {
        List<String> found = new ArrayList<>();
        for (String apps : repo.config().appDirs()) {
            Path start = repo.resolve(apps);
            if (!Files.isDirectory(start)) {
                continue;
            }
            try {
                Files.walkFileTree(start, Set.of(), 5, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                        String name = d.getFileName().toString();
                        if (!d.equals(start) && (name.startsWith(".") || name.startsWith("_"))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (!d.equals(start) && name.equals(app)) {
                            found.add(repo.display(d));
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    private Optional<PodView> workload(KustomizeBase base, InitRequest request) {
        List<PodView> pods = PodView.workloads(base.objects());
        if (request.workloadName().isPresent()) {
            return pods.stream().filter(p -> p.name().equals(request.workloadName().get())).findFirst();
        }
        if (pods.size() > 1) {
            throw new InputException(base.kustomization().start(), "the base has several workloads ("
                    + String.join(", ", pods.stream().map(PodView::name).toList()) + "); choose one with --workload");
        }
        return pods.stream().findFirst();
    }

    private static Optional<ContainerView> container(PodView pod, InitRequest request) {
        if (request.container().isPresent()) {
            return pod.containers().stream().filter(c -> c.name().equals(request.container().get())).findFirst();
        }
        return pod.containers().stream().findFirst();
    }

    /** The container's mount holding every database (the deepest one). */
    private static Optional<MountView> dataMount(ContainerView container, List<DatabaseSpec> databases) {
        MountView best = null;
        for (MountView m : container.mounts()) {
            String prefix = trim(m.mountPath()) + "/";
            if (databases.stream().allMatch(db -> db.path().startsWith(prefix))
                    && (best == null || m.mountPath().length() > best.mountPath().length())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String commonParent(List<DatabaseSpec> databases) {
        String common = parent(databases.get(0).path());
        for (DatabaseSpec db : databases) {
            while (!db.path().startsWith(common + "/") && common.contains("/")) {
                common = parent(common);
            }
        }
        if (common.isEmpty()) {
            throw new InputException(COMMAND_LINE, "the databases share no directory below /; give --mount-path");
        }
        return common;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }

    private Optional<String> overlayNamespace(Path appDir) {
        Set<String> found = new LinkedHashSet<>();
        for (Path overlay : overlays(appDir)) {
            Path file = KustomizeBase.kustomizationIn(overlay).orElseThrow();
            List<YamlDoc> docs = YamlDoc.readAll(repo.paths().read(file, SourceFile.MAX_MANIFEST_BYTES));
            if (!docs.isEmpty()) {
                YamlDoc.text(docs.get(0).root(), "namespace").ifPresent(found::add);
            }
        }
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    private static List<Path> overlays(Path appDir) {
        Path overlays = appDir.resolve("overlays");
        if (!Files.isDirectory(overlays)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(overlays)) {
            return list.filter(p -> KustomizeBase.kustomizationIn(p).isPresent()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<String> overlayStep(Path appDir, String dir, String app) {
        if (overlays(appDir).isEmpty()) {
            return Optional.of("write " + dir + "/overlays/<env>/kustomization.yaml with resources: [../../base] and"
                    + " components: [../../" + AppPlanner.COMPONENT_DIR + "]");
        }
        List<String> hints = OverlayHint.missingComponents(repo, List.of(new AppRef(app, dir,
                appDir.resolve(DescriptorLoader.FILE_NAME))));
        return hints.stream().findFirst().map(hint -> hint.substring(hint.indexOf(": ") + 2));
    }

    private Choice choose(DatabaseSpec db, Answers flags) {
        if (db.profile().isPresent()) {
            String profile = db.profile().get();
            if (repo.profiles().find(profile).isEmpty()) {
                throw new InputException(COMMAND_LINE, "--db " + db.path() + "=" + profile + ": unknown profile;"
                        + " known profiles: " + String.join(", ", repo.profiles().names()));
            }
            return new Choice(db.path(), profile, "given");
        }
        Answers answers = flags;
        if (prompter.interactive()) {
            answers = ask(db.path());
        } else if (Recommender.looksLikeCache(db.path())) {
            notes.add(db.path() + ": the name looks like cache data, so ephemeral; give --db " + db.path()
                    + "=PROFILE to choose otherwise");
            return new Choice(db.path(), Recommender.EPHEMERAL, "name looks like cache data");
        }
        Recommendation r = Recommender.recommend(answers, repo.profiles());
        if (r.guessed()) {
            notes.add(db.path() + ": standard by default (no criterion given); see vixens-ls recommend --help");
            return new Choice(db.path(), r.profile(), "default");
        }
        return new Choice(db.path(), r.profile(), "decision tree: " + String.join("; ", r.steps().stream()
                .filter(s -> s.demands().isPresent()).map(s -> s.answer() + " -> " + s.demands().get()).toList()));
    }

    /** The decision tree's questions at the terminal; unanswered ones are skipped, invalid ones asked again. */
    private Answers ask(String path) {
        boolean cacheLike = Recommender.looksLikeCache(path);
        boolean cache = askValid(path + ": is it cache or temporary data that can be regenerated? (y/n)",
                cacheLike ? "y" : "n", text -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "y", "yes" -> true;
                    case "n", "no" -> false;
                    default -> throw new IllegalArgumentException("'" + text + "': answer y or n");
                }).orElse(false);
        if (cache) {
            return Answers.cacheData();
        }
        Optional<GoDuration> tolerance = askValid(path + ": how much recent history could you lose? (1h, 6h, 24h;"
                + " empty: skip)", "", GoDuration::parseAnswer);
        Optional<Double> writes = askValid(path + ": writes per hour, if known (empty: skip)", "", text -> {
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a number of writes per hour (e.g. 20)");
            }
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("'" + text + "' must be zero or more writes per hour");
            }
            return value;
        });
        Optional<Criticality> criticality = askValid(path + ": criticality (" + Criticality.names()
                + "; empty: skip)", "", Criticality::parse);
        return new Answers(false, tolerance, writes.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                criticality);
    }

    /** After this many invalid answers to one question, init stops: a script is feeding it, not a person. */
    static final int ATTEMPTS = 5;

    /**
     * Asks until the answer is valid, saying why each invalid one was not taken, so that one typo never throws
     * away the answers given before it. Empty when the question is skipped (empty answer) or nobody is asked.
     */
    private <T> Optional<T> askValid(String question, String defaultValue, Function<String, T> parse) {
        for (int attempt = 1; ; attempt++) {
            Optional<String> answer = prompter.ask(question, defaultValue);
            if (answer.isEmpty() || answer.get().isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(parse.apply(answer.get()));
            } catch (IllegalArgumentException e) {
                if (attempt >= ATTEMPTS) {
                    throw new InputException(COMMAND_LINE, question + ": " + e.getMessage());
                }
                prompter.tell(e.getMessage() + "; try again");
            }
        }
    }

    private static String trim(String path) {
        String out = path;
        while (out.length() > 1 && out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
