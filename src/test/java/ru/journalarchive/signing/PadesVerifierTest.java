package ru.journalarchive.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PadesVerifierTest {

    private static final PadesVerifier VERIFIER = new PadesVerifier();
    private static LocalTimestampAuthority tsa;
    private static PadesSigner signer;
    private static byte[] rsaSigned;

    @BeforeAll
    static void signOnce() {
        TestPki pki = TestPki.get();
        tsa = LocalTimestampAuthority.start(pki.tsa.key(), pki.tsa.certificate(), pki.tsa.chain());
        signer = new PadesSigner(tsa.client());
        rsaSigned = signer.sign(SamplePdfs.journal(), pki.token(SignatureAlgorithm.RSA_SHA256), Instant.now());
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    private static List<java.security.cert.X509Certificate> anchors() {
        return List.of(TestPki.get().ca.certificate());
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void aJournalSignedWithEachAlgorithmOfThePolicyVerifies(SignatureAlgorithm algorithm) throws Exception {
        Instant before = Instant.now().minusSeconds(2);
        TestPki.Issued director = TestPki.get().signer(algorithm);
        byte[] signed = signer.sign(SamplePdfs.journal(), TestPki.get().token(algorithm), Instant.now());

        SignatureReport report = VERIFIER.verify(signed, anchors());

        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
        SignatureCheck check = report.signatures().get(0);
        assertThat(check.algorithm()).isEqualTo(algorithm.name());
        assertThat(check.signerSubject()).isEqualTo(director.certificate().getSubjectX500Principal().getName());
        assertThat(check.serialHex()).isEqualTo(director.certificate().getSerialNumber().toString(16).toUpperCase());
        assertThat(check.sha256Fingerprint()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(director.certificate().getEncoded())));
        assertThat(check.timestampTime()).isBetween(before, Instant.now().plusSeconds(2));
        assertThat(check.tsaName()).contains("ДЕМО — НЕ ДОВЕРЯТЬ");
        assertThat(check.coversWholeFile()).isTrue();
        assertThat(check.signingCertificateV2()).isTrue();
        assertThat(check.noSigningTimeAttribute()).isTrue();
    }

    @Test
    void oneByteChangedInsideTheSignedRangeMakesTheSignatureInvalid() {
        byte[] tampered = rsaSigned.clone();
        int stream = indexOf(tampered, "stream", 2000);
        tampered[stream + 40] ^= 0x01;

        SignatureReport report = VERIFIER.verify(tampered, anchors());

        assertThat(report.valid()).isFalse();
        assertThat(report.signatures().get(0).cryptographicallyValid()).isFalse();
        assertThat(report.problems()).singleElement().asString()
                .startsWith("Подпись 1 (Светлова Ирина Андреевна): документ изменён после подписания");
    }

    @Test
    void aByteAppendedAfterTheSignedRangeMakesTheSignatureInvalid() {
        byte[] extended = Arrays.copyOf(rsaSigned, rsaSigned.length + 1);
        extended[rsaSigned.length] = '\n';

        SignatureReport report = VERIFIER.verify(extended, anchors());

        assertThat(report.valid()).isFalse();
        assertThat(report.signatures().get(0).coversWholeFile()).isFalse();
        assertThat(report.signatures().get(0).cryptographicallyValid()).isTrue();
        assertThat(report.problems()).singleElement().asString().contains("подпись охватывает не весь файл");
    }

    @Test
    void theCheckOfASignatureJustMadeAgreesWithTheFullVerifierAndCatchesTampering() {
        byte[] pdf = SamplePdfs.journal();
        SigningToken token = TestPki.get().token(SignatureAlgorithm.RSA_SHA256);
        PreparedSignature prepared = signer.prepare(pdf, token.chain(), token.algorithm(), Instant.now());
        byte[] signed = signer.complete(prepared, token.sign(prepared.dataToSign()));
        Instant claimed = prepared.signingTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        SignatureCheck quick = VERIFIER.verifyJustSigned(signed, pdf.length, prepared.byteRange(), claimed, anchors());

        assertThat(quick).isEqualTo(VERIFIER.verify(signed, anchors()).signatures().get(0));
        assertThat(quick.valid()).isTrue();
        byte[] tampered = signed.clone();
        tampered[indexOf(tampered, "stream", 2000) + 40] ^= 0x01;
        assertThat(VERIFIER.verifyJustSigned(tampered, pdf.length, prepared.byteRange(), claimed, anchors())
                .cryptographicallyValid()).isFalse();
        byte[] extended = Arrays.copyOf(signed, signed.length + 1);
        assertThat(VERIFIER.verifyJustSigned(extended, pdf.length, prepared.byteRange(), claimed, anchors())
                .coversWholeFile()).isFalse();
        long[] otherRange = prepared.byteRange();
        otherRange[3]--;
        assertThatThrownBy(() -> VERIFIER.verifyJustSigned(signed, pdf.length, otherRange, claimed, anchors()))
                .hasMessageContaining("ByteRange");
    }

    @Test
    void aSignerCertifiedByAnotherCaIsReportedUntrusted() {
        TestPki.Issued stranger = TestPki.get().otherSigner;
        byte[] signed = signer.sign(SamplePdfs.journal(), new TestPki.KeyToken(stranger), Instant.now());

        SignatureReport report = VERIFIER.verify(signed, anchors());

        assertThat(report.valid()).isFalse();
        SignatureCheck check = report.signatures().get(0);
        assertThat(check.cryptographicallyValid()).isTrue();
        assertThat(check.timestampTrusted()).isTrue();
        assertThat(check.chainTrusted()).isFalse();
        assertThat(report.problems()).singleElement().asString()
                .contains("не связан цепочкой с доверенными", "Посторонний удостоверяющий центр");
    }

    @Test
    void withoutTrustAnchorsNeitherTheSignerNorTheDemoTsaIsTrusted() {
        SignatureReport report = VERIFIER.verify(rsaSigned, List.of());

        assertThat(report.valid()).isFalse();
        assertThat(report.signatures().get(0).cryptographicallyValid()).isTrue();
        assertThat(report.problems()).hasSize(2).anySatisfy(p -> assertThat(p)
                .contains("служба штампов времени «ДЕМО — НЕ ДОВЕРЯТЬ: встроенная служба штампов времени» не является доверенной"));
    }

    @Test
    void anUnsignedJournalIsReportedAsCarryingNoSignature() {
        SignatureReport report = VERIFIER.verify(SamplePdfs.journal(), anchors());

        assertThat(report.valid()).isFalse();
        assertThat(report.signatures()).isEmpty();
        assertThat(report.problems()).containsExactly("Документ не содержит электронных подписей");
    }

    @ParameterizedTest
    @EnumSource(value = SignatureAlgorithm.class, names = {"RSA_SHA256", "GOST_2012_256"})
    void threePhaseSigningWorksAcrossProcessesThroughTheJsonForm(SignatureAlgorithm algorithm) {
        TestPki.Issued director = TestPki.get().signer(algorithm);
        // Process 1 (the archive): prepare and hand over JSON only.
        String json = signer.prepare(SamplePdfs.journal(), director.chain(), algorithm, Instant.now()).toJson();
        // Process 2 (the director's machine): sign the data to sign with its own Signature instance.
        PreparedSignature atDirector = PreparedSignature.fromJson(json);
        byte[] signatureValue = TestPki.signWith(director.key(), algorithm, atDirector.dataToSign());
        // Process 3 (the archive again): a fresh signer and TSA client finish from the JSON.
        PadesSigner finisher = new PadesSigner(new HttpTimestampClient(tsa.url(), Duration.ofSeconds(10)));
        byte[] signed = finisher.complete(PreparedSignature.fromJson(json), signatureValue);

        assertThat(PreparedSignature.fromJson(json)).isEqualTo(atDirector);
        assertThat(VERIFIER.verify(signed, anchors()).problems()).isEmpty();
    }

    @Test
    void aCmsTooBigForTheReservedSpaceFailsClearly() {
        PreparedSignature prepared = signer.prepare(SamplePdfs.journal(),
                TestPki.get().signer(SignatureAlgorithm.RSA_SHA256).chain(), SignatureAlgorithm.RSA_SHA256,
                Instant.now());

        assertThatThrownBy(() -> PadesSigner.embed(prepared.preparedPdf(), prepared.byteRange(),
                new byte[PadesSigner.SIGNATURE_SIZE + 1]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not fit the " + PadesSigner.SIGNATURE_SIZE + " bytes reserved");
    }

    @Test
    void aCmsFromAnExternalCmsSignerIsTimestampedEmbeddedAndVerifies() throws Exception {
        TestPki.Issued director = TestPki.get().signer(SignatureAlgorithm.ECDSA_P256_SHA256);
        PreparedSignature prepared = signer.prepare(SamplePdfs.journal(), director.chain(),
                SignatureAlgorithm.ECDSA_P256_SHA256, Instant.now());

        byte[] signed = signer.completeWithCms(prepared, externalCms(director, prepared.signedContent()));

        assertThat(VERIFIER.verify(signed, anchors()).problems()).isEmpty();
    }

    @Test
    void anExternalCmsOverOtherContentIsRefused() throws Exception {
        TestPki.Issued director = TestPki.get().signer(SignatureAlgorithm.ECDSA_P256_SHA256);
        PreparedSignature prepared = signer.prepare(SamplePdfs.journal(), director.chain(),
                SignatureAlgorithm.ECDSA_P256_SHA256, Instant.now());
        byte[] other = externalCms(director, "другой документ".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> signer.completeWithCms(prepared, other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("external CMS");
    }

    /** A detached CMS made by Bouncy Castle's own generator, PAdES-style: no signing-time, signing-certificate-v2. */
    private static byte[] externalCms(TestPki.Issued director, byte[] content) throws Exception {
        var certId = new org.bouncycastle.asn1.cms.Attribute(
                org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new org.bouncycastle.asn1.DERSet(new org.bouncycastle.asn1.ess.SigningCertificateV2(
                        new org.bouncycastle.asn1.ess.ESSCertIDv2[] {CadesStructures.essCertId(
                                SignatureAlgorithm.ECDSA_P256_SHA256, director.certificate())})));
        var attributes = new org.bouncycastle.cms.DefaultSignedAttributeTableGenerator(
                new org.bouncycastle.asn1.cms.AttributeTable(certId)) {
            @Override
            @SuppressWarnings({"rawtypes", "unchecked"})
            protected java.util.Hashtable createStandardAttributeTable(java.util.Map parameters) {
                java.util.Hashtable table = super.createStandardAttributeTable(parameters);
                table.remove(org.bouncycastle.asn1.cms.CMSAttributes.signingTime);
                return table;
            }
        };
        var signerInfo = new org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder(
                new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().setProvider(TestPki.BC)
                        .build()).setSignedAttributeGenerator(attributes)
                .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                        .setProvider(TestPki.BC).build(director.key()), director.certificate());
        var generator = new org.bouncycastle.cms.CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(signerInfo);
        generator.addCertificates(new org.bouncycastle.cert.jcajce.JcaCertStore(director.chain()));
        return generator.generate(new org.bouncycastle.cms.CMSProcessableByteArray(content), false).getEncoded();
    }

    static int indexOf(byte[] haystack, String needle, int from) {
        byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = from; i <= haystack.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException(needle + " not found");
    }
}
