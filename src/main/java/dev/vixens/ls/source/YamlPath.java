package dev.vixens.ls.source;

import java.util.ArrayList;
import java.util.List;

/** Where a value sits in a YAML document: keys and list indexes, shown as {@code databases[1].profile}. */
public record YamlPath(List<Object> segments) {

    public static final YamlPath ROOT = new YamlPath(List.of());

    public YamlPath {
        segments = List.copyOf(segments);
    }

    public static YamlPath of(Object... segments) {
        return new YamlPath(List.of(segments));
    }

    public YamlPath key(String key) {
        return append(key);
    }

    public YamlPath index(int index) {
        return append(index);
    }

    private YamlPath append(Object segment) {
        List<Object> next = new ArrayList<>(segments);
        next.add(segment);
        return new YamlPath(next);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(segment);
            }
        }
        return out.length() == 0 ? "(document)" : out.toString();
    }
}
