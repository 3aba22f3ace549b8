package dev.vixens.ls.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text of one input file, decoded strictly as UTF-8, with the name it is reported under.
 *
 * <p>Only regular files are read, never through a symbolic link (a link is refused before anything is opened,
 * so its target's content can never reach a message), and never more than a limit: vixens-ls's own files are
 * small hand-written YAML ({@link #MAX_BYTES}); manifests read by {@code lint} and {@code import} may be
 * larger ({@link #MAX_MANIFEST_BYTES}). A FIFO or a device is refused before it is opened, so that reading
 * never blocks and never runs without end ({@code /dev/zero}). Bytes that are not UTF-8 are reported at their
 * line and column instead of being replaced silently. Lines end as YAML ends them: CR LF, LF or a lone CR.
 */
public record SourceFile(Path path, String displayName, String text) {

    /** vixens-ls's own files (descriptors, profiles, {@code .vixens-ls.yaml}). */
    public static final int MAX_BYTES = 1 << 20;
    /**
     * Manifests read by {@code lint} and {@code import}: a Kubernetes object is at most about 1.5 MiB, and a
     * multi-document file holds a few of them.
     */
    public static final int MAX_MANIFEST_BYTES = 8 << 20;

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    public static SourceFile read(Path path, String displayName) {
        return read(path, displayName, MAX_BYTES);
    }

    /** Reads a regular file (not through a link) of at most {@code maxBytes} bytes. */
    public static SourceFile read(Path path, String displayName, int maxBytes) {
        Location start = Location.startOf(displayName);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new InputException(start, "file not found");
        } catch (IOException e) {
            throw new InputException(start, "cannot read file: " + IoReasons.of(e));
        }
        String kind = kindProblem(attributes);
        if (kind != null) {
            throw new InputException(start, kind);
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(start, Long.toString(attributes.size()), maxBytes);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (NoSuchFileException e) {
            throw new InputException(start, "file not found");
        } catch (IOException e) {
            throw new InputException(start, "cannot read file: " + IoReasons.of(e));
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(start, "more than " + maxBytes, maxBytes);
        }
        return new SourceFile(path, displayName, decode(bytes, displayName));
    }

    /**
     * Why a file with these attributes (read without following links) is not read, or null when it is a
     * regular file.
     */
    public static String kindProblem(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return "is a symbolic link; vixens-ls reads no file through a link (replace the link with the file"
                    + " itself)";
        }
        if (attributes.isDirectory()) {
            return "is a directory, expected a YAML file";
        }
        if (!attributes.isRegularFile()) {
            return "is not a regular file (a FIFO, a device or a socket); vixens-ls reads only regular files";
        }
        return null;
    }

    private static InputException tooLarge(Location start, String size, int maxBytes) {
        return new InputException(start, "file is " + size + " bytes; input files are limited to " + maxBytes
                + " bytes");
    }

    /** A file that is not on disk (a resource inside the jar), decoded with the same rules. */
    public static SourceFile fromBytes(String displayName, byte[] bytes) {
        return new SourceFile(null, displayName, decode(bytes, displayName));
    }

    public Location start() {
        return Location.startOf(displayName);
    }

    public Location at(int line, int column) {
        return new Location(displayName, Math.max(1, line), Math.max(1, column));
    }

    /** The lines of the text, split where YAML breaks lines (CR LF, LF, or a lone CR), without their ends. */
    public List<String> lines() {
        return lines(text);
    }

    public static List<String> lines(String text) {
        return List.of(LINE_BREAK.split(text, -1));
    }

    static String decode(byte[] bytes, String displayName) {
        int start = hasBom(bytes) ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            throw new InputException(locate(bytes, start, bad, displayName),
                    String.format("not valid UTF-8 (byte 0x%02x here); save the file as UTF-8", bytes[bad] & 0xff));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new InputException(locateChar(text, nul, displayName), "a NUL byte; this is not a text file (save it as UTF-8 text)");
        }
        return text;
    }

    private static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
    }

    private static Location locate(byte[] bytes, int start, int offset, String displayName) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < offset; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        String prefix = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        return new Location(displayName, line, prefix.codePointCount(0, prefix.length()) + 1);
    }

    private static Location locateChar(String text, int index, String displayName) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(displayName, line, text.codePointCount(lineStart, index) + 1);
    }
}
