package dev.vixens.ls.cli;

import dev.vixens.ls.repo.AppRef;
import dev.vixens.ls.repo.Repository;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "apps", description = "Lists the apps with a descriptor, and where they live.")
public final class AppsCommand implements Runnable {

    @Mixin
    RepositoryOption repository;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Repository repo = repository.open();
        PrintWriter out = spec.commandLine().getOut();
        for (AppRef app : repo.apps()) {
            out.printf("%-24s %s%n", app.name(), app.directory());
        }
    }
}
