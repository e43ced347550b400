package ru.journalarchive.signing;

import java.time.Instant;
import java.util.List;

/**
 * The verdict on one signature of a PDF: who signed, with what, when (by the timestamp), and each check of
 * {@link PadesVerifier} with its outcome. Valid only when every check holds.
 *
 * @param number                 the signature's number in the document, from 1
 * @param signerSubject          the signer certificate's subject (RFC 2253), null if unreadable
 * @param serialHex              the signer certificate's serial number in hex
 * @param sha256Fingerprint      the SHA-256 of the signer certificate, hex
 * @param algorithm              the signature algorithm (a {@link SignatureAlgorithm} name, else the OIDs)
 * @param claimedSigningTime     the signature dictionary's /M: the signer's claim, not evidence
 * @param timestampTime          the genTime of the signature timestamp: the time the signature is proven to exist
 * @param tsaName                the timestamp authority's certificate subject
 * @param cryptographicallyValid the signature verifies over the signed attributes, whose message-digest equals the
 *                               digest of the ByteRange content
 * @param coversWholeFile        the ByteRange covers the whole file except exactly the /Contents string
 * @param chainTrusted           the signer's certificate chains to a trust anchor (PKIX, at {@code timestampTime})
 * @param timestampValid         a signature timestamp is present, its TSA signature verifies and its imprint is the
 *                               digest of the signature value
 * @param timestampTrusted       the TSA's certificate chains to a trust anchor
 * @param padesSubFilter         the SubFilter is ETSI.CAdES.detached
 * @param signingCertificateV2   signing-certificate-v2 is present and names the signer's certificate
 * @param noSigningTimeAttribute the CMS has no signing-time signed attribute (forbidden in PAdES)
 * @param problems               Russian texts naming every failed check, empty when valid
 */
public record SignatureCheck(int number, String signerSubject, String serialHex, String sha256Fingerprint,
        String algorithm, Instant claimedSigningTime, Instant timestampTime, String tsaName,
        boolean cryptographicallyValid, boolean coversWholeFile, boolean chainTrusted, boolean timestampValid,
        boolean timestampTrusted, boolean padesSubFilter, boolean signingCertificateV2,
        boolean noSigningTimeAttribute, List<String> problems) {

    public SignatureCheck {
        problems = List.copyOf(problems);
    }

    /** Whether every check holds. */
    public boolean valid() {
        return cryptographicallyValid && coversWholeFile && chainTrusted && timestampValid && timestampTrusted
                && padesSubFilter && signingCertificateV2 && noSigningTimeAttribute && problems.isEmpty();
    }
}
