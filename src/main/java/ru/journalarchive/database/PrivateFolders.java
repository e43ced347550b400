package ru.journalarchive.database;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the embedded database's folders readable by the service's user only (0700) and its secret files 0600,
 * so that no other local user can read the data, read the password or replace a binary.
 */
final class PrivateFolders {

    static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFolders() {
    }

    /** Creates the folder (and missing parents) 0700, or tightens an existing one to 0700. */
    static Path ensure(Path folder) throws IOException {
        if (Files.notExists(folder)) {
            createMissingParents(folder.getParent());
            Files.createDirectories(folder, folderAttributes());
        }
        restrict(folder, OWNER_ONLY_FOLDER);
        return folder;
    }

    /**
     * Creates missing parents 0700 (so a new {@code archive.data-directory} is private), never changing the mode of a
     * folder that already exists: it may be the operator's own (a home folder, a mount point).
     */
    static void createMissingParents(Path folder) throws IOException {
        if (folder != null && Files.notExists(folder)) {
            createMissingParents(folder.getParent());
            Files.createDirectory(folder, folderAttributes());
            restrict(folder, OWNER_ONLY_FOLDER); // the umask may have taken bits away, never added: set exactly
        }
    }

    static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(path).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] folderAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER)}
                : new FileAttribute<?>[0];
    }
}
