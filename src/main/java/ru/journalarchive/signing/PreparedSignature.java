package ru.journalarchive.signing;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * Phase 1 of three-phase signing, done: the PDF with its signature dictionary, visible stamp and reserved (zeroed)
 * {@code /Contents}, and the CMS signed attributes the key must sign. Carries everything {@link PadesSigner#complete}
 * needs, so the signature value may be made elsewhere and the signature finished in another process
 * ({@link #toJson()} / {@link #fromJson(String)}: plain JSON with base64 bytes).
 *
 * @param preparedPdf the PDF as it will be signed, {@code /Contents} still zero
 * @param dataToSign  the DER encoding of the signed attributes SET (content-type, message-digest,
 *                    signing-certificate-v2): the bytes a {@link SigningToken} signs
 * @param algorithm   the signature algorithm
 * @param chain       the signer's certificate first, then its CA certificates
 * @param signingTime the claimed signing time written into the signature dictionary's /M
 * @param byteRange   the signature's /ByteRange: offset and length of the two signed parts of {@code preparedPdf}
 */
public record PreparedSignature(byte[] preparedPdf, byte[] dataToSign, SignatureAlgorithm algorithm,
        List<X509Certificate> chain, Instant signingTime, long[] byteRange) {

    /** The version of the JSON form, checked on reading. */
    public static final String FORMAT = "journal-archive/prepared-signature-1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public PreparedSignature {
        Objects.requireNonNull(preparedPdf, "preparedPdf");
        Objects.requireNonNull(dataToSign, "dataToSign");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(signingTime, "signingTime");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the chain needs at least the signer's certificate");
        }
        if (byteRange.length != 4) {
            throw new IllegalArgumentException("a ByteRange has four numbers: " + Arrays.toString(byteRange));
        }
        byteRange = byteRange.clone();
    }

    /** The signer's certificate. */
    public X509Certificate signer() {
        return chain.get(0);
    }

    @Override
    public byte[] preparedPdf() {
        return preparedPdf.clone();
    }

    @Override
    public byte[] dataToSign() {
        return dataToSign.clone();
    }

    @Override
    public long[] byteRange() {
        return byteRange.clone();
    }

    /** The bytes the signature covers: the two ByteRange parts of the prepared PDF, concatenated. */
    public byte[] signedContent() {
        return PdfByteRange.signedContent(preparedPdf, byteRange);
    }

    /** This prepared signature as JSON (byte arrays and certificates in base64, DER). */
    public String toJson() {
        Base64.Encoder base64 = Base64.getEncoder();
        List<String> certificates = chain.stream().map(c -> {
            try {
                return base64.encodeToString(c.getEncoded());
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        return JSON.writeValueAsString(new Json(FORMAT, algorithm.name(), signingTime.toString(), certificates,
                base64.encodeToString(dataToSign), byteRange, base64.encodeToString(preparedPdf)));
    }

    /** Reads the JSON of {@link #toJson()}. */
    public static PreparedSignature fromJson(String json) {
        Json read = JSON.readValue(json, Json.class);
        if (!FORMAT.equals(read.format())) {
            throw new IllegalArgumentException("not a prepared signature of format " + FORMAT + ": " + read.format());
        }
        Base64.Decoder base64 = Base64.getDecoder();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new java.util.ArrayList<>();
            for (String certificate : read.chain()) {
                chain.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(base64.decode(certificate))));
            }
            return new PreparedSignature(base64.decode(read.preparedPdf()), base64.decode(read.dataToSign()),
                    SignatureAlgorithm.valueOf(read.algorithm()), chain, Instant.parse(read.signingTime()),
                    read.byteRange());
        } catch (CertificateException e) {
            throw new IllegalArgumentException("a certificate of the prepared signature is unreadable", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PreparedSignature that && Arrays.equals(preparedPdf, that.preparedPdf)
                && Arrays.equals(dataToSign, that.dataToSign) && algorithm == that.algorithm
                && chain.equals(that.chain) && signingTime.equals(that.signingTime)
                && Arrays.equals(byteRange, that.byteRange);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(dataToSign), algorithm, signingTime, Arrays.hashCode(byteRange));
    }

    @Override
    public String toString() {
        return "PreparedSignature[" + algorithm + ", signer=" + signer().getSubjectX500Principal().getName()
                + ", signingTime=" + signingTime + ", byteRange=" + Arrays.toString(byteRange) + ", pdf="
                + preparedPdf.length + " bytes]";
    }

    private record Json(String format, String algorithm, String signingTime, List<String> chain, String dataToSign,
            long[] byteRange, String preparedPdf) {
    }
}
