package dev.vixens.ls.lint;

import dev.vixens.ls.source.Location;
import java.nio.file.Path;

/**
 * A Litestream image tag found in the linted files: an {@code image:} of a container, or a kustomization's
 * {@code images:} override (which wins over the images of everything that kustomization builds).
 *
 * @param tag the tag, empty when the image has none
 */
record ImageRef(Path file, String tag, Location location, boolean override) {
}
