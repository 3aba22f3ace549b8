package dev.vixens.ls.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The text of one input file, decoded strictly as UTF-8, with the name it is reported under.
 *
 * <p>Input files are small hand-written YAML; anything larger than {@link #MAX_BYTES} is refused before it
 * reaches a parser, and bytes that are not UTF-8 are reported at their line and column instead of being
 * replaced silently.
 */
public record SourceFile(Path path, String displayName, String text) {


    public static final int MAX_BYTES = 1 << 20;

    public static SourceFile read(Path path, String displayName) {
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                throw new InputException(Location.startOf(displayName), "is a directory, expected a YAML file");
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new InputException(Location.startOf(displayName),
                        "file is " + size + " bytes; input files are limited to " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InputException(Location.startOf(displayName), "file not found");
        } catch (IOException e) {
            throw new InputException(Location.startOf(displayName), "cannot read file: " + e.getMessage());
        }
        return new SourceFile(path, displayName, decode(bytes, displayName));
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
            if (bytes[i] == '\n') {
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
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(displayName, line, index - lineStart + 1);
    }
}
