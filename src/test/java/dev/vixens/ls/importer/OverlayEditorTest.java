package dev.vixens.ls.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vixens.ls.source.InputException;
import dev.vixens.ls.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Text edits of an overlay's kustomization: comments and layout kept, order enforced, nothing twice. */
class OverlayEditorTest {

    static final List<String> WANTED = List.of("../../litestream-migration", "../../litestream");

    @Test
    void appendsAComponentsListWhenThereIsNone() {
        assertThat(include("""
                # prod overlay
                resources:
                  - ../../base  # the app
                """)).contains("""
                # prod overlay
                resources:
                  - ../../base  # the app
                components:
                  - ../../litestream-migration  # note
                  - ../../litestream  # note
                """);
    }

    @Test
    void insertsTheMigrationBeforeAnExistingGeneratedComponentKeepingIndentation() {
        assertThat(include("""
                components:
                    - ../../monitoring   # mine
                    - ../../litestream
                patches: []
                """)).contains("""
                components:
                    - ../../monitoring   # mine
                    - ../../litestream-migration  # note
                    - ../../litestream
                patches: []
                """);
    }

    @Test
    void appendsAfterTheLastItemOfABlockList() {
        assertThat(include("""
                components:
                - ../../monitoring
                namespace: media
                """)).contains("""
                components:
                - ../../monitoring
                - ../../litestream-migration  # note
                - ../../litestream  # note
                namespace: media
                """);
    }

    @Test
    void rewritesAFlowListInPlace() {
        assertThat(include("components: [../../monitoring]  # flow\nnamespace: media\n"))
                .contains("components: [../../monitoring, ../../litestream-migration, ../../litestream]  # flow\n"
                        + "namespace: media\n");
    }

    @Test
    void changesNothingWhenBothAreThereInOrder() {
        assertThat(include("components:\n  - ../../litestream-migration\n  - ../../litestream\n")).isEmpty();
    }

    @Test
    void refusesTheWrongOrder() {
        assertThatThrownBy(() -> include("components:\n  - ../../litestream\n  - ../../litestream-migration\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("k.yaml:2:3: components: lists ../../litestream before ../../litestream-migration;"
                        + " Kustomize applies Components in order, so ../../litestream-migration must come first:"
                        + " swap them");
    }

    @Test
    void setsANamespaceAfterKindWhenMissing() {
        SourceFile file = source("apiVersion: v1beta1\nkind: Kustomization\nresources: [../../base]\n");
        assertThat(OverlayEditor.ensureNamespace(file, "media"))
                .contains("apiVersion: v1beta1\nkind: Kustomization\nnamespace: media\nresources: [../../base]\n");
        assertThat(OverlayEditor.ensureNamespace(source("namespace: x\n"), "media")).isEmpty();
    }

    private static Optional<String> include(String text) {
        return OverlayEditor.include(source(text), WANTED, "note");
    }

    private static SourceFile source(String text) {
        return SourceFile.fromBytes("k.yaml", text.getBytes(StandardCharsets.UTF_8));
    }
}
