package ru.journalarchive.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pkcs12TokenTest {

    private static final char[] PASSWORD = "correct horse".toCharArray();
    private static final byte[] DATA = "signed attributes, DER".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void anRsaKeyInAPkcs12FileSignsAndTheSignatureVerifiesWithItsCertificate() throws Exception {
        Path file = keyStore("rsa.p12", DemoCertificates.KeyKind.RSA_3072, "director");

        try (Pkcs12Token token = Pkcs12Token.open(file, PASSWORD, null)) {
            assertThat(token.algorithm()).isEqualTo(SignatureAlgorithm.RSA_SHA256);
            assertThat(token.chain()).hasSize(2);
            assertThat(verifies(token, token.sign(DATA))).isTrue();
            assertThat(token.description()).contains("rsa.p12").doesNotContain(new String(PASSWORD));
        }
    }

    @Test
    void externalSigningRoundTripWithAGostPkcs12KeyGivesAValidTrustedPadesSignature() throws Exception {
        Path file = keyStore("gost-director.p12", DemoCertificates.KeyKind.GOST_2012_256, "director");
        TestPki pki = TestPki.get();
        try (LocalTimestampAuthority tsa = LocalTimestampAuthority.start(pki.tsa.key(), pki.tsa.certificate(),
                pki.tsa.chain());
             Pkcs12Token token = Pkcs12Token.open(file, PASSWORD, "director")) {
            PadesSigner server = new PadesSigner(tsa.client());
            // Phase 1 on the server knows only the certificate chain; phase 2 is the director's key alone.
            PreparedSignature prepared = server.prepare(SamplePdfs.journal(), token.chain(), token.algorithm(),
                    Instant.now());
            byte[] value = token.sign(PreparedSignature.fromJson(prepared.toJson()).dataToSign());
            byte[] signed = server.complete(PreparedSignature.fromJson(prepared.toJson()), value);

            SignatureReport report = new PadesVerifier().verify(signed,
                    List.of(token.chain().get(token.chain().size() - 1), pki.ca.certificate()));
            assertThat(report.valid()).as(String.join("\n", report.problems())).isTrue();
            assertThat(report.signatures().get(0).algorithm()).isEqualTo(SignatureAlgorithm.GOST_2012_256.name());
        }
    }

    @Test
    void aGostKeyInAPkcs12FileSignsWithStreebogAndTheSignatureVerifies() throws Exception {
        Path file = keyStore("gost.p12", DemoCertificates.KeyKind.GOST_2012_256, "director");

        try (Pkcs12Token token = Pkcs12Token.open(file, PASSWORD, "director")) {
            assertThat(token.algorithm()).isEqualTo(SignatureAlgorithm.GOST_2012_256);
            byte[] signature = token.sign(DATA);
            assertThat(signature).hasSize(64);
            assertThat(verifies(token, signature)).isTrue();
        }
    }

    @Test
    void anEcdsaKeyInAPkcs12FileSignsAndVerifies() throws Exception {
        Path file = keyStore("ec.p12", DemoCertificates.KeyKind.EC_P256, "director");

        try (Pkcs12Token token = Pkcs12Token.open(file, PASSWORD, null)) {
            assertThat(token.algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_P256_SHA256);
            assertThat(verifies(token, token.sign(DATA))).isTrue();
        }
    }

    @Test
    void aWrongPasswordIsReportedInRussianNamingTheFile() throws Exception {
        Path file = keyStore("director.p12", DemoCertificates.KeyKind.RSA_3072, "director");

        assertThatThrownBy(() -> Pkcs12Token.open(file, "wrong".toCharArray(), null))
                .isInstanceOf(TokenException.class)
                .hasMessageContaining("Неверный пароль")
                .hasMessageContaining(file.toString());
    }

    @Test
    void aMissingFileIsReportedNamingTheFile() {
        Path file = dir.resolve("nowhere.p12");

        assertThatThrownBy(() -> Pkcs12Token.open(file, PASSWORD, null))
                .isInstanceOf(TokenException.class)
                .hasMessageContaining("не найден")
                .hasMessageContaining(file.toString());
    }

    @Test
    void aFileWithSeveralKeysAndNoAliasAsksForTheAliasAndListsTheKeys() throws Exception {
        DemoCertificates.Issued ca = ca();
        DemoCertificates.Issued first = signer(ca, DemoCertificates.KeyKind.EC_P256);
        DemoCertificates.Issued second = signer(ca, DemoCertificates.KeyKind.EC_P256);
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12", TokenProviders.bouncyCastle());
        store.load(null, null);
        store.setKeyEntry("director", first.keyPair().getPrivate(), PASSWORD,
                new java.security.cert.Certificate[] {first.certificate()});
        store.setKeyEntry("deputy", second.keyPair().getPrivate(), PASSWORD,
                new java.security.cert.Certificate[] {second.certificate()});
        Path file = dir.resolve("two.p12");
        try (var out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }

        assertThatThrownBy(() -> Pkcs12Token.open(file, PASSWORD, null))
                .isInstanceOf(TokenException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("deputy, director")
                .hasMessageContaining("alias");
        try (Pkcs12Token deputy = Pkcs12Token.open(file, PASSWORD, "deputy")) {
            assertThat(deputy.certificate()).isEqualTo(second.certificate());
        }
        assertThatThrownBy(() -> Pkcs12Token.open(file, PASSWORD, "bursar"))
                .hasMessageContaining("«bursar»");
    }

    @Test
    void aClosedTokenNoLongerSigns() throws Exception {
        Path file = keyStore("ec.p12", DemoCertificates.KeyKind.EC_P256, "director");
        Pkcs12Token token = Pkcs12Token.open(file, PASSWORD, null);
        token.close();

        assertThatThrownBy(() -> token.sign(DATA)).isInstanceOf(IllegalStateException.class);
    }

    private Path keyStore(String name, DemoCertificates.KeyKind kind, String alias) throws Exception {
        DemoCertificates.Issued ca = ca();
        DemoCertificates.Issued signer = signer(ca, kind);
        Path file = dir.resolve(name);
        Files.write(file, DemoCertificates.pkcs12(alias, signer.keyPair().getPrivate(),
                List.of(signer.certificate(), ca.certificate()), PASSWORD));
        return file;
    }

    private static DemoCertificates.Issued ca() {
        return DemoCertificates.selfSignedCa(new X500Name("CN=Test CA,O=Test,C=RU"), DemoCertificates.KeyKind.EC_P256,
                Instant.now().minusSeconds(60), Duration.ofDays(30));
    }

    private static DemoCertificates.Issued signer(DemoCertificates.Issued ca, DemoCertificates.KeyKind kind) {
        return DemoCertificates.issue(new X500Name("CN=Иванова Мария Петровна (тест),C=RU"), kind,
                DemoCertificates.Role.SIGNER, ca, Instant.now().minusSeconds(60), Duration.ofDays(30));
    }

    private static boolean verifies(SigningToken token, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance(token.algorithm().jcaName(), "BC");
        verifier.initVerify(token.certificate().getPublicKey());
        verifier.update(DATA);
        return verifier.verify(signature);
    }
}
