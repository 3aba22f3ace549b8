package dev.vixens.ls.draft;

import dev.vixens.ls.descriptor.Documents.SettingsDocument;
import java.util.List;

/**
 * A descriptor that {@code init} or {@code import} is about to write: the required keys, the optional
 * settings that differ from the repository's defaults (null = not written), and comments for the reader.
 *
 * @param header comment lines on top of the file
 * @param podSecurity {@code baseline} when the containers must run as root, else null (the default)
 */
public record DescriptorDraft(List<String> header, String app, String namespace, String workloadKind,
        String workloadName, String container, String volumeName, String mountPath, SettingsDocument settings,
        String podSecurity, List<DatabaseDraft> databases) {

    public DescriptorDraft {
        header = List.copyOf(header);
        databases = List.copyOf(databases);
    }

    /**
     * One database entry; {@code name} and {@code replicaPath} are null when the defaults apply.
     *
     * @param comment a short note written after the profile (why this profile), or null
     */
    public record DatabaseDraft(String path, String profile, String name, String replicaPath, String comment) {
    }
}
