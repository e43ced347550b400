package ru.journalarchive.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for the signing tests, made with Bouncy Castle: a root CA, a signer per algorithm of the policy
 * (RSA-3072, ECDSA P-256/P-384, GOST R 34.10-2012 256/512), a timestamp authority (EKU timeStamping, critical) and a
 * second, untrusted CA with its own signer. Every name is invented.
 */
final class TestPki {

    static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SERIALS = new AtomicLong(0x5A17_0000L);
    private static final Instant NOT_BEFORE = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private static final Instant NOT_AFTER = NOT_BEFORE.plus(395, ChronoUnit.DAYS);

    private static TestPki instance;

    final Issued ca;
    final Issued tsa;
    final Issued otherCa;
    final Issued otherSigner;
    private final Map<SignatureAlgorithm, Issued> signers = new EnumMap<>(SignatureAlgorithm.class);

    /** A key and its certificate chain (the certificate first, the root last). */
    record Issued(PrivateKey key, List<X509Certificate> chain) {
        X509Certificate certificate() {
            return chain.get(0);
        }
    }

    private TestPki() {
        ca = root(keyPair(SignatureAlgorithm.ECDSA_P384_SHA384), "Тестовый удостоверяющий центр «Журнальный архив»");
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            signers.put(algorithm, signer(ca, keyPair(algorithm), algorithm));
        }
        tsa = issue(ca, keyPair(SignatureAlgorithm.ECDSA_P256_SHA256),
                name(LocalTimestampAuthority.DEMO_SUBJECT_CN, null, null), false, true);
        otherCa = root(keyPair(SignatureAlgorithm.ECDSA_P256_SHA256), "Посторонний удостоверяющий центр");
        otherSigner = signer(otherCa, keyPair(SignatureAlgorithm.RSA_SHA256), SignatureAlgorithm.RSA_SHA256);
    }

    static synchronized TestPki get() {
        if (instance == null) {
            instance = new TestPki();
        }
        return instance;
    }

    Issued signer(SignatureAlgorithm algorithm) {
        return signers.get(algorithm);
    }

    /** A token over a signer's private key, like a PKCS#12 token would be. */
    SigningToken token(SignatureAlgorithm algorithm) {
        return new KeyToken(signer(algorithm));
    }

    static void writePem(Path file, X509Certificate... certificates) {
        StringBuilder pem = new StringBuilder();
        try {
            for (X509Certificate certificate : certificates) {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
            Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Issued signer(Issued issuer, KeyPair keys, SignatureAlgorithm algorithm) {
        String[][] people = {
            {"Светлова", "Ирина Андреевна"}, {"Журавлёва", "Нина Петровна"}, {"Соколов", "Пётр Ильич"},
            {"Ласточкина", "Вера Олеговна"}, {"Синицын", "Роман Юрьевич"}};
        String[] person = people[algorithm.ordinal() % people.length];
        X500Name subject = name(person[0] + " " + person[1], person[0], person[1]);
        return issue(issuer, keys, subject, false, false);
    }

    private static Issued root(KeyPair keys, String cn) {
        X500Name name = name(cn, null, null);
        return build(name, keys, name, keys.getPrivate(), List.of(), true, false);
    }

    private static Issued issue(Issued issuer, KeyPair keys, X500Name subject, boolean ca, boolean timestamping) {
        return build(subject, keys, X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                issuer.key(), issuer.chain(), ca, timestamping);
    }

    private static Issued build(X500Name subject, KeyPair keys, X500Name issuerName, PrivateKey issuerKey,
            List<X509Certificate> issuerChain, boolean ca, boolean timestamping) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    BigInteger.valueOf(SERIALS.incrementAndGet()).shiftLeft(64).add(BigInteger.valueOf(
                            RANDOM.nextLong() & Long.MAX_VALUE)),
                    Date.from(NOT_BEFORE), Date.from(NOT_AFTER), subject, keys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(keys.getPublic()));
            if (!issuerChain.isEmpty()) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(issuerChain.get(0)));
            }
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            if (timestamping) {
                // RFC 3161 §2.3: the TSA certificate has exactly this one extended key usage, critical.
                builder.addExtension(Extension.extendedKeyUsage, true,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            }
            String signatureName = SignatureAlgorithm.forKey(
                    issuerChain.isEmpty() ? keys.getPublic() : issuerChain.get(0).getPublicKey()).jcaName();
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(BC).getCertificate(
                    builder.build(new JcaContentSignerBuilder(signatureName).setProvider(BC).build(issuerKey)));
            List<X509Certificate> chain = new java.util.ArrayList<>();
            chain.add(certificate);
            chain.addAll(issuerChain);
            return new Issued(keys.getPrivate(), List.copyOf(chain));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate", e);
        }
    }

    private static X500Name name(String cn, String surname, String givenName) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "RU")
                .addRDN(BCStyle.O, "МБОУ «СОШ № 7» г. Новоберёзовска (тест)");
        if (surname != null) {
            builder.addRDN(BCStyle.SURNAME, surname).addRDN(BCStyle.GIVENNAME, givenName)
                    .addRDN(BCStyle.T, "Директор");
        }
        return builder.addRDN(BCStyle.CN, cn).build();
    }

    static KeyPair keyPair(SignatureAlgorithm algorithm) {
        try {
            KeyPairGenerator generator;
            switch (algorithm) {
                case RSA_SHA256 -> {
                    generator = KeyPairGenerator.getInstance("RSA", BC);
                    generator.initialize(3072, RANDOM);
                }
                case ECDSA_P256_SHA256, ECDSA_P384_SHA384 -> {
                    generator = KeyPairGenerator.getInstance("EC", BC);
                    generator.initialize(new ECGenParameterSpec(
                            algorithm == SignatureAlgorithm.ECDSA_P256_SHA256 ? "secp256r1" : "secp384r1"), RANDOM);
                }
                default -> {
                    generator = KeyPairGenerator.getInstance("ECGOST3410-2012", BC);
                    generator.initialize(new ECGenParameterSpec(algorithm == SignatureAlgorithm.GOST_2012_256
                            ? "Tc26-Gost-3410-12-256-paramSetA" : "Tc26-Gost-3410-12-512-paramSetA"), RANDOM);
                }
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A {@link SigningToken} over a private key held in memory. */
    static final class KeyToken implements SigningToken {

        private final Issued issued;

        KeyToken(Issued issued) {
            this.issued = issued;
        }

        @Override
        public String description() {
            return "test key of " + certificate().getSubjectX500Principal().getName();
        }

        @Override
        public X509Certificate certificate() {
            return issued.certificate();
        }

        @Override
        public List<X509Certificate> chain() {
            return issued.chain();
        }

        @Override
        public byte[] sign(byte[] dataToSign) {
            return signWith(issued.key(), algorithm(), dataToSign);
        }
    }

    static byte[] signWith(PrivateKey key, SignatureAlgorithm algorithm, byte[] data) {
        try {
            java.security.Signature signature = java.security.Signature.getInstance(algorithm.jcaName(), BC);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
