package ru.journalarchive.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One archive command per data directory: an exclusive lock on a file beside the embedded database, held for the
 * process's life (the operating system drops it when the process dies, even by {@code kill -9}). The holder writes
 * its process id into the file, so a refused command can name it. Free lock ⇒ any postgres still running on the
 * data directory is an orphan of a dead run; taken lock ⇒ another command runs.
 */
final class DataDirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or throws {@link DataDirectoryBusyException} naming the command that holds it. */
    static DataDirectoryLock acquire(Path lockFile, Path dataDirectory) throws IOException {
        if (Files.notExists(lockFile)) {
            try {
                Files.createFile(lockFile, PrivateFolders.fileAttributes());
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another command created it a moment ago: the lock decides
            }
        }
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            String holder = Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
            channel.close();
            throw new DataDirectoryBusyException(dataDirectory, holder.isEmpty() ? "?" : holder);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                0);
        channel.force(false);
        return new DataDirectoryLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
