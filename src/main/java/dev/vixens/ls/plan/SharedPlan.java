package dev.vixens.ls.plan;

import java.util.List;

/** The shared building blocks of {@code apps/_shared/litestream/}: one Kustomize Component per piece. */
public record SharedPlan(String dir, List<EmittedFile> files) {

    public SharedPlan {
        files = List.copyOf(files);
    }
}
