package dev.vixens.ls.bench;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.vixens.ls.output.CheckCache;
import dev.vixens.ls.output.GenerationOutput;
import dev.vixens.ls.output.OutputChecker;
import dev.vixens.ls.output.OutputChecker.Difference;
import dev.vixens.ls.output.OutputWriter;
import dev.vixens.ls.repo.Repository;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The check stage on an up-to-date repository, both ways {@code check} can answer:
 * <ul>
 *   <li>{@code compare}: {@link OutputChecker#check}, the full comparison of the rendered output with the
 *       tree, in Jimfs like the write benchmark: the comparison's own work;
 *   <li>{@code cache}: {@link CheckCache#filesProvenCurrent}, the fast path that proves the same from the
 *       digests a previous check recorded, on a real temporary directory (it reads every input and output
 *       file and lists the app directories, so the file system is part of what it costs);
 *   <li>{@code compareOnDisk}: the full comparison against that same directory, so that the cache is set
 *       beside the comparison it replaces on equal terms (the cache also skips load, plan and render, see
 *       {@link PipelineBenchmark}).
 * </ul>
 * Setup makes sure both really find everything current, so neither measures an early exit.
 */
public class CheckBenchmark extends StageBenchmark {

    private static final String SELECTION = CheckCache.selectionKey(true, List.of());

    private Path root;
    private Path cacheDir;
    private GenerationOutput output;
    private FileSystem tree;
    private Path treeRoot;

    @Setup
    public void generateAndRecord() throws IOException {
        root = SyntheticRepository.inTempDir(apps);
        output = SyntheticRepository.render(root);

        tree = Jimfs.newFileSystem(Configuration.unix());
        treeRoot = Files.createDirectories(tree.getPath("/repo"));
        OutputWriter.write(treeRoot, output);
        List<Difference> differences = OutputChecker.check(treeRoot, output);
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the freshly written tree is not current: " + differences.get(0).diff());
        }

        // As CheckCacheTest does: a private cache directory, and a build identity (the tool caches nothing
        // when run from classes, as here, without one).
        cacheDir = Files.createTempDirectory("vixens-ls-bench-cache-");
        System.setProperty("vixens.cache", cacheDir.toString());
        System.setProperty("vixens.buildId", "jmh");
        OutputWriter.write(root, output);
        Repository repo = Repository.open(root);
        CheckCache.record(root, new CheckCache.Snapshot(SELECTION, repo.config().appDirs(),
                repo.config().profilesDir(), repo.inputFiles(), output));
        if (!OutputChecker.check(root, output).isEmpty()) {
            throw new IllegalStateException("the repository on disk is not current");
        }
        int proven = CheckCache.filesProvenCurrent(root, SELECTION);
        if (proven != output.files().size()) {
            throw new IllegalStateException("the cache proves " + proven + " files current, not "
                    + output.files().size());
        }
    }

    @TearDown
    public void deleteAll() throws IOException {
        System.clearProperty("vixens.cache");
        System.clearProperty("vixens.buildId");
        tree.close();
        SyntheticRepository.delete(root);
        SyntheticRepository.delete(cacheDir);
    }

    @Benchmark
    public List<Difference> compare() {
        return OutputChecker.check(treeRoot, output);
    }

    @Benchmark
    public List<Difference> compareOnDisk() {
        return OutputChecker.check(root, output);
    }

    @Benchmark
    public int cache() {
        return CheckCache.filesProvenCurrent(root, SELECTION);
    }
}
