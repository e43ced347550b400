package ru.journalarchive.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPkiTest {

    @TempDir
    static Path data;

    static Path directory;
    static DemoPki pki;

    @BeforeAll
    static void createTheDemoPkiOnce() {
        directory = data.resolve("signing");
        pki = DemoPki.createOrLoad(directory, "МБОУ «Школа № 99» (тест)");
    }

    @Test
    void theFirstRunCreatesTheCaTheDirectorAndTheTsaFiles() {
        assertThat(pki.created()).isTrue();
        assertThat(directory.resolve("demo-ca.pem")).isRegularFile();
        assertThat(directory.resolve("demo-director.p12")).isRegularFile();
        assertThat(directory.resolve("demo-tsa.p12")).isRegularFile();
        assertThat(directory.resolve("README.txt")).content(StandardCharsets.UTF_8).contains("НЕ ДЛЯ РЕАЛЬНОГО");
    }

    @Test
    void aLaterRunReusesTheFilesWithoutChangingThem() throws Exception {
        Map<String, byte[]> before = contents();

        DemoPki again = DemoPki.createOrLoad(directory, "Другая школа");

        assertThat(again.created()).isFalse();
        assertThat(again.caCertificate()).isEqualTo(pki.caCertificate());
        Map<String, byte[]> after = contents();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
        try (Pkcs12Token director = again.openDirectorToken()) {
            assertThat(director.certificate().getSubjectX500Principal().getName()).doesNotContain("Другая");
        }
    }

    @Test
    void everySubjectSaysDemoAndTheDirectorIsNamedAfterTheSchool() {
        try (Pkcs12Token director = pki.openDirectorToken(); Pkcs12Token tsa = pki.openTsaToken()) {
            String ca = pki.caCertificate().getSubjectX500Principal().getName();
            assertThat(ca).contains("CN=ДЕМО Учебный удостоверяющий центр").contains("OU=НЕ ДЛЯ РЕАЛЬНОГО ИСПОЛЬЗОВАНИЯ")
                    .contains("C=RU");
            String subject = director.certificate().getSubjectX500Principal().getName();
            assertThat(subject).contains("CN=ДЕМО Директор МБОУ «Школа № 99» (тест)").contains("C=RU")
                    .contains("O=МБОУ «Школа № 99» (тест)").contains("OU=НЕ ДЛЯ РЕАЛЬНОГО ИСПОЛЬЗОВАНИЯ");
            assertThat(tsa.certificate().getSubjectX500Principal().getName()).contains("ДЕМО")
                    .contains("НЕ ДЛЯ РЕАЛЬНОГО ИСПОЛЬЗОВАНИЯ");
        }
    }

    @Test
    void theDirectorsKeyIsRsa3072AndItsSignatureVerifies() throws Exception {
        byte[] data = "данные для подписи".getBytes(StandardCharsets.UTF_8);
        try (Pkcs12Token director = pki.openDirectorToken()) {
            assertThat(((RSAPublicKey) director.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
            Signature verifier = Signature.getInstance(director.algorithm().jcaName(), "BC");
            verifier.initVerify(director.certificate());
            verifier.update(data);
            assertThat(verifier.verify(director.sign(data))).isTrue();
        }
    }

    @Test
    void theDirectorAndTsaCertificatesChainToTheDemoCaUnderPkix() throws Exception {
        try (Pkcs12Token director = pki.openDirectorToken(); Pkcs12Token tsa = pki.openTsaToken()) {
            for (X509Certificate leaf : List.of(director.certificate(), tsa.certificate())) {
                PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(pki.caCertificate(), null)));
                parameters.setRevocationEnabled(false);
                PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) CertPathValidator
                        .getInstance("PKIX", "BC").validate(CertificateFactory.getInstance("X.509", "BC")
                                .generateCertPath(List.of(leaf)), parameters);
                assertThat(result.getTrustAnchor().getTrustedCert()).isEqualTo(pki.caCertificate());
                assertThat(pki.issued(leaf)).isTrue();
            }
            assertThat(director.chain()).last().isEqualTo(pki.caCertificate());
        }
    }

    @Test
    void theTsaCertificateHasOnlyTheCriticalTimeStampingUsage() throws Exception {
        try (Pkcs12Token tsa = pki.openTsaToken()) {
            X509Certificate certificate = tsa.certificate();
            assertThat(certificate.getCriticalExtensionOIDs()).contains("2.5.29.37");
            assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        }
    }

    @Test
    void theCertificatesAreValidForYearsFromNow() throws Exception {
        try (Pkcs12Token director = pki.openDirectorToken()) {
            director.certificate().checkValidity(Date.from(Instant.now().plus(Duration.ofDays(2 * 365))));
            assertThat(director.certificate().getNotAfter()).isBeforeOrEqualTo(pki.caCertificate().getNotAfter());
        }
    }

    @Test
    void aCertificateOfAnotherCaIsNotTakenForADemoOne() {
        Path file = data.resolve("other");
        DemoPki other = DemoPki.createOrLoad(file, null);
        try (Pkcs12Token director = other.openDirectorToken()) {
            assertThat(director.certificate().getSubjectX500Principal().getName())
                    .contains("ДЕМО Директор Демонстрационная школа");
            assertThat(pki.issued(director.certificate())).isFalse();
        }
    }

    @Test
    void aVeryLongSchoolNameIsShortenedToFitTheCertificate() {
        DemoPki longName = DemoPki.createOrLoad(data.resolve("long"), "Муниципальное бюджетное общеобразовательное "
                + "учреждение «Средняя общеобразовательная школа № 1 с углублённым изучением отдельных предметов»");
        try (Pkcs12Token director = longName.openDirectorToken()) {
            assertThat(director.certificate().getSubjectX500Principal().getName())
                    .contains("CN=ДЕМО Директор Муниципальное бюджетное").contains("…");
        }
    }

    @Test
    void aHalfDeletedDemoPkiIsReportedAndNotOverwritten() throws Exception {
        Path broken = data.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("demo-ca.pem"), "keep me");

        assertThatThrownBy(() -> DemoPki.createOrLoad(broken, null))
                .isInstanceOf(TokenException.class)
                .hasMessageContaining("demo-director.p12, demo-tsa.p12");
        assertThat(broken.resolve("demo-ca.pem")).hasContent("keep me");
    }

    private static Map<String, byte[]> contents() throws Exception {
        Map<String, byte[]> contents = new TreeMap<>();
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                contents.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return contents;
    }
}
