package dev.vixens.ls.importer;

import dev.vixens.ls.draft.AppDirectory;
import dev.vixens.ls.importer.Finding.Kind;
import dev.vixens.ls.kustomize.Kustomization;
import dev.vixens.ls.kustomize.KustomizeBase;
import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.plan.AppPlanner;
import dev.vixens.ls.plan.FileSpec;
import dev.vixens.ls.render.Renderer;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.Location;
import dev.vixens.ls.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the hand-written parts leave the app: with {@code --rewrite-kustomization}, the migration Component
 * (patches that delete what the generated Component replaces) and the overlay edits that list it before the
 * generated Component; without, the same as next steps for the user to do by hand.
 */
final class MigrationPlanner {

    /** The migration Component, next to the descriptor (user-owned, not generated). */
    static final String MIGRATION_DIR = "litestream-migration";
    static final String WORKLOAD_PATCH = "remove-hand-written-litestream.yaml";
    static final String CONFIG_PATCH = "remove-hand-written-litestream-config.yaml";

    private final AppDirectory app;
    private final String name;
    private final String namespace;
    private final List<Finding> findings;

    MigrationPlanner(AppDirectory app, String name, String namespace, List<Finding> findings) {
        this.app = app;
        this.name = name;
        this.namespace = namespace;
        this.findings = findings;
    }

    /** What the migration Component removes: the replaced containers, and the old config unless something keeps it. */
    MigrationModel model(KustomizeBase base, HandWrittenSetup setup, Map<ContainerView, ContainerRole> roles) {
        ConfigSource config = setup.config();
        List<String> removedInit = roles.entrySet().stream().filter(e -> e.getValue().replaced())
                .map(e -> e.getKey().name()).toList();
        boolean configStays = roles.entrySet().stream()
                .anyMatch(e -> !e.getValue().replaced() && e.getKey().mountOf(config.volume()).isPresent())
                || setup.pod().containers().stream()
                        .anyMatch(c -> c != setup.sidecar() && c.mountOf(config.volume()).isPresent());
        if (configStays) {
            findings.add(new Finding(Kind.REVIEW, config.doc().at(config.doc().root()), "the old Litestream config"
                    + " (ConfigMap " + config.configMap() + ") stays: a kept container still mounts it"));
        }
        MigrationModel migration = new MigrationModel(AppDirectory.relative(app.path(), base.directory()),
                AppPlanner.COMPONENT_DIR,
                configStays ? List.of(WORKLOAD_PATCH) : List.of(WORKLOAD_PATCH, CONFIG_PATCH),
                setup.pod().kind(), setup.pod().name(), setup.pod().doc().source().displayName(), removedInit,
                List.of(setup.sidecar().name()), configStays ? List.of() : List.of(config.volume()),
                config.source(), configStays ? null : config.configMap());
        if (migration.base().isEmpty()) {
            throw new InputException(base.kustomization().start(), "the app directory is itself the Kustomize"
                    + " base; import needs the layout <app>/base and <app>/overlays/<env>");
        }
        return migration;
    }

