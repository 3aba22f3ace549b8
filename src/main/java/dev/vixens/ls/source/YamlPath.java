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

    /** The path of a JSON pointer ({@code /databases/0/path}); digit-only segments are list indexes. */
    public static YamlPath fromPointer(String pointer) {
        List<Object> segments = new ArrayList<>();
        if (!pointer.isEmpty()) {
            for (String part : pointer.substring(1).split("/", -1)) {
                String key = part.replace("~1", "/").replace("~0", "~");
                segments.add(key.matches("[0-9]{1,9}") ? (Object) Integer.valueOf(key) : key);
            }
        }
        return new YamlPath(segments);
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
