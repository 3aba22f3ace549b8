package dev.vixens.ls.profile;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The profiles a repository can use: the built-in ones (most protective first), replaced by or followed by the
 * repository's own files (by name).
 */
public final class ProfileCatalog {

    private final Map<String, Profile> profiles;
    private final List<String> warnings;

    ProfileCatalog(Map<String, Profile> profiles, List<String> warnings) {
        this.profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        this.warnings = List.copyOf(warnings);
    }

    /** What every generate and check must say while it holds (a built-in backed-up profile no longer backed up). */
    public List<String> warnings() {
        return warnings;
    }

    public Optional<Profile> find(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    public Collection<Profile> all() {
        return profiles.values();
    }

    public Set<String> names() {
        return profiles.keySet();
    }
}
