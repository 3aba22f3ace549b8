package dev.vixens.ls.litestream;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Litestream release. The version is part of the contract: 0.3 and 0.5 read different configuration
 * languages, and both ignore keys they do not know, so a config written for the wrong one silently loses
 * its profile.
 */
public sealed interface LitestreamVersion permits LitestreamVersion.V03, LitestreamVersion.V05 {

    /** The version whose configuration language and behaviour the 0.3 dialect is verified against. */
    String VERIFIED_03 = "0.3.13";

    int patch();

    /** As written in an image tag, e.g. {@code 0.3.13}. */
    String text();

    /** Replicas in the 0.3 format: generations of snapshots and WAL segments. */
    record V03(int patch) implements LitestreamVersion {
        @Override
        public String text() {
            return "0.3." + patch;
        }
    }

    /** Replicas in the LTX format, which cannot restore 0.3 backups. */
    record V05(int patch) implements LitestreamVersion {
        @Override
        public String text() {
            return "0.5." + patch;
        }

        /** From 0.5.12 a database may carry its own {@code snapshot:} block. */
        public boolean readsDatabaseSnapshot() {
            return patch >= 12;
        }

        /** From 0.5.8 a top-level {@code retention:} is a struct, so a duration there fails to parse. */
        public boolean topLevelRetentionIsStruct() {
            return patch >= 8;
        }
    }

    Pattern FORM = Pattern.compile("v?(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,4})");

    /** Parses {@code 0.3.13} or {@code v0.5.2}; refuses versions whose configuration language we do not know. */
    static LitestreamVersion parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a Litestream version such as "
                    + VERIFIED_03 + " or 0.5.2");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        int patch = Integer.parseInt(m.group(3));
        if (major == 0 && minor == 3) {
            if (patch != 13) {
                throw new IllegalArgumentException("Litestream " + text + " is not supported: the 0.3 configuration"
                        + " is verified against " + VERIFIED_03 + " only; use " + VERIFIED_03);
            }
            return new V03(patch);
        }
        if (major == 0 && minor == 5) {
            return new V05(patch);
        }
        throw new IllegalArgumentException("Litestream " + text + " is not supported; supported: "
                + VERIFIED_03 + " and 0.5.x");
    }
}
