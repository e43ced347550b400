package ru.journalarchive.signing;

import java.util.Optional;

/**
 * The director's signature as the archive uses it: sign an archived PDF with the configured token and timestamp
 * authority, and read a signed PDF back (verified) to learn who signed it when.
 */
public interface DirectorSignature {

    /** Signs a PDF (PAdES B-T, incremental update) with the configured token and TSA. */
    SignedPdf sign(byte[] pdf);

    /**
     * Verifies a signed PDF against the configured trust anchors and returns what it says of its signature, or empty
     * when it carries no valid signature.
     */
    Optional<SignedPdf> readValid(byte[] signedPdf);

    /** Verifies every signature of any PDF against the configured trust anchors (and the demo CA in demo mode). */
    SignatureReport verify(byte[] pdf);
}
