package ru.journalarchive.signing;

import java.util.Optional;

/**
 * The director's signature as the archive uses it: sign an archived PDF with the configured token and timestamp
 * authority, and read a signed PDF back (verified) to learn who signed it when.
 */
public interface DirectorSignature {

    /**
     * Opens the token and the timestamp authority now (the first use otherwise does: creating the demo PKI on a new
     * machine takes seconds) and says what signs.
     */
    String open();

    /** Signs a class journal (stamp on its title page); see {@link #sign(byte[], StampPlacement)}. */
    default SignedPdf sign(byte[] pdf) {
        return sign(pdf, StampPlacement.TITLE_PAGE);
    }

    /** Signs a PDF (PAdES B-T, incremental update) with the configured token and TSA, the stamp where given. */
    SignedPdf sign(byte[] pdf, StampPlacement placement);

    /** Phase 1 of external signing for a class journal; see {@link #prepare(byte[], java.util.List, StampPlacement)}. */
    default PreparedSignature prepare(byte[] pdf, java.util.List<java.security.cert.X509Certificate> chain) {
        return prepare(pdf, chain, StampPlacement.TITLE_PAGE);
    }

    /** Phase 1 of external signing: the PDF prepared for the signer whose certificate chain is given. */
    PreparedSignature prepare(byte[] pdf, java.util.List<java.security.cert.X509Certificate> chain,
            StampPlacement placement);

    /** Phase 3 of external signing: the signature value embedded with a timestamp from the configured TSA. */
    SignedPdf complete(PreparedSignature prepared, byte[] signatureValue);

    /**
     * Reads the last signature of a signed PDF: present when it verifies, covers the whole file and has a valid
     * timestamp (whether its chain is trusted is for {@link #verify} to report).
     */
    Optional<SignedPdf> readValid(byte[] signedPdf);

    /** Verifies every signature of any PDF against the configured trust anchors (and the demo CA in demo mode). */
    SignatureReport verify(byte[] pdf);
}
