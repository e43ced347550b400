package ru.journalarchive.registryjournal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.journalarchive.storage.StorageLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's identity: a UUID given when the registry is created, kept in {@code registry_identity} and as
 * {@code registry/identity.json} in every storage location, so that a database and a location of different
 * registries (or a lost database beside its locations) are recognised before anything is written.
 */
@Component
class RegistryIdentity {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Tables the service fills by itself at every start from its configuration: they do not make a registry. */
    static final List<String> START_UP_TABLES = List.of("retention_policy_term");

    private final JdbcClient jdbc;

    RegistryIdentity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A registry's identity. */
    record Identity(UUID registryId, Instant createdAt) {
    }

    /** The identity recorded in the database, if any. */
    Optional<Identity> inDatabase() {
        return jdbc.sql("SELECT registry_id, created_at FROM registry_identity")
                .query((rs, i) -> new Identity(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
                .optional();
    }

    /** Records a new identity in the database. */
    Identity create() {
        Identity identity = new Identity(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        store(identity);
        return identity;
    }

    /** Records the identity (e.g. one read from a location by a rebuild). */
    void store(Identity identity) {
        jdbc.sql("INSERT INTO registry_identity (registry_id, created_at) VALUES (?, ?)")
                .params(identity.registryId(), java.sql.Timestamp.from(identity.createdAt())).update();
    }

    /** The tables of the registry that are journaled (every table but Flyway's, Spring Batch's and the journal's). */
    List<String> journaledTables() {
        return jdbc.sql("SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace "
                + "AND c.relkind IN ('r', 'p') AND NOT registry_journal_excluded(c.relname) ORDER BY c.relname")
                .query(String.class).list();
    }

    /** The journaled tables that hold rows (start-up tables aside): none in a new or lost database. */
    List<String> tablesWithRows() {
        return journaledTables().stream().filter(t -> !START_UP_TABLES.contains(t))
                .filter(t -> jdbc.sql("SELECT EXISTS (SELECT 1 FROM \"" + t + "\")").query(Boolean.class).single())
                .toList();
    }

    /**
     * The identity a location holds, if it holds one.
     *
     * @throws IOException            if the object cannot be read
     * @throws NotAnIdentityException if it is read but is not an identity
     */
    static Optional<Identity> inLocation(StorageLocation location) throws IOException {
        if (!location.exists(JournalFormat.IDENTITY_KEY)) {
            return Optional.empty();
        }
        try (InputStream in = location.open(JournalFormat.IDENTITY_KEY)) {
            JsonNode node = JSON.readTree(in.readAllBytes());
            return Optional.of(new Identity(UUID.fromString(node.get("registryId").asString()),
                    Instant.parse(node.get("createdAt").asString())));
        } catch (RuntimeException e) {
            throw new NotAnIdentityException(e);
        }
    }

    /** The location's {@code registry/identity.json} was read but is not an identity (damaged or foreign). */
    static final class NotAnIdentityException extends RuntimeException {
        NotAnIdentityException(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Writes the identity object to a location that has none (write-once). */
    static void writeTo(StorageLocation location, Identity identity) {
        location.put(JournalFormat.IDENTITY_KEY, json(identity));
    }

    static byte[] json(Identity identity) {
        ObjectNode node = JSON.createObjectNode();
        node.put("registryId", identity.registryId().toString());
        node.put("createdAt", DateTimeFormatter.ISO_INSTANT.format(identity.createdAt()));
        node.put("format", "journal-archive registry journal 1 (archive-format/registry-journal.md)");
        node.put("ru", JournalTexts.get("identity.description.ru"));
        node.put("en", JournalTexts.get("identity.description.en"));
        return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
