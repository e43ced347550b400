package ru.journalarchive.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;

/**
 * Verifies the PAdES signatures of a PDF against given trust anchors: the CMS signature and message digest, that the
 * ByteRange covers the whole file, the signer's chain (PKIX at the timestamp's time), the signature timestamp, and the
 * PAdES baseline attributes. Revocation is not checked (no CRL/OCSP yet: LTV comes later).
 */
public class PadesVerifier {

    /** Verifies every signature of {@code pdf}; {@code trustAnchors} are the CA certificates to trust. */
    public SignatureReport verify(byte[] pdf, Collection<X509Certificate> trustAnchors) {
        List<PDSignature> dictionaries;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            dictionaries = document.getSignatureDictionaries();
            List<SignatureCheck> checks = new ArrayList<>();
            for (int i = 0; i < dictionaries.size(); i++) {
                checks.add(check(i + 1, dictionaries.get(i), pdf, trustAnchors));
            }
            return new SignatureReport(checks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PDF: " + e.getMessage(), e);
        }
    }

    /**
     * Verifies the signature this process has just written, without parsing the PDF again: the caller wrote the
     * signature dictionary itself (PAdES sub-filter, {@code claimedSigningTime} as /M) and knows its /ByteRange,
     * which must also be the last /ByteRange written in the file. Everything else is checked as {@link #verify}
     * does: whole-file coverage, message digest, CMS signature, signing-certificate-v2, timestamp (imprint, TSA
     * signature) and both chains.
     *
     * @param appendedFrom where the signing revision starts in {@code pdf} (the unsigned file's length)
     */
    SignatureCheck verifyJustSigned(byte[] pdf, int appendedFrom, long[] byteRange, Instant claimedSigningTime,
            Collection<X509Certificate> trustAnchors) {
        if (!Arrays.equals(PdfByteRange.last(pdf, appendedFrom), byteRange)) {
            throw new IllegalStateException("the ByteRange written in the signed PDF is not the one prepared");
        }
        return check(1, PadesSigner.SUB_FILTER.getName(), claimedSigningTime, byteRange, pdf, trustAnchors);
    }

    private SignatureCheck check(int number, PDSignature dictionary, byte[] pdf,
            Collection<X509Certificate> anchors) {
        return check(number, dictionary.getSubFilter(),
                dictionary.getSignDate() == null ? null : dictionary.getSignDate().toInstant(),
                Arrays.stream(dictionary.getByteRange()).asLongStream().toArray(), pdf, anchors);
    }

    private SignatureCheck check(int number, String subFilter, Instant claimedSigningTime, long[] range, byte[] pdf,
            Collection<X509Certificate> anchors) {
        Builder result = new Builder(number);
        result.claimedSigningTime = claimedSigningTime;
        result.padesSubFilter = PadesSigner.SUB_FILTER.getName().equals(subFilter);
        if (!result.padesSubFilter) {
            result.problem("verify.subFilter", String.valueOf(subFilter));
        }
        result.coversWholeFile = PdfByteRange.coversWholeFileButContents(pdf, range);
        if (!result.coversWholeFile) {
            result.problem("verify.notWholeFile");
        }
        CMSSignedData cms;
        SignerInformation signer;
        X509Certificate certificate;
        byte[] content;
        List<X509Certificate> pool;
        try {
            content = PdfByteRange.signedContent(pdf, range);
            cms = new CMSSignedData(new CMSProcessableByteArray(content), readContents(pdf, range));
            signer = cms.getSignerInfos().getSigners().iterator().next();
            certificate = certificate(cms.getCertificates(), signer);
            pool = new ArrayList<>(certificates(cms.getCertificates()));
        } catch (Exception e) {
            result.problem("verify.unreadable");
            return result.build();
        }
        result.describe(certificate, signer);

        // Message digest: the digest of the ByteRange content, as signed in the message-digest attribute.
        AttributeTable signed = signer.getSignedAttributes();
        Attribute messageDigest = signed == null ? null : signed.get(CMSAttributes.messageDigest);
        boolean digestMatches = messageDigest != null && MessageDigest.isEqual(digest(signer.getDigestAlgOID(),
                content), ASN1OctetString.getInstance(messageDigest.getAttrValues().getObjectAt(0)).getOctets());
        boolean signatureVerifies = verifies(signer, certificate);
        result.cryptographicallyValid = digestMatches && signatureVerifies;
        if (!digestMatches) {
            result.problem("verify.digestMismatch");
        } else if (!signatureVerifies) {
            result.problem("verify.signatureInvalid");
        }

        result.signingCertificateV2 = signingCertificateV2Matches(signed, certificate);
        if (!result.signingCertificateV2) {
            result.problem("verify.noSigningCertificateV2");
        }
        result.noSigningTimeAttribute = signed == null || signed.get(CMSAttributes.signingTime) == null;
        if (!result.noSigningTimeAttribute) {
            result.problem("verify.signingTimeAttribute");
        }

        checkTimestamp(result, signer, pool, anchors);
        Date at = Date.from(result.timestampTime != null && result.timestampValid ? result.timestampTime
                : Instant.now());
        result.chainTrusted = chains(certificate, pool, anchors, at);
        if (!result.chainTrusted) {
            result.problem("verify.untrusted", commonName(certificate.getIssuerX500Principal().getName()));
        }
        return result.build();
    }

