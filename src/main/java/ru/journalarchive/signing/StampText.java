package ru.journalarchive.signing;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * What the visible signature stamp on the title page says (ГОСТ Р 7.0.97 customary form): the certificate's serial
 * number, its owner, its validity period and the signing time. The stamp is only a picture; the cryptographic
 * signature is what counts.
 *
 * @param ownerName   the certificate owner (surname, given names of the subject, else its CN)
 * @param serialHex   the certificate serial number in upper-case hex
 * @param notBefore   the start of the certificate's validity
 * @param notAfter    the end of the certificate's validity
 * @param signingTime the claimed signing time (the timestamp added later is the authoritative one)
 */
public record StampText(String ownerName, String serialHex, Instant notBefore, Instant notAfter, Instant signingTime) {

    /** Dates on the stamp are shown in Moscow time, the time of the archive's legal frame (UTC+3, no DST). */
    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT).withZone(ZONE);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT).withZone(ZONE);

    /** The stamp text of a signer's certificate. */
    public static StampText of(X509Certificate certificate, Instant signingTime) {
        return new StampText(ownerOf(certificate), serialHex(certificate.getSerialNumber()),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), signingTime);
    }

    /** The lines of the stamp, heading first, in Russian. */
    public List<String> lines() {
        return List.of(SigningMessages.get("stamp.heading"),
                SigningMessages.get("stamp.certificate", serialHex),
                SigningMessages.get("stamp.owner", ownerName),
                SigningMessages.get("stamp.validity", DATE.format(notBefore), DATE.format(notAfter)),
                SigningMessages.get("stamp.signedAt", DATE_TIME.format(signingTime)));
    }

    static String serialHex(BigInteger serial) {
        return HexFormat.of().withUpperCase().formatHex(serial.toByteArray()).replaceFirst("^00(?=.)", "");
    }

    /** «Surname Given names» as Russian qualified certificates carry them (SN, G), else the CN. */
    static String ownerOf(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        String surname = first(name, BCStyle.SURNAME);
        String given = first(name, BCStyle.GIVENNAME);
        if (surname != null && given != null) {
            return surname + " " + given;
        }
        String cn = first(name, BCStyle.CN);
        return cn != null ? cn : certificate.getSubjectX500Principal().getName();
    }

    private static String first(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0) {
            return null;
        }
        var value = rdns[0].getFirst().getValue();
        return value instanceof org.bouncycastle.asn1.ASN1String text ? text.getString() : IETFUtils.valueToString(value);
    }
}
