package dev.vixens.ls.bench;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.vixens.ls.output.GenerationOutput;
import dev.vixens.ls.output.OutputWriter;
import dev.vixens.ls.output.OutputWriter.Action;
import dev.vixens.ls.output.OutputWriter.Change;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The write stage, {@link OutputWriter#write}, into an in-memory file system (Jimfs), so that the number is
 * the tool's work (reading, comparing, marker checks, atomic renames) and not the disk's:
 * <ul>
 *   <li>{@code unchanged}: the tree already holds exactly this output, the common {@code generate} run;
 *   <li>{@code allNew}: an empty tree, every file written (a fresh file system per call, made outside the
 *       measured time).
 * </ul>
 */
public class WriteBenchmark extends StageBenchmark {

    private Path source;
    private GenerationOutput output;
    private FileSystem current;
    private Path currentRoot;

    @Setup
    public void renderAndWriteOnce() throws IOException {
        source = SyntheticRepository.inTempDir(apps);
        output = SyntheticRepository.render(source);
        current = Jimfs.newFileSystem(Configuration.unix());
        currentRoot = Files.createDirectories(current.getPath("/repo"));
        OutputWriter.write(currentRoot, output);
        List<Change> again = OutputWriter.write(currentRoot, output);
        if (!again.stream().allMatch(change -> change.action() == Action.UNCHANGED)) {
            throw new IllegalStateException("a second write of the same output changed files: " + again);
        }
    }

    @TearDown
    public void close() throws IOException {
        current.close();
        SyntheticRepository.delete(source);
    }

    /** An empty repository in a new in-memory file system, for each call. */
    @State(Scope.Thread)
    public static class EmptyTree {

        FileSystem fs;
        Path root;

        @Setup(Level.Invocation)
        public void create() throws IOException {
            fs = Jimfs.newFileSystem(Configuration.unix());
            root = Files.createDirectories(fs.getPath("/repo"));
        }

        @TearDown(Level.Invocation)
        public void close() throws IOException {
            fs.close();
        }
    }

    @Benchmark
    public List<Change> unchanged() {
        return OutputWriter.write(currentRoot, output);
    }

    @Benchmark
    public List<Change> allNew(EmptyTree tree) {
        return OutputWriter.write(tree.root, output);
    }
}
