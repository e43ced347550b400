package ru.journalarchive.signing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A built-in RFC 3161 timestamp authority on 127.0.0.1 for demos and tests, with its own key and certificate. Its
 * certificate says «ДЕМО — НЕ ДОВЕРЯТЬ: встроенная служба штампов времени»: its time is only the local clock, so no
 * verifier outside this installation should trust it. Answers {@code POST /tsa} with
 * {@code application/timestamp-reply}; accepts SHA-256, SHA-384, SHA-512 and GOST R 34.11-2012 (256/512) imprints;
 * serial numbers increase (microseconds since the epoch at start, then +1 per token).
 */
public class LocalTimestampAuthority implements AutoCloseable {

    /**
     * The policy under which the demo authority issues tokens: a UUID-based OID (ITU-T X.667, arc 2.25) minted for
     * this project, so it can never be mistaken for a real authority's policy.
     */
    public static final String POLICY_OID = "2.25.253429688039793744796423131706845216917";

    /** The subject's CN that every demo TSA certificate should carry. */
    public static final String DEMO_SUBJECT_CN = "ДЕМО — НЕ ДОВЕРЯТЬ: встроенная служба штампов времени";

    private static final Set<ASN1ObjectIdentifier> ACCEPTED = Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384,
            TSPAlgorithms.SHA512, TSPAlgorithms.GOST3411_2012_256, TSPAlgorithms.GOST3411_2012_512);

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, each answer waits for the
        // client's delayed ACK (~40 ms). Read once by the JDK's ServerConfig: effective if no HttpServer ran before.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final TimeStampResponseGenerator generator;
    private final AtomicLong serial = new AtomicLong(System.currentTimeMillis() * 1000);

    private LocalTimestampAuthority(HttpServer server, ExecutorService executor, TimeStampResponseGenerator generator) {
        this.server = server;
        this.executor = executor;
        this.generator = generator;
    }

    /**
     * Starts the authority on a free port of 127.0.0.1.
     *
     * @param key     the authority's private key (RSA ≥ 3072, ECDSA P-256/P-384 or GOST R 34.10-2012)
     * @param tsaCert its certificate, with the critical extended key usage timeStamping (RFC 3161 §2.3)
     * @param chain   the certificates to put into tokens beside {@code tsaCert} (may be empty)
     */
    public static LocalTimestampAuthority start(PrivateKey key, X509Certificate tsaCert, List<X509Certificate> chain) {
        try {
            SignatureAlgorithm algorithm = SignatureAlgorithm.forKey(tsaCert.getPublicKey());
            var digests = new JcaDigestCalculatorProviderBuilder().setProvider(BcProvider.PROVIDER).build();
            // ESSCertIDv2 with SHA-256 identifies the TSA certificate inside each token (RFC 5816).
            DigestCalculator certIdDigest = digests.get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                    org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().setProvider(BcProvider.PROVIDER)
                            .build(algorithm.jcaName(), key, tsaCert),
                    certIdDigest, new ASN1ObjectIdentifier(POLICY_OID));
            List<X509Certificate> certificates = new ArrayList<>();
            certificates.add(tsaCert);
            chain.stream().filter(c -> !c.equals(tsaCert)).forEach(certificates::add);
            tokens.addCertificates(new JcaCertStore(certificates));
            tokens.setAccuracySeconds(1);
            TimeStampResponseGenerator generator = new TimeStampResponseGenerator(tokens, ACCEPTED);

            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "local-tsa");
                thread.setDaemon(true);
                return thread;
            });
            LocalTimestampAuthority authority = new LocalTimestampAuthority(server, executor, generator);
            server.createContext("/tsa", authority::handle);
            server.setExecutor(executor);
            server.start();
            return authority;
        } catch (OperatorCreationException | CertificateEncodingException | TSPException | IOException e) {
            throw new IllegalStateException("cannot start the local timestamp authority: " + e.getMessage(), e);
        }
    }

    /** The address to POST timestamp queries to. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
    }

    /** A client of this authority. */
    public TimestampClient client() {
        return new HttpTimestampClient(url());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(64 * 1024);
            }
            byte[] reply = reply(body);
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
    }

    private byte[] reply(byte[] body) throws IOException {
        try {
            TimeStampRequest request = new TimeStampRequest(body);
            TimeStampResponse response;
            // TimeStampTokenGenerator is not documented as thread-safe: one token at a time.
            synchronized (generator) {
                response = generator.generate(request, BigInteger.valueOf(serial.incrementAndGet()), new Date());
            }
            return response.getEncoded();
        } catch (TSPException | IOException | IllegalArgumentException e) {
            try {
                return generator.generateRejectedResponse(new TSPException("bad request: " + e.getMessage()))
                        .getEncoded();
            } catch (TSPException rejected) {
                throw new IOException(rejected);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
