package dev.vixens.ls.cli;

import dev.vixens.ls.descriptor.DescriptorLoader;
import dev.vixens.ls.json.JsonDocument;
import dev.vixens.ls.pipeline.Pipeline;
import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import dev.vixens.ls.source.InputFiles;
import java.io.PrintWriter;
import java.util.Collection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "apps", description = "Lists the apps with a descriptor, and where they live.")
public final class AppsCommand implements Runnable {

    @Mixin
    RepositoryOption repository;

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Repository repo = repository.open();
        Collection<AppRef> apps = new Pipeline(repo).apps();
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            JsonDocument.of("apps").put("apps", apps.stream().map(app -> JsonDocument.object(
                    "name", app.name(), "directory", app.directory(), "descriptor", repo.display(app.descriptor())))
                    .toList()).print(out);
        } else {
            int width = Math.max(24, apps.stream().mapToInt(app -> app.name().length()).max().orElse(0));
            for (AppRef app : apps) {
                out.printf("%-" + width + "s %s%n", app.name(), app.directory());
            }
        }
        if (apps.isEmpty()) {
            // An empty list on stdout reads like a broken tool: say where it looked and how to add an app.
            spec.commandLine().getErr().println("apps: no " + DescriptorLoader.FILE_NAME + " found under "
                    + repo.searchedAppDirs() + " (searched " + InputFiles.MAX_DEPTH + " levels deep, as set by 'apps:' in "
                    + Repository.CONFIG_FILE + "); describe an app with 'vixens-ls init APP' or 'vixens-ls import"
                    + " APP_DIR', or list your app directories under 'apps:'");
        }
    }
}
