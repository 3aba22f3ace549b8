package dev.vixens.ls.verify;

import dev.vixens.ls.kustomize.PodView;
import dev.vixens.ls.kustomize.PodView.ContainerView;
import dev.vixens.ls.plan.AppPlan;
import dev.vixens.ls.plan.ContainerPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Litestream of the built pod is exactly the generated one: every generated container is there as
 * generated (an {@code images:} override or a base container of the same name, which kustomize merges into it,
 * changes what runs), and no hand-written Litestream is left beside it. Two {@code litestream replicate}
 * processes writing one replica corrupt it.
 */
final class LitestreamContainersRule implements OverlayRule {

    @Override
    public void check(BuiltOverlay overlay) {
        PodView pod = overlay.pod.orElseThrow();
        AppPlan component = overlay.component();
        String litestreamImage = component.app().settings().litestreamImageReference();
        List<ContainerPlan> generated = new ArrayList<>(component.patch().initContainers());
        generated.addAll(component.patch().containers());
        for (ContainerPlan planned : generated) {
            Optional<ContainerView> built = pod.container(planned.name());
            if (built.isEmpty()) {
                overlay.find(overlay.tree.overlayLocation("components"), "the generated container '"
                        + planned.name() + "' is missing from the built " + overlay.workloadName() + ": something"
                        + " after the Component deletes or replaces it; remove that patch");
                continue;
            }
            ContainerView c = built.get();
            if (planned.image().equals(litestreamImage) && !c.image().equals(litestreamImage)) {
                overlay.find(overlay.tree.overlayLocation("images"), "the generated container '" + planned.name()
                        + "' runs " + c.image() + " in the build, but its config is written for " + litestreamImage
                        + " (litestream in " + component.app().source().displayName() + "), and Litestream releases"
                        + " read different keys; set litestream.version there instead of overriding the image");
            }
            if (!asGenerated(planned, c)) {
                overlay.find(overlay.source.container(planned.name()), "container '" + planned.name() + "' of the"
                        + " base has the name of a generated container, so kustomize merges the two and its own"
                        + " command (" + String.join(" ", c.command()) + ") changes what the generated one runs;"
                        + " rename it, or remove it if it is a hand-written Litestream");
            }
        }
        Set<String> names = PodShapeRule.generatedNames(component);
        for (ContainerView c : pod.allContainers()) {
            if (names.contains(c.name()) || !isLitestream(c)) {
                continue;
            }
            boolean replicates = c.runsLitestream("replicate") || pod.containers().contains(c)
                    && c.command().isEmpty() && c.args().isEmpty();
            overlay.find(overlay.source.container(c.name()), replicates
                    ? "container '" + c.name() + "' runs a second litestream replicate beside the generated sidecar:"
                    + " two Litestream processes writing one replica corrupt it; remove it from the base (or delete"
                    + " it with a $patch: delete patch in a Component listed before the generated one)"
                    : "hand-written Litestream container '" + c.name() + "' remains beside the generated start-up"
                    + " sequence, which already restores every database; remove it from the base (or delete it"
                    + " with a $patch: delete patch in a Component listed before the generated one)");
        }
        overlay.facts.add("Litestream: " + String.join(", ", names) + " (" + litestreamImage + ")");
    }

    /** The command line is the generated one: {@code /bin/sh -c SCRIPT NAME ARGS...}, or the image's with args. */
    private static boolean asGenerated(ContainerPlan planned, ContainerView built) {
        if (planned.script().isEmpty()) {
            return built.command().isEmpty() && built.args().equals(planned.args());
        }
        List<String> command = built.command();
        List<String> arguments = planned.script().get().arguments();
        return built.args().isEmpty() && command.size() == 4 + arguments.size() && command.get(0).equals("/bin/sh")
                && command.get(1).equals("-c") && command.get(3).equals(planned.name())
                && command.subList(4, command.size()).equals(arguments);
    }

    private static boolean isLitestream(ContainerView c) {
        String repository = c.imageRepository();
        return repository.equals("litestream") || repository.endsWith("/litestream")
                || c.runsLitestream("replicate") || c.runsLitestream("restore");
    }
}
