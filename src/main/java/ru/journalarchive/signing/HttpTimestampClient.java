package ru.journalarchive.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 client over HTTP POST ({@code application/timestamp-query}): asks with a random nonce and
 * {@code certReq = true}, and accepts only a granted answer whose token matches the request (imprint, nonce).
 */
public class HttpTimestampClient implements TimestampClient {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI uri;
    private final Duration timeout;
    private final HttpClient http;

    public HttpTimestampClient(String url, Duration timeout) {
        this.uri = URI.create(url);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    public HttpTimestampClient(String url) {
        this(url, Duration.ofSeconds(30));
    }

    @Override
    public String url() {
        return uri.toString();
    }

    @Override
    public TimeStampToken timestamp(byte[] digest, SignatureAlgorithm algorithm) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        BigInteger nonce = new BigInteger(63, RANDOM);
        TimeStampRequest request = generator.generate(new ASN1ObjectIdentifier(algorithm.digestOid()), digest, nonce);
        byte[] answer;
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                            .header("Content-Type", "application/timestamp-query")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new TimestampException("timestamp authority " + uri + " answered HTTP " + response.statusCode());
            }
            answer = response.body();
        } catch (IOException e) {
            throw new TimestampException("timestamp authority " + uri + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimestampException("interrupted while waiting for timestamp authority " + uri, e);
        }
        try {
            TimeStampResponse response = new TimeStampResponse(answer);
            // Checks the status is granted and that the token answers this request: imprint, nonce, policy.
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new TimestampException("timestamp authority " + uri + " refused: status "
                        + response.getStatus() + " " + response.getStatusString());
            }
            if (token.getCertificates().getMatches(token.getSID()).isEmpty()) {
                throw new TimestampException("timestamp authority " + uri + " left out its certificate");
            }
            return token;
        } catch (TSPException | IOException e) {
            throw new TimestampException("timestamp authority " + uri + " answered an invalid response: "
                    + e.getMessage(), e);
        }
    }
}
