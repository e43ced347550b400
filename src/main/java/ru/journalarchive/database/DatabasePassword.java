package ru.journalarchive.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded database's superuser password: 32 random bytes (base64url), created at the first start and kept in a
 * file only the service's user can read (0600, in a 0700 folder beside the data directory).
 */
record DatabasePassword(String value, boolean created) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The password in {@code file}; created (atomically, 0600) when the file does not exist yet. */
    static DatabasePassword readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            PrivateFolders.restrict(file, PrivateFolders.OWNER_ONLY_FILE);
            String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!password.isEmpty()) {
                return new DatabasePassword(password, false);
            }
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PrivateFolders.fileAttributes());
        Files.writeString(partial, password + "\n", StandardCharsets.US_ASCII);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new DatabasePassword(password, true);
    }

    @Override
    public String toString() {
        return "DatabasePassword[****]";
    }
}
