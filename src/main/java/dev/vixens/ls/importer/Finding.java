package dev.vixens.ls.importer;

import dev.vixens.ls.source.Location;

/** Something import noticed in the hand-written manifests, and where: the import report is made of these. */
public record Finding(Kind kind, Location at, String message) {

    public enum Kind {
        /** A hand-written part the generated Component does instead, and any defect it had. */
        REPLACED("replaced by the generated Component"),
        /** A setting the descriptor has no place for: it is not carried over. */
        NOT_CARRIED("not carried over (the descriptor has no place for it)"),
        /** Left where it is: not recognised with certainty as Litestream's, so import does not touch it. */
        KEPT("kept (not Litestream's)"),
        /** A choice import made that a person should confirm. */
        REVIEW("to review");

        private final String heading;

        Kind(String heading) {
            this.heading = heading;
        }

        public String heading() {
            return heading;
        }
    }

    public String format() {
        return at + ": " + message;
    }
}
