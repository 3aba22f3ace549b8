package dev.vixens.ls.plan;

import java.util.Map;

/**
 * A file the user owns once written (a descriptor draft, a migration patch, a CI file): its path relative to
 * the repository root, the template that lays it out and what the template reads. The files {@code generate}
 * owns are typed instead ({@link EmittedFile}).
 */
public record FileSpec(String path, String template, Map<String, Object> model) {

    public FileSpec {
        model = Map.copyOf(model);
    }
}
