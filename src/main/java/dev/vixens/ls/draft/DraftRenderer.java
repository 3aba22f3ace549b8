package dev.vixens.ls.draft;

import dev.vixens.ls.descriptor.AppDescriptor;
import dev.vixens.ls.descriptor.DescriptorLoader;
import dev.vixens.ls.plan.AppPlanner;
import dev.vixens.ls.plan.FileSpec;
import dev.vixens.ls.render.Renderer;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Renders a {@link DescriptorDraft} and proves it before anything is written: the text is loaded by the
 * same {@link DescriptorLoader} and planned by the same {@link AppPlanner} as {@code generate} uses, so a
 * descriptor written by {@code init} or {@code import} always generates.
 */
public final class DraftRenderer {

    public static final String TEMPLATE = "descriptor/vixens-backup.yaml.ftl";

    private DraftRenderer() {
    }

    /**
     * @param appDir the app directory relative to the repository root
     * @return the descriptor text
     */
    public static String render(DescriptorDraft draft, Repository repo, String appDir) {
        String path = appDir + "/" + DescriptorLoader.FILE_NAME;
        String text = Renderer.renderUserFile(new FileSpec(path, TEMPLATE, Map.of("draft", draft)));
        SourceFile source = SourceFile.fromBytes(path + " (to be written)", text.getBytes(StandardCharsets.UTF_8));
        try {
            AppDescriptor descriptor = DescriptorLoader.load(source, appDir, repo.config().defaults());
            AppPlanner.plan(descriptor, repo.profiles(), repo.config().monitoring());
        } catch (InputException e) {
            throw new InputException(e.problem().location(), e.problem().message()
                    + " (the descriptor would not generate, so nothing was written)");
        }
        return text;
    }
}
