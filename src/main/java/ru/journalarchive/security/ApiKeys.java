package ru.journalarchive.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Journal systems' API keys, each bound to one school: creates a key (printed once; only its SHA-256 is kept) and
 * resolves a presented key to its caller.
 */
@Service
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        return jdbc.sql("SELECT school_id, name FROM api_key WHERE key_sha256 = ?").param(sha256(key.strip()))
                .query((rs, n) -> new Caller("api-key:" + rs.getString(1) + "/" + rs.getString(2), null,
                        Set.of(rs.getString(1))))
                .optional();
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    key.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
