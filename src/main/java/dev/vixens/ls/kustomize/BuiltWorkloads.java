package dev.vixens.ls.kustomize;

import dev.vixens.ls.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Deployments and StatefulSets of kustomize's output. Only their documents are parsed: a built overlay may
 * hold large CRDs or ConfigMaps that nothing here looks at.
 */
public final class BuiltWorkloads {

    private static final Pattern WORKLOAD = Pattern.compile("(?m)^kind: (Deployment|StatefulSet)\\s*$");
    private static final Pattern SEPARATOR = Pattern.compile("(?m)^---\\s*$\\n?");

    private BuiltWorkloads() {
    }

    /** @param label how the output is named in a parse error (it is not a file) */
    public static List<PodView> read(String yaml, String label) {
        List<YamlDoc> docs = new ArrayList<>();
        for (String document : SEPARATOR.split(yaml)) {
            if (WORKLOAD.matcher(document).find()) {
                docs.addAll(YamlDoc.readAll(new SourceFile(null, label, document)));
            }
        }
        return PodView.workloads(docs);
    }
}
