package ru.journalarchive.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our signatures checked by tools that share no code with us: poppler's {@code pdfsig} (NSS) and OpenSSL's
 * {@code cms -verify} and {@code ts -verify}, with the GOST engine ({@code libengine-gost-openssl}) for GOST.
 */
class IndependentVerificationTest {

    private static LocalTimestampAuthority tsa;
    private static PadesSigner signer;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTsa() {
        TestPki pki = TestPki.get();
        tsa = LocalTimestampAuthority.start(pki.tsa.key(), pki.tsa.certificate(), pki.tsa.chain());
        signer = new PadesSigner(tsa.client());
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    @ParameterizedTest
    @EnumSource(value = SignatureAlgorithm.class, names = {"RSA_SHA256", "ECDSA_P256_SHA256", "ECDSA_P384_SHA384"})
    void pdfsigReportsTheSignatureValidAndTheWholeDocumentSigned(SignatureAlgorithm algorithm) throws Exception {
        assumeInstalled("pdfsig", "poppler-utils");
        Path pdf = dir.resolve("signed.pdf");
        Files.write(pdf, signer.sign(SamplePdfs.journal(), TestPki.get().token(algorithm), Instant.now()));

        Result result = run(List.of("pdfsig", pdf.toString()));

        assertThat(result.output()).contains("Signature Type: ETSI.CAdES.detached", "Total document signed",
                "Signature Validation: Signature is Valid.");
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void opensslVerifiesTheCmsOverTheByteRangeAndTheTimestampOverTheSignatureValue(SignatureAlgorithm algorithm)
            throws Exception {
        assumeInstalled("openssl", "openssl");
        boolean gost = algorithm.name().startsWith("GOST");
        if (gost) {
            assumeTrue(run(List.of("openssl", "engine", "gost")).exitCode() == 0,
                    "the OpenSSL GOST engine is missing: apt-get install -y libengine-gost-openssl");
        }
        byte[] signed = signer.sign(SamplePdfs.journal(), TestPki.get().token(algorithm), Instant.now());
        Parts parts = parts(signed);
        Path sig = Files.write(dir.resolve("sig.der"), parts.cms());
        Path content = Files.write(dir.resolve("signed-content.bin"), parts.signedContent());
        Path value = Files.write(dir.resolve("signature-value.bin"), parts.signatureValue());
        Path token = Files.write(dir.resolve("token.der"), parts.timestampToken());
        Path ca = dir.resolve("ca.pem");
        TestPki.writePem(ca, TestPki.get().ca.certificate());
        List<String> engine = gost ? List.of("-engine", "gost") : List.of();

        List<String> cms = new ArrayList<>(List.of("openssl", "cms", "-verify"));
        cms.addAll(engine);
        cms.addAll(List.of("-binary", "-inform", "DER", "-in", sig.toString(), "-content", content.toString(),
                "-CAfile", ca.toString(), "-purpose", "any", "-out", dir.resolve("out.bin").toString()));
        Result cmsResult = run(cms);
        assertThat(cmsResult.exitCode()).as(cmsResult.output()).isZero();
        assertThat(cmsResult.output()).contains("CMS Verification successful");

        // openssl ts hashes -data itself only with digests it knows; for GOST give the digest (computed by BC).
        List<String> ts = new ArrayList<>(List.of("openssl", "ts", "-verify"));
        if (gost) {
            ts.addAll(List.of("-digest", HexFormat.of().formatHex(
                    CadesStructures.digest(algorithm, parts.signatureValue()))));
        } else {
            ts.addAll(List.of("-data", value.toString()));
        }
        ts.addAll(List.of("-in", token.toString(), "-token_in", "-CAfile", ca.toString()));
        Result tsResult = run(ts);
        assertThat(tsResult.exitCode()).as(tsResult.output()).isZero();
        assertThat(tsResult.output()).contains("Verification: OK");
    }

    @ParameterizedTest
    @EnumSource(value = SignatureAlgorithm.class, names = {"RSA_SHA256", "GOST_2012_256"})
    void opensslRejectsTheCmsWhenOneSignedByteChanged(SignatureAlgorithm algorithm) throws Exception {
        assumeInstalled("openssl", "openssl");
        boolean gost = algorithm.name().startsWith("GOST");
        if (gost) {
            assumeTrue(run(List.of("openssl", "engine", "gost")).exitCode() == 0,
                    "the OpenSSL GOST engine is missing: apt-get install -y libengine-gost-openssl");
        }
        Parts parts = parts(signer.sign(SamplePdfs.journal(), TestPki.get().token(algorithm), Instant.now()));
        byte[] content = parts.signedContent();
        content[content.length / 2] ^= 0x01;
        Path sig = Files.write(dir.resolve("sig.der"), parts.cms());
        Path changed = Files.write(dir.resolve("signed-content.bin"), content);
        List<String> cms = new ArrayList<>(List.of("openssl", "cms", "-verify"));
        if (gost) {
            cms.addAll(List.of("-engine", "gost"));
        }
        cms.addAll(List.of("-binary", "-inform", "DER", "-in", sig.toString(), "-content", changed.toString(),
                "-noverify", "-out", dir.resolve("out.bin").toString()));

        Result result = run(cms);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Verification failure");
    }

    /** The pieces an outside verifier needs, cut out of a signed PDF. */
    record Parts(byte[] cms, byte[] signedContent, byte[] signatureValue, byte[] timestampToken) {
    }

    static Parts parts(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            byte[] signedContent = signature.getSignedContent(pdf);
            // The hex in /Contents is zero-padded: read one ASN.1 object, then re-encode it alone.
            ContentInfo contentInfo;
            try (ASN1InputStream in = new ASN1InputStream(signature.getContents(pdf))) {
                contentInfo = ContentInfo.getInstance(in.readObject());
            }
            SignerInformation signer = new CMSSignedData(contentInfo).getSignerInfos().getSigners().iterator().next();
            Attribute token = signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
            return new Parts(contentInfo.getEncoded(ASN1Encoding.DER), signedContent, signer.getSignature(),
                    token.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded(ASN1Encoding.DER));
        }
    }

    record Result(int exitCode, String output) {
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    static void assumeInstalled(String binary, String debianPackage) {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(p -> Files.isExecutable(Path.of(p, binary)));
        assumeTrue(found, binary + " is not installed: apt-get install -y " + debianPackage);
    }
}
