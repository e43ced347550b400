package ru.journalarchive.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Prints how many journals per second get a PAdES B-T signature with the built-in TSA (no timing assertion). */
class SigningThroughputTest {

    private static final int DOCUMENTS = 50;

    @ParameterizedTest
    @EnumSource(value = SignatureAlgorithm.class, names = {"RSA_SHA256", "GOST_2012_256"})
    void signingFiftyJournalsPrintsTheRate(SignatureAlgorithm algorithm) throws Exception {
        TestPki pki = TestPki.get();
        byte[] journal = SamplePdfs.journal();
        SigningToken token = pki.token(algorithm);
        int threads = Runtime.getRuntime().availableProcessors();
        try (LocalTimestampAuthority tsa = LocalTimestampAuthority.start(pki.tsa.key(), pki.tsa.certificate(),
                pki.tsa.chain())) {
            PadesSigner signer = new PadesSigner(tsa.client());
            for (int i = 0; i < 40; i++) {
                signer.sign(journal, token, Instant.now());
            }
            long start = System.nanoTime();
            byte[] last = null;
            for (int i = 0; i < DOCUMENTS; i++) {
                last = signer.sign(journal, token, Instant.now());
            }
            double sequential = DOCUMENTS / ((System.nanoTime() - start) / 1e9);

            ExecutorService pool = Executors.newFixedThreadPool(threads);
            start = System.nanoTime();
            List<Future<byte[]>> signed = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                signed.add(pool.submit(() -> signer.sign(journal, token, Instant.now())));
            }
            for (Future<byte[]> future : signed) {
                future.get();
            }
            double parallel = DOCUMENTS / ((System.nanoTime() - start) / 1e9);
            pool.shutdown();

            System.out.printf("PAdES B-T signing, %s, %d KB journal: %.1f docs/s on one thread, %.1f docs/s on %d "
                    + "threads%n", algorithm, journal.length / 1024, sequential, parallel, threads);
            assertThat(new PadesVerifier().verify(last, List.of(pki.ca.certificate())).valid()).isTrue();
        }
    }
}
