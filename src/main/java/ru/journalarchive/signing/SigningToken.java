package ru.journalarchive.signing;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A key that signs, wherever it lives: a PKCS#12 file, a PKCS#11 hardware token (e.g. Rutoken through SunPKCS11),
 * or the director's own machine (external signing). Phase 2 of three-phase signing: it turns the data to sign into a
 * signature value; the key never leaves the token.
 */
public interface SigningToken extends AutoCloseable {

    /** A human-readable description of the token, without secrets (e.g. «PKCS#12 ./data/signing/demo-director.p12»). */
    String description();

    /** The signer's certificate. */
    X509Certificate certificate();

    /** The certificate chain, the signer's certificate first (the trust anchor may be omitted). */
    List<X509Certificate> chain();

    /** The signature algorithm the key dictates under the signature policy. */
    default SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.forKey(certificate().getPublicKey());
    }

    /** Signs {@code dataToSign} (the DER-encoded signed attributes) with {@link #algorithm()}. */
    byte[] sign(byte[] dataToSign);

    @Override
    default void close() {
    }
}