    /** The migration Component's files and the edited overlays (into {@code files}), and the next steps. */
    List<String> rewrite(MigrationModel m, boolean force, Map<String, String> files) {
        Repository repo = app.repo();
        String migrationDir = app.dir() + "/" + MIGRATION_DIR;
        Map<String, String> migration = new LinkedHashMap<>();
        Map<String, Object> model = Map.of("m", m);
        migration.put(migrationDir + "/kustomization.yaml", Renderer.renderUserFile(new FileSpec(migrationDir
                + "/kustomization.yaml", "import/migration-kustomization.yaml.ftl", model)));
        migration.put(migrationDir + "/" + WORKLOAD_PATCH, Renderer.renderUserFile(new FileSpec(migrationDir
                + "/" + WORKLOAD_PATCH, "import/remove-workload-parts.yaml.ftl", model)));
        if (m.configMap() != null) {
            migration.put(migrationDir + "/" + CONFIG_PATCH, Renderer.renderUserFile(new FileSpec(migrationDir
                    + "/" + CONFIG_PATCH, "import/remove-configmap.yaml.ftl", model)));
        }
        for (Map.Entry<String, String> file : migration.entrySet()) {
            Path existing = repo.resolve(file.getKey());
            if (Files.exists(existing, LinkOption.NOFOLLOW_LINKS) && !force
                    && !repo.paths().read(existing).text().equals(file.getValue())) {
                throw new InputException(Location.startOf(file.getKey()), "exists with other content; pass"
                        + " --force to replace it");
            }
        }
        files.putAll(migration);
        List<Path> overlays = app.overlays();
        for (Path overlay : overlays) {
            editOverlay(overlay, files);
        }
        List<String> nextSteps = new ArrayList<>();
        nextSteps.add("vixens-ls generate " + name);
        if (overlays.isEmpty()) {
            nextSteps.add("no overlays under " + app.dir() + "/overlays: list ../" + MIGRATION_DIR + " and then ../"
                    + AppPlanner.COMPONENT_DIR + " (in that order) in the components of whatever deploys " + name);
        } else {
            nextSteps.add("kubectl kustomize " + repo.display(overlays.get(0)) + "   # the hand-written"
                    + " Litestream parts are gone, the generated ones are there");
        }
        nextSteps.add("later, delete the hand-written parts from " + app.dir() + "/" + m.base() + "/, then "
                + migrationDir + "/ and its line in each overlay");
        return nextSteps;
    }

    private void editOverlay(Path overlay, Map<String, String> files) {
        Repository repo = app.repo();
        Path file = Kustomization.fileIn(overlay).orElseThrow();
        String rel = AppDirectory.relative(overlay, app.path().resolve(MIGRATION_DIR));
        String component = AppDirectory.relative(overlay, app.path().resolve(AppPlanner.COMPONENT_DIR));
        String shown = repo.display(file);
        SourceFile source = repo.paths().read(file, SourceFile.MAX_MANIFEST_BYTES);
        Optional<String> text = OverlayEditor.include(source, List.of(rel, component), "added by vixens-ls import");
        SourceFile edited = text.map(t -> SourceFile.fromBytes(shown, t.getBytes(StandardCharsets.UTF_8)))
                .orElse(source);
        Optional<String> withNamespace = OverlayEditor.ensureNamespace(edited, namespace);
        if (withNamespace.isPresent()) {
            findings.add(new Finding(Kind.REVIEW, source.start(), "added 'namespace: " + namespace + "' to"
                    + " this overlay: without it the generated ConfigMap has no namespace, and Kustomize"
                    + " does not rewrite the workload's reference to its hashed name"));
            text = withNamespace;
        }
        text.ifPresent(t -> files.put(shown, t));
    }

    /** Without {@code --rewrite-kustomization}: the same removal and inclusion, as steps for the user. */
    List<String> manualSteps(MigrationModel m) {
        List<String> parts = new ArrayList<>();
        m.initContainers().forEach(n -> parts.add("init container " + n));
        m.containers().forEach(n -> parts.add("container " + n));
        m.volumes().forEach(n -> parts.add("volume " + n));
        if (m.configMap() != null) {
            parts.add("ConfigMap " + m.configMap());
        }
        List<String> nextSteps = new ArrayList<>();
        nextSteps.add("vixens-ls generate " + name);
        nextSteps.add("remove from " + m.workloadSource() + " and the base: " + String.join(", ", parts)
                + " (or run import again with --rewrite-kustomization --force to do it with a patch)");
        nextSteps.add("add the generated Component to each overlay: components: [" + AppDirectory.relative(
                app.overlays().stream().findFirst().orElse(app.path().resolve("overlays/prod")),
                app.path().resolve(AppPlanner.COMPONENT_DIR)) + "], and 'namespace: " + namespace + "' if the"
                + " overlay sets none (the generated ConfigMap needs it to be found under its hashed name)");
        return nextSteps;
    }
}
