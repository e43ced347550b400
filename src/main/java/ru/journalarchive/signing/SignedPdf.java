package ru.journalarchive.signing;

import java.time.Instant;

/**
 * A PDF signed by the director, with what the registry records of its signature.
 *
 * @param pdf                the signed PDF (the unsigned PDF plus an incremental update)
 * @param signerSubject      the signer certificate's subject
 * @param certificateSerial  the signer certificate's serial number (hex)
 * @param certificateSha256  the SHA-256 fingerprint of the signer certificate (hex)
 * @param algorithm          the signature algorithm
 * @param signingTime        the signing time from the RFC 3161 timestamp
 * @param tsa                the timestamp authority (its URL or name)
 */
public record SignedPdf(byte[] pdf, String signerSubject, String certificateSerial, String certificateSha256,
                        SignatureAlgorithm algorithm, Instant signingTime, String tsa) {
}
