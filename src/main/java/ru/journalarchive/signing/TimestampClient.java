package ru.journalarchive.signing;

import org.bouncycastle.tsp.TimeStampToken;

/** Obtains RFC 3161 timestamps: the "T" of PAdES B-T, proving the signature existed at the timestamp's time. */
public interface TimestampClient {

    /**
     * A timestamp token over {@code digest}, a digest computed with {@code algorithm}'s digest algorithm.
     *
     * @throws TimestampException when the authority cannot be reached or answers with anything but a matching grant
     */
    TimeStampToken timestamp(byte[] digest, SignatureAlgorithm algorithm);

    /** The address of the timestamp authority. */
    String url();

    /** A timestamp authority refused, did not answer or answered something that does not match the request. */
    class TimestampException extends RuntimeException {

        public TimestampException(String message) {
            super(message);
        }

        public TimestampException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
