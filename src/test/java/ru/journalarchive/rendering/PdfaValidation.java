package ru.journalarchive.rendering;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Validates PDF bytes as PDF/A-3B with veraPDF, in process, and lists the failed rules. */
final class PdfaValidation {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfaValidation() {
    }

    /** The failed rules as readable lines; empty when the file is PDF/A-3B compliant. */
    static List<String> failuresOf(byte[] pdf) throws Exception {
        // The flavour is passed explicitly: veraPDF cannot guess it from a file whose XMP lacks pdfaid.
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_3_B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage()
                            + " @ " + a.getLocation().getContext())
                    .distinct().toList();
            if (!result.isCompliant() && failures.isEmpty()) {
                return List.of("not compliant, no failed assertion reported");
            }
            return failures;
        }
    }
}
