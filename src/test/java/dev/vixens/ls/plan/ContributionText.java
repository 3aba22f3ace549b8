package dev.vixens.ls.plan;

import dev.vixens.ls.descriptor.Settings.Resources;
import java.util.List;
import java.util.TreeMap;

/**
 * A step's contribution as short text, one line per fact, so that a test shows the descriptor and exactly
 * what the step adds side by side. Every component of {@link Contribution} and {@link ContainerPlan} is
 * written (empty ones are left out), so a change to any of them shows in the comparison.
 */
final class ContributionText {

    private ContributionText() {
    }

    static String of(Contribution c) {
        StringBuilder out = new StringBuilder();
        c.initContainers().forEach(container -> out.append("init ").append(container(container)));
        c.containers().forEach(container -> out.append("container ").append(container(container)));
        new TreeMap<>(c.annotations()).forEach((k, v) -> out.append("annotation ").append(k).append(": ").append(v)
                .append('\n'));
        new TreeMap<>(c.podLabels()).forEach((k, v) -> out.append("label ").append(k).append(": ").append(v)
                .append('\n'));
        c.replicas().ifPresent(r -> out.append("replicas ").append(r).append('\n'));
        if (c.recreate()) {
            out.append("strategy Recreate\n");
        }
        c.fsGroup().ifPresent(g -> out.append("fsGroup ").append(g.gid()).append(' ').append(g.changePolicy())
                .append('\n'));
        c.resources().forEach(f -> out.append("resource ").append(f.path()).append('\n').append(resource(f)));
        c.files().forEach(f -> out.append("file ").append(f.path()).append('\n'));
        return out.toString();
    }

    private static String resource(EmittedFile file) {
        if (file instanceof EmittedFile.RestoreDrillJob job) {
            RestoreDrill drill = job.drill();
            StringBuilder out = new StringBuilder("  CronJob ").append(drill.name()).append(" schedule ")
                    .append(drill.schedule()).append(' ').append(drill.policy()).append('\n');
            drill.initContainers().forEach(container -> out.append(indent("init " + container(container))));
            drill.containers().forEach(container -> out.append(indent("container " + container(container))));
            drill.volumes().forEach(v -> out.append("  volume ").append(v.name())
                    .append(v.configMap().map(m -> " configMap " + m).orElse(" emptyDir")).append('\n'));
            return out.toString();
        }
        return "  " + file.model() + "\n";
    }

    private static String indent(String text) {
        return text.replaceAll("(?m)^", "  ");
    }

    private static String container(ContainerPlan c) {
        StringBuilder out = new StringBuilder(c.name()).append(' ').append(c.image()).append('\n');
        c.script().ifPresent(s -> out.append("  script ").append(s.file()).append(' ').append(s.arguments())
                .append('\n'));
        line(out, "args", c.args());
        c.restartPolicy().ifPresent(p -> out.append("  restartPolicy ").append(p).append('\n'));
        line(out, "envFrom", c.envFrom().stream().map(e -> e.kind() + ":" + e.name()).toList());
        line(out, "env", c.env().stream().map(e -> e.name() + "=" + e.value()).toList());
        line(out, "ports", c.ports().stream().map(p -> p.name() + ":" + p.port()).toList());
        line(out, "mounts", c.mounts().stream().map(m -> m.volume() + ":" + m.path() + (m.readOnly() ? ":ro" : ""))
                .toList());
        SecurityContext sc = c.securityContext();
        out.append("  runAs ").append(sc.runAsUser()).append(':').append(sc.runAsGroup())
                .append(sc.runAsNonRoot() ? " nonRoot" : " root");
        if (!sc.addCapabilities().isEmpty()) {
            out.append(" add ").append(sc.addCapabilities());
        }
        Resources r = c.resources();
        out.append('\n').append("  resources ").append(r.requestsCpu()).append('/').append(r.requestsMemory())
                .append(' ').append(r.limitsCpu()).append('/').append(r.limitsMemory()).append('\n');
        return out.toString();
    }

    private static void line(StringBuilder out, String what, List<String> items) {
        if (!items.isEmpty()) {
            out.append("  ").append(what).append(' ').append(String.join(" ", items)).append('\n');
        }
    }
}
