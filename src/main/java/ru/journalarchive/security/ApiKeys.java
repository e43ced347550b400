package ru.journalarchive.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;

/**
 * Journal systems' API keys, each bound to one school: creates a key (printed once; only its SHA-256 is kept),
 * resolves a presented key to its caller, and revokes a key (a revoked key is refused at once).
 */
@Service
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AccessLog accessLog;

    ApiKeys(JdbcClient jdbc, AccessLog accessLog) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
    }

    /** Creates a key for a school and returns the key itself: it is not kept and cannot be shown again. */
    public String create(String schoolId, String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = "ja_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO api_key (id, name, school_id, key_sha256, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), name.strip(), schoolId, sha256(key), Timestamp.from(Instant.now()))
                .update();
        return key;
    }

    /** The journal system a presented key belongs to, if it is a known key. */
    public Optional<Caller> resolve(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT school_id, name FROM api_key WHERE key_sha256 = ? AND revoked_at IS NULL")
                .param(sha256(key.strip()))
                .query((rs, n) -> new Caller("api-key:" + rs.getString(1) + "/" + rs.getString(2), null,
                        Set.of(rs.getString(1))))
                .optional();
    }

    /** A key as listed: never the key itself. */
    public record Key(UUID id, String schoolId, String name) {
    }

    /**
     * Revokes a live key named by its id or its name; the key is refused from the next request on.
     *
     * @throws IllegalArgumentException if no live key has that id or name
     * @throws AmbiguousKeyException    if several schools' live keys have that name
     */
    @Transactional
    public Key revoke(String ref, String by) {
        UUID id = null;
        try {
            id = UUID.fromString(ref.strip());
        } catch (IllegalArgumentException byName) {
            // a name
        }
        List<Key> keys = jdbc.sql("SELECT id, school_id, name FROM api_key WHERE revoked_at IS NULL AND "
                        + (id != null ? "id = ?" : "name = ?") + " ORDER BY school_id FOR UPDATE")
                .param(id != null ? id : ref.strip())
                .query((rs, n) -> new Key(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no live key " + ref);
        }
        if (keys.size() > 1) {
            throw new AmbiguousKeyException(keys.stream().map(Key::schoolId).toList());
        }
        Key key = keys.get(0);
        jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE id = ?").params(Timestamp.from(Instant.now()), key.id())
                .update();
        accessLog.record(new AccessEntry(by, AccessAction.API_KEY_REVOKED, null, null, null, null, null,
                "key=" + key.id() + " school=" + key.schoolId() + " name=" + key.name()));
        return key;
    }

    /** Several schools' keys have the name given: the key must be named by its id. */
    public static class AmbiguousKeyException extends IllegalArgumentException {

        private final List<String> schools;

        AmbiguousKeyException(List<String> schools) {
            super("ambiguous key name");
            this.schools = List.copyOf(schools);
        }

        /** The schools whose live keys share the name. */
        public List<String> schools() {
            return schools;
        }
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    key.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
