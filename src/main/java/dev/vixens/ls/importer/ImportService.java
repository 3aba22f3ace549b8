package dev.vixens.ls.importer;

import dev.vixens.ls.bucket.BucketKey;
import dev.vixens.ls.descriptor.Names;
import dev.vixens.ls.descriptor.Settings;
import dev.vixens.ls.descriptor.SettingsResolver;
import dev.vixens.ls.draft.AppDirectory;
import dev.vixens.ls.draft.DescriptorDraft.DatabaseDraft;
import dev.vixens.ls.draft.DescriptorDraft;
import dev.vixens.ls.draft.DraftRenderer;
import dev.vixens.ls.draft.ObservedSettings;
import dev.vixens.ls.importer.Finding.Kind;
import dev.vixens.ls.importer.ImportPlan.DatabaseChoice;
import dev.vixens.ls.importer.OldLitestreamConfig.OldReplica;
import dev.vixens.ls.importer.dataangel.DataAngelImport;
import dev.vixens.ls.kustomize.KustomizeBase;
import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code import}: reads an app whose Litestream setup is written by hand (a Kustomize base whose workload has
 * restore init containers and a Litestream sidecar, and a ConfigMap with {@code litestream.yml}) and plans
 * the descriptor that describes it, the report of everything that could not be carried over, and, when
 * asked, the migration Component and overlay edits that take the hand-written parts out. Each job is its own
 * class; this one runs them in order (the report lists findings in the order they are made).
 */
public final class ImportService {

    /** The migration Component, next to the descriptor (user-owned, not generated). */
    public static final String MIGRATION_DIR = MigrationPlanner.MIGRATION_DIR;

    private final Repository repo;

    public ImportService(Repository repo) {
        this.repo = repo;
    }

    /** Plans every app; the caller writes their files only when every app imports cleanly. */
    public List<ImportPlan> planAll(List<ImportRequest> requests) {
        return requests.stream().map(this::plan).toList();
    }

    public ImportPlan plan(ImportRequest request) {
        DataAngelImport dataAngel = new DataAngelImport(repo);
        if (dataAngel.applies(request.appDir())) {
            return dataAngel.plan(request);
        }
        AppDirectory app = appDirectory(request);
        String name = app.path().getFileName().toString();
        List<Finding> findings = new ArrayList<>();
        Path baseDir = app.baseDir().orElse(app.path());
        KustomizeBase base = KustomizeBase.read(baseDir, repo.paths());
        base.notes().forEach(note -> findings.add(new Finding(Kind.REVIEW, note.at(), note.message())));

        HandWrittenSetup setup = HandWrittenSetup.find(base, findings);
        Set<String> replicated = new LinkedHashSet<>();
        setup.old().databases().forEach(db -> replicated.add(db.path()));
        Map<ContainerView, ContainerRole> roles = ContainerClassifier.initContainers(setup.pod().initContainers(),
                replicated, setup.data().volume(), setup.config().volume());
        RunAsUser user = RunAsUser.of(setup, roles, request.runAs().map(ImportService::user), findings);
        List<FoundDatabase> found = DatabaseDetection.find(setup.old(), roles, setup.mountPath(),
                request.profiles());
        ContainerReport.report(roles, setup, findings);
        findings.addAll(setup.old().findings());
        List<FoundDatabase> databases = NonSqliteFiles.leaveOut(found, setup.appContainer().image() + " "
                + setup.pod().name(), request.profiles(), setup, findings);

        Settings defaults = SettingsResolver.resolve(List.of(repo.config().defaults()));
        ProfileChooser chooser = new ProfileChooser(repo.profiles(), request.profiles(), request.answers(), findings);
        List<DatabaseChoice> choices = new ArrayList<>();
        List<DatabaseDraft> drafts = new ArrayList<>();
        for (FoundDatabase db : databases) {
            DatabaseChoice choice = chooser.choose(db);
            choices.add(choice);
            drafts.add(new DatabaseDraft(db.path(), choice.profile(), null,
                    keptReplicaPath(name, setup.mountPath(), defaults.replicaPrefix(), db, findings), choice.why()));
        }
        chooser.requireAllUsed(name, databases);

        ObservedSettings observed = SidecarSettings.read(setup, databases, defaults, user, findings);
        String namespace = namespace(request, base, setup, app);
        DescriptorDraft draft = new DescriptorDraft(List.of(
                "Backup descriptor for " + name + ", written by `vixens-ls import` from " + repo.display(baseDir)
                        + "/.",
                "Review the import report, then run: vixens-ls generate " + name),
                name, namespace, setup.pod().kind(), setup.pod().name(), setup.appContainer().name(),
                setup.data().volume(), setup.mountPath(), observed.against(defaults, setup.pod().hostNetwork()), observed.podSecurity(),
                drafts);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(app.descriptorPath(), DraftRenderer.render(draft, repo, app.dir()));

        MigrationPlanner migration = new MigrationPlanner(app, name, namespace, findings);
        MigrationModel model = migration.model(base, setup, roles);
        List<String> nextSteps = request.rewriteKustomization() ? migration.rewrite(model, request.force(), files)
                : migration.manualSteps(model);
        return new ImportPlan(name, app.dir(), app.descriptorPath(), choices, findings, files, nextSteps);
    }

