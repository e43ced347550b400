package ru.journalarchive.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.journalarchive.support.PdfA;

class PadesSignerTest {

    static final Instant SIGNING_TIME = Instant.parse("2024-10-30T09:15:00Z");

    private static LocalTimestampAuthority tsa;
    private static PadesSigner signer;

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
    @EnumSource(SignatureAlgorithm.class)
    void aSignedJournalIsStillValidPdfA3b(SignatureAlgorithm algorithm) throws Exception {
        byte[] signed = signer.sign(SamplePdfs.journal(), TestPki.get().token(algorithm), SIGNING_TIME);
        Files.createDirectories(Path.of("target/signing"));
        Files.write(Path.of("target/signing/signed-" + algorithm + ".pdf"), signed);

        assertThat(PdfA.failuresOf3b(signed)).isEmpty();
    }

    @Test
    void theSignatureDictionaryIsPadesWithTheDirectorsNameReasonAndTime() throws Exception {
        byte[] signed = signer.sign(SamplePdfs.journal(), TestPki.get().token(SignatureAlgorithm.RSA_SHA256),
                SIGNING_TIME);
        try (PDDocument document = Loader.loadPDF(signed)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            assertThat(signatures).hasSize(1);
            PDSignature signature = signatures.get(0);
            assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(signature.getName()).isEqualTo("Светлова Ирина Андреевна");
            assertThat(signature.getReason()).isEqualTo("Утверждение документа директором");
            assertThat(signature.getSignDate().toInstant()).isEqualTo(SIGNING_TIME);
        }
    }

    @Test
    void aSignatureValueFromAnotherKeyIsRefusedBeforeAnythingIsWritten() {
        PreparedSignature prepared = signer.prepare(SamplePdfs.journal(),
                TestPki.get().signer(SignatureAlgorithm.RSA_SHA256).chain(), SignatureAlgorithm.RSA_SHA256,
                SIGNING_TIME);
        byte[] foreign = TestPki.signWith(TestPki.get().otherSigner.key(), SignatureAlgorithm.RSA_SHA256,
                prepared.dataToSign());

        assertThatThrownBy(() -> signer.complete(prepared, foreign))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not verify");
    }

    @ParameterizedTest
    @EnumSource(StampPlacement.class)
    void theVisibleStampSitsInsideItsPageOnTheTitlePageOrTheLastPage(StampPlacement placement) throws Exception {
        TestPki pki = TestPki.get();
        byte[] journal = SamplePdfs.journal();
        PreparedSignature prepared = signer.prepare(journal, pki.signer(SignatureAlgorithm.RSA_SHA256).chain(),
                SignatureAlgorithm.RSA_SHA256, SIGNING_TIME, placement);
        byte[] signed = signer.complete(prepared, TestPki.signWith(pki.signer(SignatureAlgorithm.RSA_SHA256).key(),
                SignatureAlgorithm.RSA_SHA256, prepared.dataToSign()));

        try (PDDocument document = Loader.loadPDF(signed)) {
            int expectedPage = placement == StampPlacement.TITLE_PAGE ? 0 : document.getNumberOfPages() - 1;
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                var page = document.getPage(i);
                var widgets = page.getAnnotations().stream()
                        .filter(a -> a instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget)
                        .toList();
                assertThat(widgets).as("page %d", i + 1).hasSize(i == expectedPage ? 1 : 0);
                for (var widget : widgets) {
                    var rect = widget.getRectangle();
                    var box = page.getCropBox();
                    assertThat(rect.getLowerLeftX()).isGreaterThanOrEqualTo(box.getLowerLeftX());
                    assertThat(rect.getLowerLeftY()).isGreaterThanOrEqualTo(box.getLowerLeftY());
                    assertThat(rect.getUpperRightX()).isLessThanOrEqualTo(box.getUpperRightX());
                    assertThat(rect.getUpperRightY()).isLessThanOrEqualTo(box.getUpperRightY());
                }
            }
        }
        assertThat(PdfA.failuresOf3b(signed)).isEmpty();
    }
}
