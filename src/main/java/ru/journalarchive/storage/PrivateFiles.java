package ru.journalarchive.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps a filesystem location private to the service's user: folders {@code 0700} (nothing for the group or others),
 * objects {@code 0400} (read-only for the owner, nothing for anyone else). On a filesystem without POSIX permissions
 * nothing is changed.
 */
final class PrivateFiles {

    /** {@code rwx------}: only the service's user may enter, list or create. */
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    /** {@code r--------}: only the service's user may read; nobody writes (objects are write-once). */
    static final Set<PosixFilePermission> OBJECT = PosixFilePermissions.fromString("r--------");

    private PrivateFiles() {
    }

    /**
     * Takes every permission of the group and of others away from a folder ({@code 0755} becomes {@code 0700}); the
     * owner's are left as they are, so a folder an administrator closed ({@code 0000}) stays closed and is reported.
     *
     * @return true if it was changed (it had been open to others)
     */
    static boolean folder(Path dir) throws IOException {
        try {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(dir);
            Set<PosixFilePermission> owner = java.util.EnumSet.noneOf(PosixFilePermission.class);
            now.stream().filter(FOLDER::contains).forEach(owner::add);
            if (owner.equals(now)) {
                return false;
            }
            Files.setPosixFilePermissions(dir, owner);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /** Makes an object file {@code 0400}. */
    static void object(Path file) throws IOException {
        set(file, OBJECT);
    }

    private static boolean set(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            if (Files.getPosixFilePermissions(path).equals(permissions)) {
                return false;
            }
            Files.setPosixFilePermissions(path, permissions);
            return true;
        } catch (UnsupportedOperationException e) {
            return false; // not a POSIX filesystem (Windows): its ACLs are the operator's to set
        }
    }
}
