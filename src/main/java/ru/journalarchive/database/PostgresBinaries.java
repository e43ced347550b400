package ru.journalarchive.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Zonky's PostgreSQL binaries, unpacked under the service's own binaries folder, and the way to run one of them
 * ourselves. Zonky names the unpacked folder {@code PG-<MD5 of the archive>} inside its working directory
 * ({@code setOverrideWorkingDirectory}); this resolver hands zonky the same archive and remembers that name, so the
 * single-user run before the server starts uses exactly the binaries zonky then starts. A new instance per start:
 * zonky caches the unpacked folder per resolver, and a cached folder of another data directory must not be reused.
 */
final class PostgresBinaries implements PgBinaryResolver {

    private final Path workingDirectory;
    private volatile Path home;

    PostgresBinaries(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        if (archive == null) {
            return null;
        }
        byte[] bytes;
        try (archive) {
            bytes = archive.readAllBytes();
        }
        try {
            home = workingDirectory.resolve("PG-" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new ByteArrayInputStream(bytes);
    }

    /** A command line that runs {@code bin/<program>}; as root through {@code unshare -U}, as zonky does. */
    List<String> command(String program, String... arguments) {
        Path binary = home == null ? null : home.resolve("bin").resolve(program);
        if (binary == null || !Files.isExecutable(binary)) {
            throw new IllegalStateException("PostgreSQL binary not found: " + binary);
        }
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // PostgreSQL refuses to run as root
        }
        command.add(binary.toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * Zonky makes its working folder writable by everyone (useless to others without search permission, but wrong):
     * set it and every unpacked folder back to 0700.
     */
    void restrictUnpackedFolders() throws IOException {
        PrivateFolders.restrict(workingDirectory, PrivateFolders.OWNER_ONLY_FOLDER);
        try (Stream<Path> folders = Files.list(workingDirectory)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                PrivateFolders.restrict(folder, PrivateFolders.OWNER_ONLY_FOLDER);
            }
        }
    }
}
