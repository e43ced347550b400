package ru.journalarchive.signing;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * The signature algorithms of the archive's signature policy; the algorithm follows the key.
 *
 * @param jcaName          the signature algorithm name understood by Bouncy Castle
 * @param digestJcaName    the digest algorithm name (the message digest of the signed attributes and the document)
 * @param digestOid        the digest algorithm OID
 */
public enum SignatureAlgorithm {
    /** RSA (3072 bits and up) with SHA-256. */
    RSA_SHA256("SHA256withRSA", "SHA-256", "2.16.840.1.101.3.4.2.1"),
    /** ECDSA on P-256 with SHA-256. */
    ECDSA_P256_SHA256("SHA256withECDSA", "SHA-256", "2.16.840.1.101.3.4.2.1"),
    /** ECDSA on P-384 with SHA-384. */
    ECDSA_P384_SHA384("SHA384withECDSA", "SHA-384", "2.16.840.1.101.3.4.2.2"),
    /** GOST R 34.10-2012 (256-bit key) with GOST R 34.11-2012 (Streebog-256). */
    GOST_2012_256("GOST3411-2012-256WITHECGOST3410-2012-256", "GOST3411-2012-256", "1.2.643.7.1.1.2.2"),
    /** GOST R 34.10-2012 (512-bit key) with GOST R 34.11-2012 (Streebog-512). */
    GOST_2012_512("GOST3411-2012-512WITHECGOST3410-2012-512", "GOST3411-2012-512", "1.2.643.7.1.1.2.3");

    private final String jcaName;
    private final String digestJcaName;
    private final String digestOid;

    SignatureAlgorithm(String jcaName, String digestJcaName, String digestOid) {
        this.jcaName = jcaName;
        this.digestJcaName = digestJcaName;
        this.digestOid = digestOid;
    }

    /** The signature algorithm name for Bouncy Castle. */
    public String jcaName() {
        return jcaName;
    }

    /** The digest algorithm name for Bouncy Castle. */
    public String digestJcaName() {
        return digestJcaName;
    }

    /** The digest algorithm OID. */
    public String digestOid() {
        return digestOid;
    }

    /**
     * The algorithm of a public key under the signature policy.
     *
     * @throws IllegalArgumentException for keys the policy does not accept (e.g. RSA below 3072 bits)
     */
    public static SignatureAlgorithm forKey(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < 3072) {
                throw new IllegalArgumentException("RSA keys below 3072 bits are not accepted by the signature policy: "
                        + rsa.getModulus().bitLength() + " bits");
            }
            return RSA_SHA256;
        }
        String algorithm = key.getAlgorithm().toUpperCase(java.util.Locale.ROOT);
        if (algorithm.contains("GOST") || algorithm.contains("ECGOST")) {
            int bits = key instanceof ECPublicKey ec ? ec.getParams().getCurve().getField().getFieldSize()
                    : gostFieldSize(key);
            return bits > 256 ? GOST_2012_512 : GOST_2012_256;
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return switch (bits) {
                case 256 -> ECDSA_P256_SHA256;
                case 384 -> ECDSA_P384_SHA384;
                default -> throw new IllegalArgumentException("ECDSA curves other than P-256 and P-384 are not accepted: "
                        + bits + " bits");
            };
        }
        throw new IllegalArgumentException("key algorithm not accepted by the signature policy: " + key.getAlgorithm());
    }

    private static int gostFieldSize(PublicKey key) {
        if (key instanceof org.bouncycastle.jce.interfaces.ECPublicKey bc) {
            return bc.getParameters().getCurve().getFieldSize();
        }
        return key.getEncoded().length > 100 ? 512 : 256;
    }
}
