package ru.journalarchive.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsTest {

    @TempDir
    Path dir;

    @Test
    void aFolderOfPemAndDerCertificatesIsLoadedAndItsReadmeSkipped() throws Exception {
        X509Certificate rsa = ca("CN=Тестовый корневой УЦ RSA,C=RU", DemoCertificates.KeyKind.RSA_3072);
        X509Certificate ec = ca("CN=Test root EC,C=RU", DemoCertificates.KeyKind.EC_P256);
        X509Certificate gost = ca("CN=Тестовый корневой УЦ ГОСТ,C=RU", DemoCertificates.KeyKind.GOST_2012_256);
        Files.writeString(dir.resolve("two-roots.pem"), DemoCertificates.pem(rsa) + DemoCertificates.pem(ec));
        Files.createDirectories(dir.resolve("gost"));
        Files.write(dir.resolve("gost/root.der"), gost.getEncoded());
        Files.writeString(dir.resolve("README.md"), "# not a certificate");

        TrustAnchors anchors = TrustAnchors.load(dir.toUri().toString());

        assertThat(anchors.certificates()).containsExactlyInAnyOrder(rsa, ec, gost);
        assertThat(anchors.pkixAnchors()).hasSize(3);
        assertThat(anchors.certificates()).noneMatch(anchors::isDemo);
    }

    @Test
    void theShippedClasspathFolderHoldsNoCertificateButLoads() {
        TrustAnchors anchors = TrustAnchors.load("classpath:signing/trust-anchors/");

        assertThat(anchors.isEmpty()).isTrue();
    }

    @Test
    void theDemoCaIsAnExtraAnchorFlaggedAsDemo() throws Exception {
        X509Certificate real = ca("CN=Test root,C=RU", DemoCertificates.KeyKind.EC_P256);
        X509Certificate demoCa = ca("CN=ДЕМО Учебный удостоверяющий центр,C=RU", DemoCertificates.KeyKind.EC_P256);

        TrustAnchors anchors = TrustAnchors.of(java.util.List.of(real)).withDemo(demoCa);

        assertThat(anchors.certificates()).containsExactly(real, demoCa);
        assertThat(anchors.isDemo(demoCa)).isTrue();
        assertThat(anchors.isDemo(real)).isFalse();
    }

    @Test
    void aFileThatIsNotACertificateStopsLoadingWithItsName() throws Exception {
        Files.writeString(dir.resolve("broken.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> TrustAnchors.load(dir.toUri().toString()))
                .isInstanceOf(TokenException.class)
                .hasMessageContaining("broken.pem");
    }

    @Test
    void aMissingFileFolderIsReported() {
        String location = dir.resolve("absent").toUri().toString();

        assertThatThrownBy(() -> TrustAnchors.load(location))
                .isInstanceOf(TokenException.class)
                .hasMessageContaining("absent");
    }

    private static X509Certificate ca(String subject, DemoCertificates.KeyKind kind) {
        return DemoCertificates.selfSignedCa(new X500Name(subject), kind, Instant.now().minusSeconds(60),
                Duration.ofDays(30)).certificate();
    }
}