    private void checkTimestamp(Builder result, SignerInformation signer, List<X509Certificate> pool,
            Collection<X509Certificate> anchors) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute attribute = unsigned == null ? null
                : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            result.problem("verify.noTimestamp");
            return;
        }
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(
                    ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0))));
            X509Certificate tsaCertificate = certificate(token.getCertificates(), token.getSID());
            pool.addAll(certificates(token.getCertificates()));
            result.timestampTime = token.getTimeStampInfo().getGenTime().toInstant();
            result.tsaName = tsaCertificate.getSubjectX500Principal().getName();
            boolean imprintMatches = MessageDigest.isEqual(token.getTimeStampInfo().getMessageImprintDigest(),
                    digest(token.getTimeStampInfo().getMessageImprintAlgOID().getId(), signer.getSignature()));
            boolean tsaSignatureVerifies;
            try {
                // Checks the TSA signature, the critical timeStamping EKU and the TSA certificate's validity at genTime.
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BcProvider.PROVIDER)
                        .build(tsaCertificate));
                tsaSignatureVerifies = true;
            } catch (Exception e) {
                tsaSignatureVerifies = false;
            }
            result.timestampValid = imprintMatches && tsaSignatureVerifies;
            if (!tsaSignatureVerifies) {
                result.problem("verify.timestampSignature");
            } else if (!imprintMatches) {
                result.problem("verify.timestampImprint");
            }
            result.timestampTrusted = chains(tsaCertificate, pool, anchors,
                    token.getTimeStampInfo().getGenTime());
            if (!result.timestampTrusted) {
                result.problem("verify.timestampUntrusted", commonName(result.tsaName));
            }
        } catch (Exception e) {
            result.problem("verify.timestampSignature");
        }
    }

    /**
     * Whether {@code target} chains to one of {@code anchors} (PKIX, Bouncy Castle so GOST works), with validity
     * checked at {@code at}; revocation is off (no CRL/OCSP at this stage).
     */
    static boolean chains(X509Certificate target, Collection<X509Certificate> pool,
            Collection<X509Certificate> anchors, Date at) {
        if (anchors.isEmpty()) {
            return false;
        }
        try {
            Set<TrustAnchor> trust = anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet());
            X509CertSelector selector = new X509CertSelector();
            selector.setCertificate(target);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trust, selector);
            List<X509Certificate> store = new ArrayList<>(pool);
            store.add(target);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store),
                    BcProvider.PROVIDER));
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            CertPathBuilder.getInstance("PKIX", BcProvider.PROVIDER).build(parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The CMS in the /Contents gap; the hex is zero-padded, so only the first ASN.1 object is read. */
    private static ContentInfo readContents(byte[] pdf, long[] range) throws IOException {
        int start = Math.toIntExact(range[1]) + 1;
        int end = Math.toIntExact(range[2]) - 1;
        String hex = new String(pdf, start, end - start, java.nio.charset.StandardCharsets.US_ASCII);
        try (ASN1InputStream in = new ASN1InputStream(HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex
                : hex + "0"))) {
            return ContentInfo.getInstance(in.readObject());
        }
    }

    private static boolean verifies(SignerInformation signer, X509Certificate certificate) {
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BcProvider.PROVIDER)
                    .build(certificate));
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean signingCertificateV2Matches(AttributeTable signed, X509Certificate certificate) {
        Attribute attribute = signed == null ? null : signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return false;
        }
        try {
            ESSCertIDv2 id = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0];
            boolean hashMatches = MessageDigest.isEqual(id.getCertHash(),
                    digest(id.getHashAlgorithm().getAlgorithm().getId(), certificate.getEncoded()));
            if (id.getIssuerSerial() == null) {
                return hashMatches;
            }
            X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
            GeneralName[] names = id.getIssuerSerial().getIssuer().getNames();
            return hashMatches && id.getIssuerSerial().getSerial().hasValue(certificate.getSerialNumber())
                    && names.length == 1 && X500Name.getInstance(names[0].getName()).equals(issuer);
        } catch (Exception e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static X509Certificate certificate(Store<X509CertificateHolder> store,
            org.bouncycastle.cms.SignerId id) throws GeneralSecurityException {
        Collection<X509CertificateHolder> matches = store.getMatches(id);
        if (matches.isEmpty()) {
            throw new GeneralSecurityException("the signer's certificate is not in the CMS");
        }
        return new JcaX509CertificateConverter().setProvider(BcProvider.PROVIDER)
                .getCertificate(matches.iterator().next());
    }

    private static X509Certificate certificate(Store<X509CertificateHolder> store, SignerInformation signer)
            throws GeneralSecurityException {
        return certificate(store, signer.getSID());
    }

    @SuppressWarnings("unchecked")
    private static List<X509Certificate> certificates(Store<X509CertificateHolder> store)
            throws GeneralSecurityException {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(BcProvider.PROVIDER);
        for (X509CertificateHolder holder : store.getMatches(null)) {
            certificates.add(converter.getCertificate(holder));
        }
        return certificates;
    }

    static byte[] digest(String oid, byte[] data) {
        try {
            return MessageDigest.getInstance(oid, BcProvider.PROVIDER).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unsupported digest algorithm " + oid, e);
        }
    }

    /** The CN of an RFC 2253 name, else the whole name. */
    static String commonName(String rfc2253) {
        try {
            for (Rdn rdn : new LdapName(rfc2253).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return rfc2253;
        }
        return rfc2253;
    }

    /** Collects one signature's findings. */
    private static final class Builder {
        private final int number;
        private final List<String> problems = new ArrayList<>();
        private String subject;
        private String serialHex;
        private String fingerprint;
        private String algorithm;
        private Instant claimedSigningTime;
        private Instant timestampTime;
        private String tsaName;
        private boolean cryptographicallyValid;
        private boolean coversWholeFile;
        private boolean chainTrusted;
        private boolean timestampValid;
        private boolean timestampTrusted;
        private boolean padesSubFilter;
        private boolean signingCertificateV2;
        private boolean noSigningTimeAttribute;

        Builder(int number) {
            this.number = number;
        }

        void problem(String key, String... args) {
            problems.add(SigningMessages.get(key, args));
        }

        void describe(X509Certificate certificate, SignerInformation signer) {
            subject = certificate.getSubjectX500Principal().getName();
            serialHex = StampText.serialHex(certificate.getSerialNumber());
            try {
                fingerprint = HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            try {
                SignatureAlgorithm byKey = SignatureAlgorithm.forKey(certificate.getPublicKey());
                algorithm = byKey.digestOid().equals(signer.getDigestAlgOID()) ? byKey.name()
                        : signer.getEncryptionAlgOID() + " with " + signer.getDigestAlgOID();
            } catch (IllegalArgumentException e) {
                algorithm = signer.getEncryptionAlgOID() + " with " + signer.getDigestAlgOID();
            }
        }

        SignatureCheck build() {
            return new SignatureCheck(number, subject, serialHex, fingerprint, algorithm, claimedSigningTime,
                    timestampTime, tsaName, cryptographicallyValid, coversWholeFile, chainTrusted, timestampValid,
                    timestampTrusted, padesSubFilter, signingCertificateV2, noSigningTimeAttribute, problems);
        }
    }
}
