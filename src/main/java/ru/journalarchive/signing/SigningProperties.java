package ru.journalarchive.signing;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The director's signing key, the demo PKI, the trust anchors and the timestamp authority
 * ({@code archive.signing.*}). Checked on creation: a bad value fails the start with the property's name. Secrets
 * (the PKCS#12 password, the token PIN) belong in environment variables ({@code ARCHIVE_SIGNING_TOKEN_PKCS12_PASSWORD},
 * {@code ARCHIVE_SIGNING_TOKEN_PKCS11_PIN}), not in files.
 *
 * @param token        where the director's key lives; absent or without type: no token configured
 * @param demo         create and use the demo PKI when no token is configured (default {@code true})
 * @param demoSchool   the school named in the demo director's certificate (optional)
 * @param trustAnchors the folder of trusted CA certificates, {@code classpath:…} or {@code file:…}
 *                     (default {@code classpath:signing/trust-anchors/})
 * @param tsa          the timestamp authority
 */
@ConfigurationProperties(SigningProperties.PREFIX)
public record SigningProperties(Token token, @DefaultValue("true") boolean demo, String demoSchool,
        @DefaultValue(SigningProperties.DEFAULT_TRUST_ANCHORS) String trustAnchors, Tsa tsa) {

    static final String PREFIX = "archive.signing";
    static final String DEFAULT_TRUST_ANCHORS = "classpath:signing/trust-anchors/";

    /** The token types. */
    public static final String PKCS12 = "pkcs12";
    /** A PKCS#11 token through SunPKCS11. */
    public static final String PKCS11 = "pkcs11";
    /** The key stays on the director's machine: prepare, sign offline, complete. */
    public static final String EXTERNAL = "external";

    public SigningProperties {
        token = token == null ? new Token(null, null, null) : token;
        tsa = tsa == null ? new Tsa("") : tsa;
        trustAnchors = trustAnchors == null || trustAnchors.isBlank() ? DEFAULT_TRUST_ANCHORS : trustAnchors.strip();
        validate(token, trustAnchors, tsa);
    }

    /** Defaults: no token, demo on, the shipped trust anchors, the built-in timestamp authority. */
    public static SigningProperties defaults() {
        return new SigningProperties(null, true, null, null, null);
    }

    /** Whether a token type is set ({@code pkcs12}, {@code pkcs11} or {@code external}). */
    public boolean tokenConfigured() {
        return token.type() != null;
    }

    /**
     * Where the key lives.
     *
     * @param type   {@code pkcs12}, {@code pkcs11} or {@code external}; {@code null} when none is configured
     * @param pkcs12 the PKCS#12 file, for {@code pkcs12}
     * @param pkcs11 the PKCS#11 token, for {@code pkcs11}
     */
    public record Token(String type, Pkcs12 pkcs12, Pkcs11 pkcs11) {
        public Token {
            type = type == null || type.isBlank() ? null : type.strip().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A PKCS#12 file.
     *
     * @param path     the .p12/.pfx file
     * @param password its password (from {@code ARCHIVE_SIGNING_TOKEN_PKCS12_PASSWORD})
     * @param alias    the key's alias; empty for the only key
     */
    public record Pkcs12(Path path, String password, String alias) {
    }

    /**
     * A PKCS#11 token.
     *
     * @param module     the vendor's PKCS#11 library
     * @param slot       the slot id (one of slot and token label)
     * @param tokenLabel the token's label (one of slot and token label)
     * @param pin        the user PIN (from {@code ARCHIVE_SIGNING_TOKEN_PKCS11_PIN})
     * @param alias      the key's label on the token; empty for the only key
     */
    public record Pkcs11(Path module, Long slot, String tokenLabel, String pin, String alias) {
    }

    /**
     * The timestamp authority.
     *
     * @param url an RFC 3161 TSA's URL (http or https); empty for the built-in one
     */
    public record Tsa(String url) {
        public Tsa {
            url = url == null ? "" : url.strip();
        }
    }

    private static void validate(Token token, String trustAnchors, Tsa tsa) {
        String tokenPrefix = PREFIX + ".token";
        if (token.type() != null) {
            switch (token.type()) {
                case PKCS12 -> {
                    Pkcs12 p12 = token.pkcs12() == null ? new Pkcs12(null, null, null) : token.pkcs12();
                    require(p12.path() != null, tokenPrefix + ".pkcs12.path", TokenMessages.get("config.required"));
                    require(p12.password() != null, tokenPrefix + ".pkcs12.password",
                            TokenMessages.get("config.secretRequired", "ARCHIVE_SIGNING_TOKEN_PKCS12_PASSWORD"));
                }
                case PKCS11 -> {
                    Pkcs11 p11 = token.pkcs11() == null ? new Pkcs11(null, null, null, null, null) : token.pkcs11();
                    require(p11.module() != null, tokenPrefix + ".pkcs11.module", TokenMessages.get("config.required"));
                    boolean label = p11.tokenLabel() != null && !p11.tokenLabel().isBlank();
                    require((p11.slot() != null) != label, tokenPrefix + ".pkcs11.slot",
                            TokenMessages.get("config.slotOrLabel"));
                    require(p11.slot() == null || p11.slot() >= 0, tokenPrefix + ".pkcs11.slot",
                            TokenMessages.get("config.slotNegative", String.valueOf(p11.slot())));
                    require(p11.pin() != null && !p11.pin().isEmpty(), tokenPrefix + ".pkcs11.pin",
                            TokenMessages.get("config.secretRequired", "ARCHIVE_SIGNING_TOKEN_PKCS11_PIN"));
                }
                case EXTERNAL -> {
                    // nothing on the server: the key signs on the director's machine
                }
                default -> throw invalid(tokenPrefix + ".type", TokenMessages.get("config.type", token.type()));
            }
        }
        require(trustAnchors.startsWith("classpath:") || trustAnchors.startsWith("file:"), PREFIX + ".trust-anchors",
                TokenMessages.get("config.location", trustAnchors));
        if (!tsa.url().isEmpty()) {
            require(isHttpUrl(tsa.url()), PREFIX + ".tsa.url", TokenMessages.get("config.url", tsa.url()));
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static void require(boolean condition, String property, String problem) {
        if (!condition) {
            throw invalid(property, problem);
        }
    }

    private static IllegalArgumentException invalid(String property, String problem) {
        return new IllegalArgumentException(TokenMessages.get("config.invalid", property, problem));
    }
}
