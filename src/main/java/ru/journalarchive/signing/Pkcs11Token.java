package ru.journalarchive.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.login.LoginException;

/**
 * A signing key inside a PKCS#11 token (Rutoken, JaCarta, an HSM, SoftHSM2 for tests), used through the JDK's
 * SunPKCS11 provider configured in memory: the key never leaves the token, only the data to sign goes in. SunPKCS11
 * signs RSA and ECDSA; it does not do GOST R 34.10-2012, so a GOST key on a token is refused with a message pointing
 * to external signing (see {@code signing/tokens.md}).
 */
public final class Pkcs11Token implements SigningToken {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Provider provider;
    private final String description;
    private final String alias;
    private final List<X509Certificate> chain;
    private final SignatureAlgorithm algorithm;
    private PrivateKey key;

    private Pkcs11Token(Provider provider, String description, String alias, PrivateKey key,
            List<X509Certificate> chain, SignatureAlgorithm algorithm) {
        this.provider = provider;
        this.description = description;
        this.alias = alias;
        this.key = key;
        this.chain = chain;
        this.algorithm = algorithm;
    }

    /**
     * Logs in to a token and picks its signing key.
     *
     * @param module     the token's PKCS#11 library, e.g. {@code /usr/lib/librtpkcs11ecp.so} (Rutoken),
     *                   {@code /usr/lib/softhsm/libsofthsm2.so} (SoftHSM2)
     * @param slot       the slot id, or {@code null} when {@code tokenLabel} is given
     * @param tokenLabel the token's label, or {@code null} when {@code slot} is given
     * @param pin        the user PIN
     * @param alias      the key's label on the token; {@code null} takes the only key
     * @throws TokenException naming the module or token: missing module, no such token, wrong PIN, no key, several
     *                        keys and no alias, a GOST key
     */
    public static Pkcs11Token open(Path module, Long slot, String tokenLabel, char[] pin, String alias) {
        if (!Files.isRegularFile(module)) {
            throw new TokenException(TokenMessages.get("token.pkcs11.moduleNotFound", module));
        }
        boolean byLabel = tokenLabel != null && !tokenLabel.isBlank();
        if ((slot == null) == !byLabel) {
            throw new TokenException(TokenMessages.get("token.pkcs11.slotOrLabel"));
        }
        long slotId = byLabel ? TokenSlots.slotOf(module, tokenLabel) : slot;
        String where = "PKCS#11 " + module + (byLabel ? " «" + tokenLabel.strip() + "»" : "") + " slot " + slotId;
        Provider provider = configure(module, slotId, where);
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
        } catch (IOException e) {
            if (isLoginFailure(e)) {
                throw new TokenException(TokenMessages.get("token.pkcs11.wrongPin", where), e);
            }
            throw new TokenException(TokenMessages.get("token.pkcs11.unavailable", where,
                    TokenSlots.rootMessage(e)), e);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenException(TokenMessages.get("token.pkcs11.unavailable", where,
                    TokenSlots.rootMessage(e)), e);
        }
        try {
            String chosen = TokenKeys.chooseAlias(store, alias, where);
            Key key = store.getKey(chosen, null);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new TokenException(TokenMessages.get("token.noKey", where));
            }
            List<X509Certificate> chain = withBouncyCastle(TokenKeys.chain(store, chosen));
            SignatureAlgorithm algorithm;
            try {
                algorithm = SignatureAlgorithm.forKey(chain.get(0).getPublicKey());
            } catch (IllegalArgumentException e) {
                throw new TokenException(TokenMessages.get("token.keyUnusable", where, chosen, e.getMessage()), e);
            }
            if (algorithm == SignatureAlgorithm.GOST_2012_256 || algorithm == SignatureAlgorithm.GOST_2012_512) {
                throw new TokenException(TokenMessages.get("token.pkcs11.gost", where, chosen));
            }
            return new Pkcs11Token(provider, where + " (" + chosen + ")", chosen, privateKey, chain, algorithm);
        } catch (GeneralSecurityException e) {
            logout(provider);
            throw new TokenException(TokenMessages.get("token.pkcs11.unavailable", where,
                    TokenSlots.rootMessage(e)), e);
        } catch (TokenException e) {
            logout(provider);
            throw e;
        }
    }

    private static boolean isLoginFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // SunPKCS11 wraps CKR_PIN_INCORRECT / CKR_PIN_LOCKED in a FailedLoginException inside the IOException.
            if (cause instanceof LoginException || String.valueOf(cause.getMessage()).contains("CKR_PIN_")) {
                return true;
            }
        }
        return false;
    }

    private static Provider configure(Path module, long slotId, String where) {
        // The library path is quoted in SunPKCS11's configuration syntax, where a backslash escapes: use slashes.
        String config = """
                name = JournalArchive%d
                library = "%s"
                slot = %d
                """.formatted(INSTANCES.incrementAndGet(), module.toAbsolutePath().toString().replace('\\', '/'),
                slotId);
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new TokenException(TokenMessages.get("token.pkcs11.unavailable", where, "SunPKCS11 not present"));
        }
        try {
            return base.configure("--" + config);
        } catch (ProviderException | IllegalArgumentException e) {
            throw new TokenException(TokenMessages.get("token.pkcs11.unavailable", where,
                    TokenSlots.rootMessage(e)), e);
        }
    }

    /** Re-reads certificates with Bouncy Castle, whose key classes name GOST and EC curves the policy checks. */
    private static List<X509Certificate> withBouncyCastle(List<X509Certificate> chain)
            throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509", TokenProviders.bouncyCastle());
        List<X509Certificate> certificates = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            certificates.add((X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(certificate.getEncoded())));
        }
        return List.copyOf(certificates);
    }

    /** The key's label on the token. */
    public String alias() {
        return alias;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public X509Certificate certificate() {
        return chain.get(0);
    }

    @Override
    public List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /** Signs inside the token through SunPKCS11 (ECDSA values come back DER-encoded, as CMS wants them). */
    @Override
    public synchronized byte[] sign(byte[] dataToSign) {
        if (key == null) {
            throw new IllegalStateException("token closed: " + description);
        }
        try {
            Signature signature = Signature.getInstance(algorithm.jcaName(), provider);
            signature.initSign(key);
            signature.update(dataToSign);
            return signature.sign();
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenException(TokenMessages.get("token.signFailed", description,
                    TokenSlots.rootMessage(e)), e);
        }
    }

    /** Logs out of the token; the provider was never registered globally, so nothing else stays behind. */
    @Override
    public synchronized void close() {
        if (key != null) {
            key = null;
            logout(provider);
        }
    }

    private static void logout(Provider provider) {
        if (provider instanceof AuthProvider auth) {
            try {
                auth.logout();
            } catch (LoginException | ProviderException e) {
                // already logged out or the token was removed: nothing to release
            }
        }
    }
}
