package ru.journalarchive.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Signs PDF/A documents with PAdES baseline B-T signatures in three phases (EU DSS style): {@link #prepare} makes the
 * data to sign, a {@link SigningToken} (anywhere) makes the signature value, {@link #complete} adds an RFC 3161
 * timestamp and writes the CMS into the reserved {@code /Contents} — no second PDFBox save. Usable without Spring.
 */
public class PadesSigner {

    /** PAdES: the CMS is a CAdES detached signature (ETSI EN 319 142-1 §5.1, ISO 32000-2 §12.8.3.4). */
    public static final COSName SUB_FILTER = COSName.getPDFName("ETSI.CAdES.detached");

    /**
     * Bytes reserved for the DER CMS (/Contents holds twice as many hex digits): an RSA-3072 chain of three with a
     * timestamp and its TSA chain takes about 8 KB; 32 KB leaves room for long real-world chains.
     */
    public static final int SIGNATURE_SIZE = 32 * 1024;

    private final TimestampClient timestamps;

    public PadesSigner(TimestampClient timestamps) {
        this.timestamps = Objects.requireNonNull(timestamps, "timestamps");
    }

    /** All three phases with a token at hand: prepare, let the token sign, complete. */
    public byte[] sign(byte[] pdf, SigningToken token, Instant signingTime) {
        PreparedSignature prepared = prepare(pdf, token.chain(), token.algorithm(), signingTime);
        return complete(prepared, token.sign(prepared.dataToSign()));
    }

    /**
     * Phase 1: adds the signature dictionary (Adobe.PPKLite, ETSI.CAdES.detached, /M = {@code signingTime}) and the
     * visible stamp (a journal's title page, or the last page: {@link StampPlacement}), reserves {@link #SIGNATURE_SIZE} bytes for the CMS, saves incrementally and builds the
     * CMS signed attributes over the digest of the ByteRange content.
     *
     * @param chain the signer's certificate first, then the CA certificates to embed (the root may be left out)
     */
    public PreparedSignature prepare(byte[] pdf, List<X509Certificate> chain, SignatureAlgorithm algorithm,
            Instant signingTime) {
        return prepare(pdf, chain, algorithm, signingTime, StampPlacement.TITLE_PAGE);
    }

    /** Phase 1 as above, with the stamp where {@code placement} says. */
    public PreparedSignature prepare(byte[] pdf, List<X509Certificate> chain, SignatureAlgorithm algorithm,
            Instant signingTime, StampPlacement placement) {
        X509Certificate signer = chain.get(0);
        SignatureAlgorithm keyAlgorithm = SignatureAlgorithm.forKey(signer.getPublicKey());
        if (keyAlgorithm != algorithm) {
            throw new IllegalArgumentException("the signer's key calls for " + keyAlgorithm + ", not " + algorithm);
        }
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(SUB_FILTER);
            signature.setName(StampText.ownerOf(signer));
            signature.setReason(SigningMessages.get("reason"));
            signature.setLocation(SigningMessages.get("location"));
            signature.setSignDate(GregorianCalendar.from(signingTime.atZone(ZoneOffset.UTC)));
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            int stampPage = SignatureStamp.page(document, placement);
            options.setPage(stampPage);
            document.addSignature(signature, options);
            // addSignature gives the widget an empty, invisible appearance; the stamp replaces it (same objects,
            // created in this revision, so the incremental save writes them).
            SignatureStamp.paint(document, document.getPage(stampPage), placement, widgetOf(document, signature),
                    StampText.of(signer, signingTime));

            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 64 * 1024);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            // Write the revision with /Contents still zero; complete() fills it in place. The digest is taken
            // from the written bytes, so what is hashed is exactly what the ByteRange names.
            external.setSignature(new byte[0]);
            byte[] prepared = out.toByteArray();
            long[] byteRange = PdfByteRange.last(prepared, pdf.length);
            byte[] documentDigest = CadesStructures.digest(algorithm, prepared, byteRange);
            byte[] dataToSign = CadesStructures.signedAttributes(algorithm, documentDigest, signer);
            return new PreparedSignature(prepared, dataToSign, algorithm, chain, signingTime, byteRange);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the PDF for signing: " + e.getMessage(), e);
        }
    }

    /**
     * Phase 3: checks the signature value against the signer's key, timestamps it, builds the CMS SignedData and
     * writes it into the reserved {@code /Contents} of the prepared PDF.
     *
     * @param signatureValue the signature of {@link PreparedSignature#dataToSign()} by the signer's key
     * @throws IllegalArgumentException when the value does not verify or the prepared PDF does not match its digest
     * @throws IllegalStateException    when the CMS does not fit the reserved space
     */
    public byte[] complete(PreparedSignature prepared, byte[] signatureValue) {
        SignatureAlgorithm algorithm = prepared.algorithm();
        byte[] pdf = prepared.preparedPdf();
        byte[] dataToSign = prepared.dataToSign();
        byte[] digest = CadesStructures.digest(algorithm, pdf, prepared.byteRange());
        if (!Arrays.equals(digest, CadesStructures.messageDigestOf(dataToSign))) {
            throw new IllegalArgumentException("the prepared PDF does not match the message digest it was prepared with");
        }
        if (!verifies(prepared.signer(), algorithm, dataToSign, signatureValue)) {
            throw new IllegalArgumentException("the signature value does not verify with the key of "
                    + prepared.signer().getSubjectX500Principal().getName());
        }
        // PAdES B-T: a signature timestamp over the signature value (ETSI EN 319 122-1 §5.3).
        TimeStampToken timestamp = timestamps.timestamp(CadesStructures.digest(algorithm, signatureValue), algorithm);
        byte[] cms = CadesStructures.signedData(algorithm, prepared.chain(), dataToSign, signatureValue, timestamp);
        return embed(pdf, prepared.byteRange(), cms);
    }

    /**
     * Phase 3 for a CMS made by any external CMS signer (detached, over {@link PreparedSignature#signedContent()}):
     * checks that it verifies over the prepared content, adds a signature timestamp if it has none, and writes it
     * into the reserved {@code /Contents}.
     *
     * @param externalCms the DER (or BER) ContentInfo of the SignedData, one signer
     * @throws IllegalArgumentException when the CMS is unreadable or does not verify over the prepared content
     */
    public byte[] completeWithCms(PreparedSignature prepared, byte[] externalCms) {
        byte[] pdf = prepared.preparedPdf();
        try (ASN1InputStream in = new ASN1InputStream(externalCms)) {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(prepared.signedContent()),
                    ContentInfo.getInstance(in.readObject()));
            if (cms.getSignerInfos().size() != 1) {
                throw new IllegalArgumentException("the external CMS must have exactly one signer");
            }
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            var matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("the external CMS does not carry the signer's certificate");
            }
            X509CertificateHolder certificate = (X509CertificateHolder) matches.iterator().next();
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BcProvider.PROVIDER)
                    .build(certificate))) {
                throw new IllegalArgumentException("the external CMS does not verify over the prepared content");
            }
            AttributeTable unsigned = signer.getUnsignedAttributes();
            if (unsigned == null || unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken) == null) {
                SignatureAlgorithm algorithm = SignatureAlgorithm.forKey(new JcaX509CertificateConverter()
                        .setProvider(BcProvider.PROVIDER).getCertificate(certificate).getPublicKey());
                TimeStampToken timestamp = timestamps.timestamp(
                        CadesStructures.digest(algorithm, signer.getSignature()), algorithm);
                Attribute attribute = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                        new DERSet(timestamp.toCMSSignedData().toASN1Structure()));
                unsigned = unsigned == null ? new AttributeTable(attribute) : unsigned.add(
                        attribute.getAttrType(), attribute.getAttrValues().getObjectAt(0));
                signer = SignerInformation.replaceUnsignedAttributes(signer, unsigned);
                cms = CMSSignedData.replaceSigners(cms, new SignerInformationStore(signer));
            }
            return embed(pdf, prepared.byteRange(), cms.toASN1Structure().getEncoded(ASN1Encoding.DER));
        } catch (IOException | CMSException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalArgumentException("the external CMS is unusable: " + e.getMessage(), e);
        }
    }

    /** Writes the DER {@code cms} as hex into the zeroed {@code /Contents} between the ByteRange parts. */
    static byte[] embed(byte[] preparedPdf, long[] byteRange, byte[] cms) {
        int start = Math.toIntExact(byteRange[1]) + 1;
        int capacity = Math.toIntExact(byteRange[2] - byteRange[1]) - 2;
        byte[] hex = HexFormat.of().withUpperCase().formatHex(cms).getBytes(StandardCharsets.US_ASCII);
        if (hex.length > capacity) {
            throw new IllegalStateException("the CMS signature of " + cms.length + " bytes does not fit the "
                    + capacity / 2 + " bytes reserved in /Contents");
        }
        if (preparedPdf[start - 1] != '<' || preparedPdf[start + capacity] != '>') {
            throw new IllegalStateException("the prepared PDF has no /Contents placeholder at its ByteRange gap");
        }
        byte[] signed = preparedPdf.clone();
        System.arraycopy(hex, 0, signed, start, hex.length);
        return signed;
    }

    static boolean verifies(X509Certificate signer, SignatureAlgorithm algorithm, byte[] data, byte[] value) {
        try {
            Signature verifier = Signature.getInstance(algorithm.jcaName(), BcProvider.PROVIDER);
            verifier.initVerify(signer.getPublicKey());
            verifier.update(data);
            return verifier.verify(value);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget widgetOf(PDDocument document,
            PDSignature signature) {
        for (PDField field : document.getDocumentCatalog().getAcroForm(null).getFieldTree()) {
            if (field instanceof PDSignatureField signatureField && signatureField.getSignature() != null
                    && signatureField.getSignature().getCOSObject() == signature.getCOSObject()) {
                return signatureField.getWidgets().get(0);
            }
        }
        throw new IllegalStateException("PDFBox added no signature field");
    }
}
