package dev.vixens.ls.init;

import dev.vixens.ls.descriptor.DescriptorLoader;
import dev.vixens.ls.descriptor.Names;
import dev.vixens.ls.descriptor.SettingsResolver;
import dev.vixens.ls.draft.AppDirectory;
import dev.vixens.ls.draft.DescriptorDraft.DatabaseDraft;
import dev.vixens.ls.draft.DescriptorDraft;
import dev.vixens.ls.draft.DraftRenderer;
import dev.vixens.ls.draft.MountPaths;
import dev.vixens.ls.draft.ObservedSettings;
import dev.vixens.ls.init.InitPlan.Choice;
import dev.vixens.ls.init.InitRequest.DatabaseSpec;
import dev.vixens.ls.kustomize.KustomizeBase;
import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.kustomize.PodView.MountView;
import dev.vixens.ls.kustomize.PodView;
import dev.vixens.ls.pipeline.OverlayHint;
import dev.vixens.ls.plan.AppPlanner;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
        AppDirectory appDir = new AppDirResolver(repo, prompter, notes).resolve(request, cwd);
        appDir.refuseExisting(request.force());
        Optional<KustomizeBase> base = appDir.base();
        Optional<PodView> pod = base.flatMap(b -> workload(b, request));
        List<DatabaseSpec> databases = databases(request);
        Optional<ContainerView> container = pod.flatMap(p -> container(p, request));
        Optional<MountView> mount = container.flatMap(c -> MountPaths.deepestHolding(c.mounts(),
                databases.stream().map(DatabaseSpec::path).toList()));
        String kind = request.kind().orElse(pod.map(PodView::kind).orElse("Deployment"));
        String workloadName = request.workloadName().orElse(pod.map(PodView::name).orElse(app));
        String containerName = request.container().orElse(container.map(ContainerView::name).orElse(app));
        String mountPath = request.mountPath().orElse(mount.map(m -> MountPaths.trimSlash(m.mountPath()))
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
                .or(() -> only(appDir.overlayNamespaces()))
                .or(() -> prompter.askValid("Namespace of " + app, "", text -> {
                    if (!Names.isDnsLabel(text)) {
                        throw new IllegalArgumentException("'" + text + "' is not a namespace name ("
                                + Names.labelRule(63) + ")");
                    }
                    return text;
                }))
                .orElseThrow(() -> new InputException(COMMAND_LINE, "--namespace is required (neither the base nor"
                        + " an overlay sets one)"));

        ProfileQuestions questions = new ProfileQuestions(repo.profiles(), prompter, notes);
        List<Choice> choices = new ArrayList<>();
        List<DatabaseDraft> drafts = new ArrayList<>();
        for (DatabaseSpec db : databases) {
            Choice choice = questions.choose(db, request.answers());
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
        String text = DraftRenderer.render(draft, repo, appDir.dir());
        List<String> next = new ArrayList<>();
        next.add("vixens-ls generate " + app);
        overlayStep(appDir, app).ifPresent(next::add);
        return new InitPlan(app, appDir.descriptorPath(), text, choices, notes, next);
    }

    /** The databases given, or asked for at the terminal; at least one, each an absolute path. */
    private List<DatabaseSpec> databases(InitRequest request) {
        List<DatabaseSpec> databases = new ArrayList<>(request.databases());
        while (databases.isEmpty() || (request.databases().isEmpty() && prompter.interactive())) {
            Optional<DatabaseSpec> answer = prompter.askValid(databases.isEmpty() ? "Path of a SQLite database of "
                    + request.app() : "Another database path (empty: done)", "", text -> {
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
        return databases;
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

    private static Optional<String> only(Set<String> values) {
        return values.size() == 1 ? Optional.of(values.iterator().next()) : Optional.empty();
    }

    private Optional<String> overlayStep(AppDirectory appDir, String app) {
        if (appDir.overlays().isEmpty()) {
            return Optional.of("write " + appDir.dir() + "/overlays/<env>/kustomization.yaml with resources:"
                    + " [../../base] and components: [../../" + AppPlanner.COMPONENT_DIR + "]");
        }
        List<String> hints = OverlayHint.missingComponents(repo, List.of(new AppRef(app, appDir.dir(),
                appDir.path().resolve(DescriptorLoader.FILE_NAME))));
        return hints.stream().findFirst().map(hint -> hint.substring(hint.indexOf(": ") + 2));
    }
}
