package dev.vixens.ls.repo;

import java.nio.file.Path;

/**
 * An app found in the repository, before its descriptor is read.
 *
 * @param directory the app directory relative to the root, '/'-separated
 */
public record AppRef(String name, String directory, Path descriptor) {
}
