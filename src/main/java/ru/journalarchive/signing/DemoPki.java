package ru.journalarchive.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The demo PKI that lets a school try signing before it has a real key: a demo CA, a demo director certificate and
 * a demo timestamping certificate, all marked «ДЕМО», created once under {@code <data-directory>/signing/} and reused
 * on every later run (never overwritten). Signatures made with it are cryptographically real but legally nothing;
 * whatever reports a chain to the demo CA must say «ДЕМО».
 */
public final class DemoPki {

    /** The password of both demo PKCS#12 files; documented, because the demo keys protect nothing. */
    public static final String PASSWORD = "demo";
    /** The demo director's key and certificate chain. */
    public static final String DIRECTOR_FILE = "demo-director.p12";
    /** The demo timestamp authority's key and certificate chain. */
    public static final String TSA_FILE = "demo-tsa.p12";
    /** The demo CA's certificate (its key is not kept: the demo CA issues nothing after the first run). */
    public static final String CA_FILE = "demo-ca.pem";
    /** The school name used when none is configured. */
    public static final String DEFAULT_SCHOOL = "Демонстрационная школа";

    // RFC 5280 bounds a common name and an organization name at 64 characters: the warning goes into the OU.
    static final String CA_NAME = "ДЕМО Учебный удостоверяющий центр";
    static final String TSA_NAME = "ДЕМО Служба штампов времени";
    static final String WARNING = "НЕ ДЛЯ РЕАЛЬНОГО ИСПОЛЬЗОВАНИЯ";
    private static final int UB_NAME = 64;
    private static final String ORGANIZATION = "ДЕМО Журнальный архив";
    private static final Duration CA_VALIDITY = Duration.ofDays(10 * 365 + 2);
    private static final Duration LEAF_VALIDITY = Duration.ofDays(3 * 365 + 1);
    private static final String README = "README.txt";

    private final Path directory;
    private final X509Certificate caCertificate;
    private final boolean created;

    private DemoPki(Path directory, X509Certificate caCertificate, boolean created) {
        this.directory = directory;
        this.caCertificate = caCertificate;
        this.created = created;
    }

