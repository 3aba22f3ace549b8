package dev.vixens.ls.profile;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The profiles a repository can use: the ADR's four, plus or replaced by the repository's own files. */
public final class ProfileCatalog {

    private final Map<String, Profile> profiles;

    ProfileCatalog(Map<String, Profile> profiles) {
        this.profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
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
