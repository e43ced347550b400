package ru.journalarchive.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;

class LocalTimestampAuthorityTest {

    @Test
    void itIssuesTokensUnderItsDemoPolicyWithIncreasingSerialsForEveryDigestOfThePolicy() {
        TestPki pki = TestPki.get();
        try (LocalTimestampAuthority tsa = LocalTimestampAuthority.start(pki.tsa.key(), pki.tsa.certificate(),
                pki.tsa.chain())) {
            TimestampClient client = tsa.client();
            BigInteger previous = BigInteger.ZERO;
            for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
                byte[] digest = CadesStructures.digest(algorithm, algorithm.name().getBytes());
                TimeStampToken token = client.timestamp(digest, algorithm);

                assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
                assertThat(token.getTimeStampInfo().getPolicy().getId()).isEqualTo(LocalTimestampAuthority.POLICY_OID);
                assertThat(token.getTimeStampInfo().getSerialNumber()).isGreaterThan(previous);
                previous = token.getTimeStampInfo().getSerialNumber();
            }
            assertThat(tsa.url()).startsWith("http://127.0.0.1:");
        }
    }

    @Test
    void itRefusesSha1Imprints() throws Exception {
        TestPki pki = TestPki.get();
        try (LocalTimestampAuthority tsa = LocalTimestampAuthority.start(pki.tsa.key(), pki.tsa.certificate(),
                pki.tsa.chain())) {
            byte[] query = new TimeStampRequestGenerator().generate(OIWObjectIdentifiers.idSHA1, new byte[20])
                    .getEncoded();
            HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tsa.url()))
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(query)).build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(new TimeStampResponse(answer.body()).getStatus()).isEqualTo(PKIStatus.REJECTION);
        }
    }

    @Test
    void theClientFailsClearlyWhenNoAuthorityAnswers() {
        TestPki pki = TestPki.get();
        String url;
        try (LocalTimestampAuthority tsa = LocalTimestampAuthority.start(pki.tsa.key(), pki.tsa.certificate(),
                pki.tsa.chain())) {
            url = tsa.url();
        }
        TimestampClient client = new HttpTimestampClient(url, java.time.Duration.ofSeconds(2));

        assertThatThrownBy(() -> client.timestamp(new byte[32], SignatureAlgorithm.RSA_SHA256))
                .isInstanceOf(TimestampClient.TimestampException.class).hasMessageContaining(url);
    }
}
