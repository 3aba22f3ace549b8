package dev.vixens.ls.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "generate-man-pages",
        description = "Writes a man page per command (vixens-ls.1, vixens-ls-generate.1, ...) into DIR, from the"
                + " same text as --help; e.g. generate-man-pages ~/.local/share/man/man1, then man vixens-ls-check.")
public final class ManPagesCommand implements Runnable {

    @Parameters(paramLabel = "DIR", description = "Where to write the pages (created when missing).")
    Path dir;

    @Mixin
    WriteOptions write;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Map<String, String> pages = ManPages.of(spec.root().commandLine(), Version.text());
        PrintWriter out = spec.commandLine().getOut();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = dir.resolve(page.getKey());
            if (!write.dryRun()) {
                try {
                    Files.createDirectories(dir);
                    Files.writeString(file, page.getValue());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file, e);
                }
            }
            if (!write.quiet()) {
                out.printf("%s %s%n", write.verb("wrote", "would write"), file);
            }
        }
        write.finish(spec.commandLine().getErr());
    }
}
