package ru.journalarchive.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SigningTokensTest {

    @TempDir
    Path data;

    /** Another PKI than the one under {@code data}: a configured PKCS#12 file and a school's own root. */
    @TempDir
    static Path shared;
    static DemoPki other;

    @BeforeAll
    static void makeAnotherPki() {
        other = DemoPki.createOrLoad(shared, "Школа для теста");
    }

    @Test
    void withNothingConfiguredTheDemoDirectorSignsAndItsCaIsADemoTrustAnchor() {
        SigningTokens tokens = SigningTokens.of(bind(Map.of()), data);

        try (SigningToken token = tokens.open()) {
            assertThat(tokens.usesDemoKey()).isTrue();
            assertThat(token.certificate().getSubjectX500Principal().getName()).contains("ДЕМО Директор");
            assertThat(data.resolve("signing/demo-director.p12")).isRegularFile();
            assertThat(tokens.trustAnchors().isDemo(token.chain().get(token.chain().size() - 1))).isTrue();
        }
    }

    @Test
    void aConfiguredPkcs12FileIsOpenedWithItsPasswordAndAlias() {
        DemoPki pki = other;
        SigningTokens tokens = SigningTokens.of(bind(Map.of(
                "archive.signing.token.type", "PKCS12",
                "archive.signing.token.pkcs12.path", pki.directory().resolve(DemoPki.DIRECTOR_FILE).toString(),
                "archive.signing.token.pkcs12.password", "demo",
                "archive.signing.token.pkcs12.alias", "demo-director",
                "archive.signing.demo", "false")), data);

        try (SigningToken token = tokens.open()) {
            assertThat(token.description()).contains("demo-director.p12");
            assertThat(tokens.usesDemoKey()).isFalse();
        }
        assertThat(tokens.demoPki()).isEmpty();
        assertThat(data.resolve("signing")).doesNotExist();
    }

    @Test
    void externalSigningRefusesToOpenAKeyOnTheServerAndSaysWhatToDo() {
        SigningTokens tokens = SigningTokens.of(bind(Map.of("archive.signing.token.type", "external")), data);

        assertThat(tokens.external()).isTrue();
        assertThatThrownBy(tokens::open).isInstanceOf(TokenException.class).hasMessageContaining("sign prepare");
    }

    @Test
    void withDemoOffAndNoTokenOpeningSaysWhichPropertyToSet() {
        SigningTokens tokens = SigningTokens.of(bind(Map.of("archive.signing.demo", "false")), data);

        assertThatThrownBy(tokens::open).isInstanceOf(TokenException.class)
                .hasMessageContaining("archive.signing.token.type");
    }

    @Test
    void theDefaultsAreDemoOnTheShippedTrustAnchorsAndTheBuiltInTsa() {
        SigningProperties properties = bind(Map.of());

        assertThat(properties).isEqualTo(SigningProperties.defaults());
        assertThat(properties.demo()).isTrue();
        assertThat(properties.trustAnchors()).isEqualTo("classpath:signing/trust-anchors/");
        assertThat(properties.tsa().url()).isEmpty();
        assertThat(properties.tokenConfigured()).isFalse();
    }

    @Test
    void anUnknownTokenTypeNamesTheProperty() {
        assertInvalid(Map.of("archive.signing.token.type", "floppy"), "archive.signing.token.type", "floppy");
    }

    @Test
    void aPkcs12TokenWithoutPathOrPasswordNamesTheMissingProperty() {
        assertInvalid(Map.of("archive.signing.token.type", "pkcs12", "archive.signing.token.pkcs12.password", "x"),
                "archive.signing.token.pkcs12.path", "не задано");
        assertInvalid(Map.of("archive.signing.token.type", "pkcs12", "archive.signing.token.pkcs12.path", "d.p12"),
                "archive.signing.token.pkcs12.password", "ARCHIVE_SIGNING_TOKEN_PKCS12_PASSWORD");
    }

    @Test
    void aPkcs11TokenNeedsAModuleExactlyOneOfSlotAndLabelAndAPin() {
        Map<String, String> base = new LinkedHashMap<>(Map.of("archive.signing.token.type", "pkcs11",
                "archive.signing.token.pkcs11.module", "/usr/lib/librtpkcs11ecp.so",
                "archive.signing.token.pkcs11.pin", "12345678"));
        Map<String, String> both = new LinkedHashMap<>(base);
        both.put("archive.signing.token.pkcs11.slot", "0");
        both.put("archive.signing.token.pkcs11.token-label", "Rutoken");
        assertInvalid(base, "archive.signing.token.pkcs11.slot", "token-label");
        assertInvalid(both, "archive.signing.token.pkcs11.slot", "token-label");

        Map<String, String> noPin = new LinkedHashMap<>(base);
        noPin.remove("archive.signing.token.pkcs11.pin");
        noPin.put("archive.signing.token.pkcs11.token-label", "Rutoken");
        assertInvalid(noPin, "archive.signing.token.pkcs11.pin", "ARCHIVE_SIGNING_TOKEN_PKCS11_PIN");

        Map<String, String> good = new LinkedHashMap<>(base);
        good.put("archive.signing.token.pkcs11.token-label", "Rutoken");
        assertThat(bind(good).token().pkcs11().tokenLabel()).isEqualTo("Rutoken");
    }

    @Test
    void aTrustAnchorLocationOrTsaUrlOfTheWrongKindNamesTheProperty() {
        assertInvalid(Map.of("archive.signing.trust-anchors", "/etc/anchors"), "archive.signing.trust-anchors",
                "/etc/anchors");
        assertInvalid(Map.of("archive.signing.tsa.url", "ftp://tsa.example"), "archive.signing.tsa.url", "ftp://");
        assertThat(bind(Map.of("archive.signing.tsa.url", "http://tsa.example.org/tsp")).tsa().url())
                .isEqualTo("http://tsa.example.org/tsp");
    }

    @Test
    void aTrustAnchorFolderOnDiskIsLoadedWithTheDemoCaBesideIt() throws Exception {
        Path anchors = Files.createDirectories(data.resolve("anchors"));
        Files.copy(other.directory().resolve(DemoPki.CA_FILE), anchors.resolve("school-root.pem"));
        SigningTokens tokens = SigningTokens.of(bind(Map.of("archive.signing.trust-anchors",
                anchors.toUri().toString())), data);

        TrustAnchors trusted = tokens.trustAnchors();

        assertThat(trusted.certificates()).hasSize(2);
        assertThat(trusted.isDemo(other.caCertificate())).isFalse();
        assertThat(trusted.isDemo(tokens.demoPki().orElseThrow().caCertificate())).isTrue();
    }

    private static void assertInvalid(Map<String, String> values, String property, String detail) {
        assertThatThrownBy(() -> bind(values))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(property + ":")
                .hasMessageContaining(detail);
    }

    /** Binds like Spring Boot does at start-up (relaxed names, defaults), without a context. */
    private static SigningProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("archive.signing", SigningProperties.class);
    }
}
