package dev.vixens.ls.plan;

import java.util.Map;

/**
 * One file to emit: its path relative to the repository root, the template that lays it out and the plan
 * objects the template reads.
 */
public record FileSpec(String path, String template, Map<String, Object> model) {

    public FileSpec {
        model = Map.copyOf(model);
    }
}
