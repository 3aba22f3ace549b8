package dev.vixens.ls.analyze;

import dev.vixens.ls.descriptor.AppDescriptor.ExpectedSize;
import java.util.Optional;

/**
 * A database's declared {@code expectedSize} beside what the bucket shows, because the start-up estimate is
 * only as good as that declaration: a size below the compressed snapshot is certainly too small (the file is
 * larger than its snapshot), so the estimate, and the budget it checks, would promise too short a start-up.
 *
 * @param text as written in the descriptor ({@code 2Gi})
 * @param smallerThanSnapshot the declared bytes are fewer than the newest snapshot's compressed bytes
 */
public record DeclaredSize(String text, long bytes, boolean smallerThanSnapshot) {

    /** Null when nothing is declared: the report's JSON then says {@code null}. */
    static DeclaredSize of(Optional<ExpectedSize> declared, RestoreSize measured) {
        return declared.map(size -> new DeclaredSize(size.text(), size.bytes(),
                size.bytes() < measured.snapshotBytes())).orElse(null);
    }
}
