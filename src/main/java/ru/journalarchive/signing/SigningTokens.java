package ru.journalarchive.signing;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Opens the director's signing token as configured ({@code archive.signing.*}): a PKCS#12 file, a PKCS#11 token, or,
 * when no token is configured and demo mode is on, the demo director's key. Also gives the demo PKI (for the
 * built-in timestamp authority) and the trust anchors verification uses. The single way other modules reach keys.
 */
@Component
public class SigningTokens {

    private final SigningProperties properties;
    private final Path demoDirectory;
    private DemoPki demoPki;
    private TrustAnchors trustAnchors;

    @Autowired
    public SigningTokens(SigningProperties properties,
            @Value("${archive.data-directory:./data}") Path dataDirectory) {
        this.properties = properties;
        this.demoDirectory = dataDirectory.resolve("signing");
    }

    /** For use without Spring: the demo PKI goes under {@code <dataDirectory>/signing/}. */
    public static SigningTokens of(SigningProperties properties, Path dataDirectory) {
        return new SigningTokens(properties, dataDirectory);
    }

    /** The configuration. */
    public SigningProperties properties() {
        return properties;
    }

    /** Whether signing is external: the key is on the director's machine and {@link #open()} is not possible. */
    public boolean external() {
        return SigningProperties.EXTERNAL.equals(properties.token().type());
    }

    /** Whether {@link #open()} gives the demo director's key (demo mode and no token configured). */
    public boolean usesDemoKey() {
        return properties.demo() && !properties.tokenConfigured();
    }

    /**
     * Opens the configured token; the caller closes it.
     *
     * @throws TokenException when signing is external, when nothing is configured and demo mode is off, or when the
     *                        token cannot be opened (the message names it)
     */
    public SigningToken open() {
        SigningProperties.Token token = properties.token();
        if (token.type() == null) {
            if (!properties.demo()) {
                throw new TokenException(TokenMessages.get("token.none"));
            }
            return demoPki().orElseThrow().openDirectorToken();
        }
        return switch (token.type()) {
            case SigningProperties.PKCS12 -> Pkcs12Token.open(token.pkcs12().path(),
                    token.pkcs12().password().toCharArray(), blankToNull(token.pkcs12().alias()));
            case SigningProperties.PKCS11 -> Pkcs11Token.open(token.pkcs11().module(), token.pkcs11().slot(),
                    blankToNull(token.pkcs11().tokenLabel()), token.pkcs11().pin().toCharArray(),
                    blankToNull(token.pkcs11().alias()));
            case SigningProperties.EXTERNAL -> throw new TokenException(TokenMessages.get("token.external"));
            default -> throw new IllegalStateException("unchecked token type " + token.type());
        };
    }

    /**
     * The demo PKI under {@code <data-directory>/signing/}, created on first use, when demo mode is on (whether or
     * not a real token is configured: its TSA key serves the built-in timestamp authority); empty when it is off.
     */
    public synchronized Optional<DemoPki> demoPki() {
        if (!properties.demo()) {
            return Optional.empty();
        }
        if (demoPki == null) {
            demoPki = DemoPki.createOrLoad(demoDirectory, properties.demoSchool());
        }
        return Optional.of(demoPki);
    }

    /** The configured trust anchors, plus the demo CA (flagged as demo) while the demo key is used; loaded once. */
    public synchronized TrustAnchors trustAnchors() {
        if (trustAnchors == null) {
            TrustAnchors configured = TrustAnchors.load(properties.trustAnchors());
            // The demo CA is trusted only while the demo key signs: a school with its own token never trusts it.
            trustAnchors = usesDemoKey()
                    ? demoPki().map(pki -> configured.withDemo(pki.caCertificate())).orElse(configured)
                    : configured;
        }
        return trustAnchors;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
