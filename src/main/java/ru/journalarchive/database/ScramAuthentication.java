package ru.journalarchive.database;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the embedded PostgreSQL accept only password (SCRAM-SHA-256) logins over the loopback: sets the superuser's
 * password and writes a {@code pg_hba.conf} with one {@code scram-sha-256} line and nothing else. Runs before the
 * server starts (zonky's data-directory customizer), in PostgreSQL's single-user mode, which needs no login at all:
 * so there is never a moment when the server accepts a connection without the password. Zonky's {@code initdb}
 * always writes {@code trust} lines; a new data directory and one created by an older archive (which trusted every
 * local connection) are both put right here, idempotently: nothing is done when {@code pg_hba.conf} is already ours
 * and the password file was not just created.
 */
final class ScramAuthentication {

    /** The whole {@code pg_hba.conf}: loopback TCP, password only (no Unix socket is opened at all). */
    static final String PG_HBA = """
            # Journal Archive: logins by password only (SCRAM-SHA-256), over the loopback only.
            # Written at every start that finds anything else here; see docs/database.md.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            host    all       all   127.0.0.1/32  scram-sha-256
            """;

    private static final Logger log = LoggerFactory.getLogger(ScramAuthentication.class);

    private ScramAuthentication() {
    }

    /**
     * @param existed whether the data directory held a database before this start (then a change is a migration,
     *                said in one log line)
     */
    static void ensure(PostgresBinaries binaries, Path dataDirectory, DatabasePassword password, Path passwordFile,
            boolean existed) {
        try {
            Path hba = dataDirectory.resolve("pg_hba.conf");
            boolean ours = Files.exists(hba) && Files.readString(hba).equals(PG_HBA);
            if (ours && !password.created()) {
                return;
            }
            setPassword(binaries, dataDirectory, password.value());
            Path partial = dataDirectory.resolve("pg_hba.conf.new");
            Files.writeString(partial, PG_HBA);
            PrivateFolders.restrict(partial, PrivateFolders.OWNER_ONLY_FILE);
            Files.move(partial, hba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (existed) {
                log.warn(DatabaseMessages.get("database.migrated", dataDirectory, passwordFile));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not set up password authentication in " + dataDirectory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code ALTER ROLE postgres PASSWORD …} in single-user mode; the password goes through stdin, never argv. */
    private static void setPassword(PostgresBinaries binaries, Path dataDirectory, String password)
            throws IOException, InterruptedException {
        Process postgres = new ProcessBuilder(binaries.command("postgres", "--single", "-D",
                dataDirectory.toString(), "-F", "-c", "password_encryption=scram-sha-256", "postgres"))
                .redirectErrorStream(true).start();
        try (OutputStream in = postgres.getOutputStream()) {
            // base64url: no quote or backslash can end the literal
            in.write(("ALTER ROLE postgres PASSWORD '" + password + "'\n").getBytes(StandardCharsets.US_ASCII));
        }
        String output = new String(postgres.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!postgres.waitFor(2, TimeUnit.MINUTES)) {
            postgres.destroyForcibly();
            throw new IllegalStateException("PostgreSQL single-user mode did not finish in " + dataDirectory);
        }
        if (postgres.exitValue() != 0 || output.contains("ERROR:") || output.contains("FATAL:")) {
            throw new IllegalStateException("Could not set the database password in " + dataDirectory
                    + " (exit " + postgres.exitValue() + "): " + output.replace(password, "****"));
        }
    }
}
