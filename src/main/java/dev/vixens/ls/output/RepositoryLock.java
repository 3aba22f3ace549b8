package dev.vixens.ls.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One writer at a time per repository: {@code generate}, {@code init} and {@code import} hold the lock
 * exclusively, {@code check} shares it. So two runs never see each other's temporary files, and a check during
 * a generate waits for it and then judges the finished tree, instead of reading it half written.
 *
 * <p>The lock is an operating-system lock ({@code fcntl}, released by the kernel when a process dies, so a
 * killed run never leaves the repository locked) on a file in the user's cache directory, named after the
 * repository's real path: nothing is ever created in the repository, so {@code git status} stays clean, and
 * every way of reaching one checkout (a symlinked path) finds the same lock. The file is never deleted
 * (deleting a lock file races with a run about to lock it); it is empty or holds the holder's command and
 * process id, for the message of a run that waits. A run waits at most {@code VIXENS_LS_LOCK_TIMEOUT} seconds
 * (default 30), then stops with exit code 3, having done nothing.
 */
public final class RepositoryLock implements AutoCloseable {

    /** Waiting for another run longer than this is a failure; a generate of 2,000 apps takes 2 seconds. */
    static final int DEFAULT_TIMEOUT_SECONDS = 30;
    private static final long POLL_MILLIS = 50;
    /** Threads of this JVM (tests run commands in-process) take the same repository one at a time. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    /** The repository is still locked by another run after the timeout. */
    public static final class Timeout extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Timeout(String message) {
            super(message, null, false, false);
        }
    }

    private final ReentrantLock inProcess;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean exclusive;

    private RepositoryLock(ReentrantLock inProcess, FileChannel channel, FileLock lock, boolean exclusive) {
        this.inProcess = inProcess;
        this.channel = channel;
        this.lock = lock;
        this.exclusive = exclusive;
    }

    /** For a command that writes; {@code waiting} hears once that the run waits for another. */
    public static RepositoryLock exclusive(Path root, String command, Consumer<String> waiting) {
        return acquire(root, command, false, waiting, timeoutMillis()).orElseThrow();
    }

    /** For a command that only reads the generated tree and must see it whole. */
    public static RepositoryLock shared(Path root, String command, Consumer<String> waiting) {
        return acquire(root, command, true, waiting, timeoutMillis()).orElseThrow();
    }

    /** A shared lock now, or empty when another run holds the repository (or no lock can be taken at all). */
    public static Optional<RepositoryLock> tryShared(Path root) {
        try {
            return acquire(root, "check", true, message -> { }, 0);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<RepositoryLock> acquire(Path root, String command, boolean shared,
            Consumer<String> waiting, long timeoutMillis) {
        Path file = file(root);
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(file, k -> new ReentrantLock());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        boolean announced = false;
        try {
            if (!inProcess.tryLock()) {
                if (timeoutMillis == 0) {
                    return Optional.empty();
                }
                waiting.accept("vixens-ls: waiting for another vixens-ls run on this repository");
                announced = true;
                if (!inProcess.tryLock(timeoutMillis, TimeUnit.MILLISECONDS)) {
                    throw timeout(file, command, "", timeoutMillis);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timeout(file, command, "", timeoutMillis);
        }
        if (inProcess.getHoldCount() > 1) {
            // nested in this thread's own lock (generate writing through the user-file writer): already held
            return Optional.of(new RepositoryLock(inProcess, null, null, false));
        }
        FileChannel channel = null;
        try {
            channel = open(file);
            while (true) {
                FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
                if (lock != null) {
                    RepositoryLock held = new RepositoryLock(inProcess, channel, lock, !shared);
                    if (!shared) {
                        held.record(command);
                    }
                    return Optional.of(held);
                }
                if (timeoutMillis == 0) {
                    channel.close();
                    inProcess.unlock();
                    return Optional.empty();
                }
                if (!announced) {
                    String holder = holder(channel);
                    waiting.accept("vixens-ls: waiting for another vixens-ls run on this repository"
                            + (holder.isEmpty() ? "" : " (" + holder + ")") + ", at most " + timeoutMillis / 1000
                            + " s");
                    announced = true;
                }
                if (System.nanoTime() > deadline) {
                    String holder = holder(channel);
                    channel.close();
                    inProcess.unlock();
                    throw timeout(file, command, holder, timeoutMillis);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            closeQuietly(channel);
            inProcess.unlock();
            throw new UncheckedIOException("cannot take the repository lock " + file + " (set VIXENS_LS_CACHE to a"
                    + " writable directory)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            inProcess.unlock();
            throw timeout(file, command, "", timeoutMillis);
        }
    }

    private static Timeout timeout(Path file, String command, String holder, long timeoutMillis) {
        return new Timeout("another vixens-ls run" + (holder.isEmpty() ? "" : " (" + holder + ")") + " has held"
                + " this repository for " + timeoutMillis / 1000 + " s, so " + command + " did nothing; try again"
                + " when it has finished (VIXENS_LS_LOCK_TIMEOUT sets how many seconds to wait; the lock file is "
                + file + ")");
    }

    /** The lock file of a repository: in the user's cache, named after the repository's real path. */
    static Path file(Path root) {
        Path dir = UserCache.dir();
        if (dir == null) {
            dir = fallbackDirectory();
        }
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException e) {
            real = root.toAbsolutePath().normalize();
        }
        return dir.resolve("lock-" + CacheKeys.digest(real.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The lock file, opened (created when missing) without following a link: the lock file's name is
     * predictable, and a link planted there must never make the holder's note overwrite another file. When the
     * cache directory cannot hold it (a read-only home in CI), a directory of this user's own in the system's
     * temporary directory does.
     */
    private static FileChannel open(Path file) throws IOException {
        try {
            return openIn(file.getParent(), file.getFileName().toString(), false);
        } catch (IOException first) {
            Path fallback = fallbackDirectory();
            if (fallback.equals(file.getParent())) {
                throw first;
            }
            try {
                return openIn(fallback, file.getFileName().toString(), true);
            } catch (IOException second) {
                first.addSuppressed(second);
                throw first;
            }
        }
    }

    /** @param mustOwn in a directory others can write to (the temporary one), only a directory of this user's */
    private static FileChannel openIn(Path dir, String name, boolean mustOwn) throws IOException {
        Files.createDirectories(dir);
        BasicFileAttributes attributes = Files.readAttributes(dir, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isDirectory()) {
            throw new IOException(dir + " is not a directory");
        }
        if (mustOwn && !Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName()
                .equals(System.getProperty("user.name"))) {
            throw new IOException(dir + " belongs to another user");
        }
        return FileChannel.open(dir.resolve(name), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    }

    /** {@code <tmpdir>/vixens-ls-<user>}: only when the cache directory cannot be used. */
    private static Path fallbackDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "vixens-ls-" + System.getProperty("user.name"));
    }

    static long timeoutMillis() {
        String configured = System.getProperty("vixens.lockTimeout", System.getenv("VIXENS_LS_LOCK_TIMEOUT"));
        long seconds = DEFAULT_TIMEOUT_SECONDS;
        if (configured != null && configured.matches("[0-9]{1,6}")) {
            seconds = Long.parseLong(configured);
        }
        return Math.max(1, seconds) * 1000;
    }

    /** Writes who holds the lock, for the message of a run that waits. */
    private void record(String command) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((command + " (process " + ProcessHandle.current().pid() + ")\n")
                .getBytes(StandardCharsets.UTF_8)), 0);
    }

    /** {@code "generate (process 123)"}, or nothing when the holder did not say. */
    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(200);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
            return text.contains("\n") ? "" : text.replaceAll("[^ -~]", "?");
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                if (exclusive) {
                    channel.truncate(0);
                }
                lock.release();
            }
        } catch (IOException ignored) {
            // closing the channel releases the lock too
        } finally {
            closeQuietly(channel);
            inProcess.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
