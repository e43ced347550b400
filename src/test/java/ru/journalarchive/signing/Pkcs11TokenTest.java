package ru.journalarchive.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signs inside a real SoftHSM2 token through SunPKCS11. The token lives under {@code target/softhsm2/}; the JVM finds
 * it through {@code SOFTHSM2_CONF}, which the pom sets for the test JVM. Needs {@code softhsm2} and {@code opensc}
 * ({@code .ci/install-test-tools}).
 */
class Pkcs11TokenTest {

    static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final char[] PIN = "1234".toCharArray();
    static final byte[] DATA = "signed attributes, DER".getBytes(StandardCharsets.UTF_8);

    static long slot;
    static X509Certificate directorCertificate;
    static X509Certificate deputyCertificate;

    @BeforeAll
    static void createATokenWithAnRsaAndAnEcdsaKey() throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        assumeThat(conf).as("SOFTHSM2_CONF is set by the pom for the test JVM (run through Maven)").isNotBlank();
        assertThat(MODULE).as("SoftHSM2 is installed: run .ci/install-test-tools").isRegularFile();
        Path home = Path.of(conf).getParent();
        Path tokens = home.resolve("tokens");
        deleteRecursively(home);
        Files.createDirectories(tokens);
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens.toAbsolutePath() + "\n"
                + "objectstore.backend = file\nlog.level = ERROR\n");

        String init = run("softhsm2-util", "--init-token", "--free", "--label", "archive", "--pin", "1234",
                "--so-pin", "5678");
        Matcher reassigned = Pattern.compile("reassigned to slot (\\d+)").matcher(init);
        assertThat(reassigned.find()).as(init).isTrue();
        slot = Long.parseLong(reassigned.group(1));

        DemoCertificates.Issued ca = DemoCertificates.selfSignedCa(new X500Name("CN=Test token CA,C=RU"),
                DemoCertificates.KeyKind.EC_P256, Instant.now().minusSeconds(60), Duration.ofDays(30));
        directorCertificate = importKey(home, ca, DemoCertificates.KeyKind.RSA_3072, "director", "01");
        deputyCertificate = importKey(home, ca, DemoCertificates.KeyKind.EC_P256, "deputy", "02");
    }

    @Test
    void anRsaKeyInsideTheTokenSignsAndTheSignatureVerifiesWithItsCertificate() throws Exception {
        try (Pkcs11Token token = Pkcs11Token.open(MODULE, null, "archive", PIN, "director")) {
            assertThat(token.certificate()).isEqualTo(directorCertificate);
            assertThat(token.algorithm()).isEqualTo(SignatureAlgorithm.RSA_SHA256);
            assertThat(verifies(token, token.sign(DATA))).isTrue();
            assertThat(token.description()).contains("archive").contains("director").doesNotContain("1234");
        }
    }

    @Test
    void anEcdsaP256KeyInsideTheTokenSignsAndTheSignatureVerifies() throws Exception {
        try (Pkcs11Token token = Pkcs11Token.open(MODULE, null, "archive", PIN, "deputy")) {
            assertThat(token.certificate()).isEqualTo(deputyCertificate);
            assertThat(token.algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_P256_SHA256);
            assertThat(verifies(token, token.sign(DATA))).isTrue();
        }
    }

    @Test
    void theTokenCanBeChosenByItsSlotNumberToo() throws Exception {
        try (Pkcs11Token token = Pkcs11Token.open(MODULE, slot, null, PIN, "director")) {
            assertThat(verifies(token, token.sign(DATA))).isTrue();
        }
    }

    @Test
    void aWrongPinIsReportedInRussianNamingTheToken() {
        assertThatThrownBy(() -> Pkcs11Token.open(MODULE, null, "archive", "0000".toCharArray(), "director"))
                .isInstanceOf(TokenException.class)
                .hasMessageContaining("Неверный PIN-код")
                .hasMessageContaining("archive");
    }

    @Test
    void withSeveralKeysOnTheTokenTheAliasIsAskedForAndTheKeysListed() {
        assertThatThrownBy(() -> Pkcs11Token.open(MODULE, null, "archive", PIN, null))
                .isInstanceOf(TokenException.class)
                .hasMessageContaining("deputy, director");
    }

    @Test
    void anUnknownTokenLabelListsTheTokensThatExist() {
        assertThatThrownBy(() -> Pkcs11Token.open(MODULE, null, "rutoken", PIN, null))
                .isInstanceOf(TokenException.class)
                .hasMessageContaining("«rutoken»")
                .hasMessageContaining("«archive»");
    }

    @Test
    void aMissingModuleIsReportedNamingThePath() {
        Path module = Path.of("/opt/nowhere/librtpkcs11ecp.so");
        assertThatThrownBy(() -> Pkcs11Token.open(module, 0L, null, PIN, null))
                .isInstanceOf(TokenException.class)
                .hasMessageContaining(module.toString());
    }

    @Test
    void aClosedTokenNoLongerSigns() {
        Pkcs11Token token = Pkcs11Token.open(MODULE, null, "archive", PIN, "director");
        token.close();

        assertThatThrownBy(() -> token.sign(DATA)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void externalSigningRoundTripWithTheKeyInsideSoftHsm() throws Exception {
        // Phase 1 on the server (no key), phase 2 inside the token, phase 3 on the server with a timestamp.
        TestPki pki = TestPki.get();
        try (LocalTimestampAuthority tsa = LocalTimestampAuthority.start(pki.tsa.key(), pki.tsa.certificate(),
                pki.tsa.chain());
             Pkcs11Token token = Pkcs11Token.open(MODULE, null, "archive", PIN, "director")) {
            PadesSigner server = new PadesSigner(tsa.client());
            PreparedSignature prepared = server.prepare(SamplePdfs.journal(), token.chain(), token.algorithm(),
                    Instant.now());
            byte[] value = token.sign(PreparedSignature.fromJson(prepared.toJson()).dataToSign());
            byte[] signed = server.complete(PreparedSignature.fromJson(prepared.toJson()), value);

            SignatureReport report = new PadesVerifier().verify(signed, List.of(pki.ca.certificate()));
            assertThat(report.signatures()).singleElement().satisfies(check -> {
                assertThat(check.cryptographicallyValid()).isTrue();
                assertThat(check.coversWholeFile()).isTrue();
                assertThat(check.timestampValid()).isTrue();
                assertThat(check.serialHex()).isEqualToIgnoringCase(directorCertificate.getSerialNumber().toString(16));
            });
        }
    }

    private static X509Certificate importKey(Path home, DemoCertificates.Issued ca, DemoCertificates.KeyKind kind,
            String label, String id) throws Exception {
        DemoCertificates.Issued signer = DemoCertificates.issue(new X500Name("CN=Тестовый подписант " + label + ",C=RU"),
                kind, DemoCertificates.Role.SIGNER, ca, Instant.now().minusSeconds(60), Duration.ofDays(30));
        Path key = home.resolve(label + ".key.pem");
        Path certificate = home.resolve(label + ".crt.der");
        Files.writeString(key, DemoCertificates.pem("PRIVATE KEY", signer.keyPair().getPrivate().getEncoded()));
        Files.write(certificate, signer.certificate().getEncoded());
        run("softhsm2-util", "--import", key.toString(), "--token", "archive", "--label", label, "--id", id,
                "--pin", "1234");
        run("pkcs11-tool", "--module", MODULE.toString(), "--token-label", "archive", "--login", "--pin", "1234",
                "--write-object", certificate.toString(), "--type", "cert", "--id", id, "--label", label);
        Files.delete(key);
        return signer.certificate();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    private static boolean verifies(SigningToken token, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance(token.algorithm().jcaName(), "BC");
        verifier.initVerify(token.certificate().getPublicKey());
        verifier.update(DATA);
        return verifier.verify(signature);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