    /** The app directory, refused when generate could not find its descriptor or one exists (without --force). */
    private AppDirectory appDirectory(ImportRequest request) {
        Path root = repo.root();
        Path appDir = request.appDir().toAbsolutePath().normalize();
        Location commandLine = Location.startOf(appDir.toString());
        if (!appDir.startsWith(root) || appDir.equals(root)) {
            throw new InputException(commandLine, "not inside the repository " + root
                    + "; give an app directory inside it (with -C/--repo, a relative path is read against the"
                    + " repository root)");
        }
        if (!Files.isDirectory(appDir)) {
            throw new InputException(commandLine, "not a directory");
        }
        AppDirectory app = AppDirectory.of(repo, appDir);
        app.outsideAppDirs().ifPresent(problem -> {
            throw new InputException(Location.startOf(app.dir()), problem);
        });
        app.refuseExisting(request.force());
        return app;
    }

    /**
     * The replica path that keeps an existing replica where it is once the repository's replica prefix is put
     * before it ({@link BucketKey} is where the two meet); null when the default path does that.
     */
    private static String keptReplicaPath(String app, String mountPath, String prefix, FoundDatabase db,
            List<Finding> findings) {
        if (db.replica().isEmpty()) {
            return null;
        }
        OldReplica old = db.replica().get();
        String defaultPath = Names.defaultReplicaPath(app, mountPath, db.path());
        if (new BucketKey(prefix, defaultPath).key().equals(old.replicaPath())) {
            return null;
        }
        Optional<String> kept = BucketKey.pathFor(prefix, old.replicaPath());
        if (kept.isEmpty()) {
            findings.add(new Finding(Kind.REVIEW, old.at(), db.path() + ": the existing replica '"
                    + old.replicaPath() + "' is not under the repository's replica prefix '" + prefix + "/': the"
                    + " generated config writes to '" + new BucketKey(prefix, defaultPath).key() + "' and would"
                    + " not restore the existing backups; copy them there, or give this app a replica prefix"
                    + " that holds them"));
            return null;
        }
        findings.add(new Finding(Kind.REVIEW, old.at(), db.path() + ": kept the old replica"
                + " path '" + kept.get() + "' (replicaPath), so the existing backups stay restorable"));
        return kept.get();
    }

    /** {@code --run-as UID[:GID]} (GID defaults to UID). */
    private static long[] user(String text) {
        if (!text.matches("\\d{1,10}(:\\d{1,10})?")) {
            throw new InputException(Location.commandLine(), "--run-as " + text + ": expected UID or UID:GID (numbers)");
        }
        String[] parts = text.split(":");
        long uid = Long.parseLong(parts[0]);
        return new long[] {uid, parts.length > 1 ? Long.parseLong(parts[1]) : uid};
    }

    private static String namespace(ImportRequest request, KustomizeBase base, HandWrittenSetup setup,
            AppDirectory app) {
        if (request.namespace().isPresent()) {
            return request.namespace().get();
        }
        if (base.namespace().isPresent()) {
            return base.namespace().get();
        }
        if (setup.pod().namespace().isPresent()) {
            return setup.pod().namespace().get();
        }
        Set<String> found = app.overlayNamespaces();
        if (found.size() == 1) {
            return found.iterator().next();
        }
        throw new InputException(base.kustomization().start(), "cannot tell the app's namespace ("
                + (found.isEmpty() ? "none set in the base or the overlays" : "the overlays set " + found)
                + "); pass --namespace NAME");
    }
}
