package ru.journalarchive.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes key pairs and certificates for the demo PKI and for tests: a CA, signer certificates (RSA-3072, ECDSA P-256,
 * GOST R 34.10-2012 256) and a timestamping certificate, plus PKCS#12 and PEM encodings. Never for real keys.
 */
final class DemoCertificates {

    /** The kind of key a certificate is made for. */
    enum KeyKind { RSA_3072, EC_P256, GOST_2012_256 }

    /** What a certificate is for; decides its extensions. */
    enum Role { CA, SIGNER, TIMESTAMPING }

    /** A key pair with its certificate. */
    record Issued(KeyPair keyPair, X509Certificate certificate) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoCertificates() {
    }

    static KeyPair keyPair(KeyKind kind) {
        try {
            return switch (kind) {
                case RSA_3072 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", TokenProviders.bouncyCastle());
                    generator.initialize(3072, RANDOM);
                    yield generator.generateKeyPair();
                }
                case EC_P256 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", TokenProviders.bouncyCastle());
                    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                    yield generator.generateKeyPair();
                }
                case GOST_2012_256 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("ECGOST3410-2012",
                            TokenProviders.bouncyCastle());
                    generator.initialize(new ECGenParameterSpec("Tc26-Gost-3410-12-256-paramSetA"), RANDOM);
                    yield generator.generateKeyPair();
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + kind + " key pair", e);
        }
    }

    /** A self-signed CA certificate. */
    static Issued selfSignedCa(X500Name subject, KeyKind kind, Instant notBefore, Duration validity) {
        KeyPair keyPair = keyPair(kind);
        return new Issued(keyPair, issue(subject, keyPair.getPublic(), Role.CA, subject, keyPair, null, notBefore,
                validity));
    }

    /** A new key pair of {@code kind} with a certificate for {@code role} issued by {@code issuer}. */
    static Issued issue(X500Name subject, KeyKind kind, Role role, Issued issuer, Instant notBefore,
            Duration validity) {
        KeyPair keyPair = keyPair(kind);
        X500Name issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        return new Issued(keyPair, issue(subject, keyPair.getPublic(), role, issuerName, issuer.keyPair(),
                issuer.certificate(), notBefore, validity));
    }

    private static X509Certificate issue(X500Name subject, java.security.PublicKey publicKey, Role role,
            X500Name issuerName, KeyPair issuerKeys, X509Certificate issuerCertificate, Instant notBefore,
            Duration validity) {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(127, RANDOM).setBit(126), Date.from(notBefore),
                    Date.from(notBefore.plus(validity)), subject, publicKey);
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, issuerCertificate == null
                    ? extensions.createAuthorityKeyIdentifier(publicKey)
                    : extensions.createAuthorityKeyIdentifier(issuerCertificate));
            switch (role) {
                case CA -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                case SIGNER -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                }
                case TIMESTAMPING -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                    // RFC 3161 §2.3: a TSA certificate has exactly one EKU, id-kp-timeStamping, marked critical.
                    builder.addExtension(Extension.extendedKeyUsage, true,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                }
            }
            String algorithm = SignatureAlgorithm.forKey(issuerKeys.getPublic()).jcaName();
            ContentSigner signer = new JcaContentSignerBuilder(algorithm)
                    .setProvider(TokenProviders.bouncyCastle()).build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().setProvider(TokenProviders.bouncyCastle())
                    .getCertificate(builder.build(signer));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a certificate for " + subject, e);
        }
    }

    /** A PKCS#12 key store (made by Bouncy Castle, so GOST keys fit) holding one key under {@code alias}. */
    static byte[] pkcs12(String alias, PrivateKey key, List<X509Certificate> chain, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12", TokenProviders.bouncyCastle());
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain.toArray(X509Certificate[]::new));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write a PKCS#12 key store", e);
        }
    }

    /** The PEM encoding of a certificate. */
    static String pem(X509Certificate certificate) {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PEM armour around DER bytes, e.g. a PKCS#8 private key with type {@code PRIVATE KEY}. */
    static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
