package ru.journalarchive.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The CMS (CAdES) structures of a PAdES baseline signature, built at the ASN.1 level so that the signed attributes
 * can be made in one process and the signature value added in another.
 */
final class CadesStructures {

    /** id-tc26-gost3410-12-256 and -512: the key OIDs that go into SignerInfo.signatureAlgorithm for GOST (RFC 4490 §3.2 style). */
    private static final ASN1ObjectIdentifier GOST_2012_256_KEY = new ASN1ObjectIdentifier("1.2.643.7.1.1.1.1");
    private static final ASN1ObjectIdentifier GOST_2012_512_KEY = new ASN1ObjectIdentifier("1.2.643.7.1.1.1.2");

    private CadesStructures() {
    }

    /** The digest algorithm identifier; parameters absent (RFC 5754 for SHA-2; RFC 9215 for Streebog). */
    static AlgorithmIdentifier digestAlgorithm(SignatureAlgorithm algorithm) {
        return new AlgorithmIdentifier(new ASN1ObjectIdentifier(algorithm.digestOid()));
    }

    /** SignerInfo.signatureAlgorithm: rsaEncryption (NULL), ecdsa-with-SHA256/384, or the GOST 2012 key OID. */
    static AlgorithmIdentifier signatureAlgorithm(SignatureAlgorithm algorithm) {
        return switch (algorithm) {
            case RSA_SHA256 -> new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);
            case ECDSA_P256_SHA256 -> new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
            case ECDSA_P384_SHA384 -> new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA384);
            case GOST_2012_256 -> new AlgorithmIdentifier(GOST_2012_256_KEY);
            case GOST_2012_512 -> new AlgorithmIdentifier(GOST_2012_512_KEY);
        };
    }

    /** The digest of {@code data} with the algorithm's digest. */
    static byte[] digest(SignatureAlgorithm algorithm, byte[] data) {
        return messageDigest(algorithm).digest(data);
    }

    /** The digest of the two ByteRange parts of {@code pdf}, without copying them. */
    static byte[] digest(SignatureAlgorithm algorithm, byte[] pdf, long[] byteRange) {
        PdfByteRange.checkWithin(pdf, byteRange);
        MessageDigest digest = messageDigest(algorithm);
        digest.update(pdf, (int) byteRange[0], (int) byteRange[1]);
        digest.update(pdf, (int) byteRange[2], (int) byteRange[3]);
        return digest.digest();
    }

    /** The JDK's SHA-2 (CPU intrinsics, several times faster than Bouncy Castle's), Bouncy Castle's Streebog. */
    private static MessageDigest messageDigest(SignatureAlgorithm algorithm) {
        try {
            return algorithm.digestJcaName().startsWith("SHA")
                    ? MessageDigest.getInstance(algorithm.digestJcaName())
                    : MessageDigest.getInstance(algorithm.digestJcaName(), BcProvider.PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The signed attributes of a PAdES baseline signature, DER-encoded as a SET (what the key signs, RFC 5652 §5.4):
     * content-type id-data, message-digest of the ByteRange content, signing-certificate-v2. No signing-time: in
     * PAdES the time claim is the dictionary's /M (ETSI EN 319 142-1 §5.2.1).
     */
    static byte[] signedAttributes(SignatureAlgorithm algorithm, byte[] documentDigest, X509Certificate signer) {
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)));
        attributes.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(documentDigest))));
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {essCertId(algorithm, signer)}))));
        try {
            return new DERSet(attributes).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The ESSCertIDv2 of the signer's certificate, hashed with the signature's own digest (SHA-256 for RSA and
     * P-256, SHA-384 for P-384, Streebog for GOST — as Russian CAdES profiles do); SHA-256 is the DEFAULT and is
     * then left out of the encoding.
     */
    static ESSCertIDv2 essCertId(SignatureAlgorithm algorithm, X509Certificate certificate) {
        try {
            X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
            IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(issuer)),
                    certificate.getSerialNumber());
            byte[] hash = digest(algorithm, certificate.getEncoded());
            return new ESSCertIDv2(digestAlgorithm(algorithm), hash, issuerSerial);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of the message-digest attribute in DER-encoded signed attributes, or null. */
    static byte[] messageDigestOf(byte[] signedAttributes) {
        Attribute attribute = new AttributeTable(ASN1Set.getInstance(signedAttributes)).get(CMSAttributes.messageDigest);
        if (attribute == null) {
            return null;
        }
        return ASN1OctetString.getInstance(attribute.getAttrValues().getObjectAt(0)).getOctets();
    }

    /**
     * The CMS SignedData (detached, RFC 5652) of one signer: the chain's certificates, the given signed attributes
     * and signature value, and the signature timestamp as the unsigned attribute id-aa-signatureTimeStampToken.
     */
    static byte[] signedData(SignatureAlgorithm algorithm, List<X509Certificate> chain, byte[] signedAttributes,
            byte[] signatureValue, TimeStampToken timestamp) {
        try {
            X509Certificate signer = chain.get(0);
            SignerIdentifier sid = new SignerIdentifier(new IssuerAndSerialNumber(
                    X500Name.getInstance(signer.getIssuerX500Principal().getEncoded()), signer.getSerialNumber()));
            ASN1Set unsigned = timestamp == null ? null : new DERSet(new Attribute(
                    PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(timestamp.toCMSSignedData().toASN1Structure())));
            SignerInfo signerInfo = new SignerInfo(sid, digestAlgorithm(algorithm),
                    ASN1Set.getInstance(signedAttributes), signatureAlgorithm(algorithm),
                    new DEROctetString(signatureValue), unsigned);
            ASN1EncodableVector certificates = new ASN1EncodableVector();
            for (X509Certificate certificate : chain) {
                certificates.add(Certificate.getInstance(certificate.getEncoded()));
            }
            // Version 1: IssuerAndSerialNumber, id-data content, no attribute certificates (RFC 5652 §5.1).
            SignedData signedData = new SignedData(new DERSet(digestAlgorithm(algorithm)),
                    new ContentInfo(CMSObjectIdentifiers.data, null), new DERSet(certificates), null,
                    new DERSet(signerInfo));
            return new ContentInfo(CMSObjectIdentifiers.signedData, signedData).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
