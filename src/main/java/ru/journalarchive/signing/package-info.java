/**
 * The director's electronic signature: PAdES baseline signatures (B-T) with RFC 3161 timestamps, RSA, ECDSA and
 * GOST R 34.10-2012 keys behind a token interface (three-phase signing: data to sign → signature value from a token
 * → signed document), and their verification.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Signing")
package ru.journalarchive.signing;