    /**
     * The demo PKI in {@code directory}: loaded when its files are there, created when none is.
     *
     * @param schoolName the school named in the director's certificate; {@code null} or blank for
     *                   {@value #DEFAULT_SCHOOL}; used only on creation
     * @throws TokenException when only some of the files exist (never overwritten) or they cannot be written
     */
    public static synchronized DemoPki createOrLoad(Path directory, String schoolName) {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(CA_FILE, DIRECTOR_FILE, TSA_FILE)) {
            if (!Files.isRegularFile(directory.resolve(name))) {
                missing.add(name);
            }
        }
        if (missing.isEmpty()) {
            return new DemoPki(directory, readCertificate(directory.resolve(CA_FILE)), false);
        }
        if (missing.size() < 3) {
            throw new TokenException(TokenMessages.get("demo.partial", directory, String.join(", ", missing)));
        }
        String school = schoolName == null || schoolName.isBlank() ? DEFAULT_SCHOOL : schoolName.strip();
        return new DemoPki(directory, create(directory, school), true);
    }

    private static X509Certificate create(Path directory, String school) {
        Instant notBefore = Instant.now().minus(Duration.ofHours(1));
        DemoCertificates.Issued ca = DemoCertificates.selfSignedCa(name(CA_NAME, ORGANIZATION, null),
                DemoCertificates.KeyKind.RSA_3072, notBefore, CA_VALIDITY);
        DemoCertificates.Issued director = DemoCertificates.issue(name("ДЕМО Директор " + school, school, "ДЕМО"),
                DemoCertificates.KeyKind.RSA_3072, DemoCertificates.Role.SIGNER, ca, notBefore, LEAF_VALIDITY);
        DemoCertificates.Issued tsa = DemoCertificates.issue(name(TSA_NAME, ORGANIZATION, null),
                DemoCertificates.KeyKind.RSA_3072, DemoCertificates.Role.TIMESTAMPING, ca, notBefore, LEAF_VALIDITY);
        char[] password = PASSWORD.toCharArray();
        try {
            Files.createDirectories(directory);
            writeNew(directory.resolve(DIRECTOR_FILE), DemoCertificates.pkcs12("demo-director",
                    director.keyPair().getPrivate(), List.of(director.certificate(), ca.certificate()), password));
            writeNew(directory.resolve(TSA_FILE), DemoCertificates.pkcs12("demo-tsa",
                    tsa.keyPair().getPrivate(), List.of(tsa.certificate(), ca.certificate()), password));
            writeNew(directory.resolve(CA_FILE), DemoCertificates.pem(ca.certificate())
                    .getBytes(StandardCharsets.US_ASCII));
            if (!Files.exists(directory.resolve(README))) {
                writeNew(directory.resolve(README), readme().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new TokenException(TokenMessages.get("demo.unwritable", directory, e.getMessage()), e);
        } finally {
            Arrays.fill(password, '\0');
        }
        return ca.certificate();
    }

    private static X500Name name(String commonName, String organization, String surname) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "RU")
                .addRDN(BCStyle.O, fit(organization)).addRDN(BCStyle.OU, WARNING);
        if (surname != null) {
            builder.addRDN(BCStyle.SURNAME, surname).addRDN(BCStyle.GIVENNAME, "Директор");
        }
        return builder.addRDN(BCStyle.CN, fit(commonName)).build();
    }

    private static String fit(String name) {
        return name.length() <= UB_NAME ? name : name.substring(0, UB_NAME - 1) + "…";
    }

    /** Writes through a temporary file and an atomic move that never replaces an existing file. */
    private static void writeNew(Path target, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temporary, content);
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String readme() {
        return """
                ДЕМОНСТРАЦИОННЫЕ КЛЮЧИ — НЕ ДЛЯ РЕАЛЬНОГО ИСПОЛЬЗОВАНИЯ

                Эти файлы созданы архивом автоматически, чтобы подпись можно было опробовать без настоящего ключа.
                Подпись ими не имеет юридической силы. Пароль обоих файлов .p12: demo.
                  demo-ca.pem        сертификат демонстрационного удостоверяющего центра
                  demo-director.p12  ключ и сертификат «ДЕМО Директор …»
                  demo-tsa.p12       ключ и сертификат демонстрационной службы штампов времени
                Чтобы подписывать по-настоящему, настройте токен директора (см. signing/tokens.md).
                """;
    }

    private static X509Certificate readCertificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509", TokenProviders.bouncyCastle())
                    .generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new TokenException(TokenMessages.get("trust.unreadable", file, e.getMessage()), e);
        }
    }

    /** The folder of the demo PKI's files. */
    public Path directory() {
        return directory;
    }

    /** Whether this call created the files (the first run) rather than loading them. */
    public boolean created() {
        return created;
    }

    /** The demo CA's certificate: an extra trust anchor, always to be reported as «ДЕМО». */
    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** Opens the demo director's key ({@value #DIRECTOR_FILE}). */
    public Pkcs12Token openDirectorToken() {
        return Pkcs12Token.open(directory.resolve(DIRECTOR_FILE), PASSWORD.toCharArray(), null);
    }

    /** Opens the demo timestamp authority's key ({@value #TSA_FILE}), for the built-in timestamp authority. */
    public Pkcs12Token openTsaToken() {
        return Pkcs12Token.open(directory.resolve(TSA_FILE), PASSWORD.toCharArray(), null);
    }

    /** Whether {@code certificate} is the demo CA or was issued by it (by name and signature). */
    public boolean issued(X509Certificate certificate) {
        if (certificate.equals(caCertificate)) {
            return true;
        }
        if (!certificate.getIssuerX500Principal().equals(caCertificate.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(caCertificate.getPublicKey(), TokenProviders.bouncyCastle());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
