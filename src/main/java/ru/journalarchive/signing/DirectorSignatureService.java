package ru.journalarchive.signing;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The archive's director signature: the configured token (or the demo key), the configured TSA (or the built-in
 * one, with the demo TSA certificate), PAdES signing, and verification against the configured trust anchors. The
 * token and the TSA are opened on first use and closed with the application.
 */
@Component
class DirectorSignatureService implements DirectorSignature {

    private static final Logger log = LoggerFactory.getLogger(DirectorSignatureService.class);

    private final SigningTokens tokens;
    private final PadesVerifier verifier = new PadesVerifier();
    private SigningToken token;
    private LocalTimestampAuthority localTsa;
    private Pkcs12Token tsaToken;
    private PadesSigner signer;
    private String tsaName;

    DirectorSignatureService(SigningTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public String open() {
        signer();
        return token().description() + ", TSA " + tsaName;
    }

    @Override
    public SignedPdf sign(byte[] pdf, StampPlacement placement) {
        SigningToken token = token();
        PadesSigner signer = signer();
        PreparedSignature prepared = signer.prepare(pdf, token.chain(), token.algorithm(), Instant.now(), placement);
        byte[] signed = signer.complete(prepared, token.sign(prepared.dataToSign()));
        // Prepared here, so the signature dictionary is known: the check needs no second parse of the PDF.
        return checked(signed, verifier.verifyJustSigned(signed, pdf.length, prepared.byteRange(),
                prepared.signingTime().truncatedTo(ChronoUnit.SECONDS), tokens.trustAnchors().certificates()));
    }

    @Override
    public PreparedSignature prepare(byte[] pdf, List<java.security.cert.X509Certificate> chain,
            StampPlacement placement) {
        return signer().prepare(pdf, chain, SignatureAlgorithm.forKey(chain.get(0).getPublicKey()), Instant.now(),
                placement);
    }

    @Override
    public SignedPdf complete(PreparedSignature prepared, byte[] signatureValue) {
        return checked(signer().complete(prepared, signatureValue));
    }

    /** The signature just made must verify (its chain may be untrusted here: that is reported, not refused). */
    private SignedPdf checked(byte[] signed) {
        return checked(signed, lastSignature(signed)
                .orElseThrow(() -> new IllegalStateException("the PDF just signed carries no signature")));
    }

    private SignedPdf checked(byte[] signed, SignatureCheck check) {
        if (!sound(check)) {
            throw new IllegalStateException("the signature just made does not verify: " + check.problems());
        }
        if (!check.chainTrusted()) {
            log.warn("The signing certificate {} does not chain to the configured trust anchors", check.serialHex());
        }
        return toSignedPdf(signed, check);
    }

    @Override
    public Optional<SignedPdf> readValid(byte[] signedPdf) {
        return lastSignature(signedPdf).filter(DirectorSignatureService::sound).map(check -> toSignedPdf(signedPdf, check));
    }

    @Override
    public SignatureReport verify(byte[] pdf) {
        return verifier.verify(pdf, tokens.trustAnchors().certificates());
    }

    /** A signature that verifies, covers the whole file and carries a valid timestamp; trust is judged by verify. */
    private static boolean sound(SignatureCheck check) {
        return check.cryptographicallyValid() && check.coversWholeFile() && check.timestampValid();
    }

    private Optional<SignatureCheck> lastSignature(byte[] pdf) {
        List<SignatureCheck> signatures = verify(pdf).signatures();
        return signatures.isEmpty() ? Optional.empty() : Optional.of(signatures.get(signatures.size() - 1));
    }

    private SignedPdf toSignedPdf(byte[] pdf, SignatureCheck check) {
        SignatureAlgorithm algorithm;
        try {
            algorithm = SignatureAlgorithm.valueOf(check.algorithm());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("signature algorithm outside the policy: " + check.algorithm(), e);
        }
        return new SignedPdf(pdf, check.signerSubject(), check.serialHex(), check.sha256Fingerprint(), algorithm,
                check.timestampTime(), check.tsaName());
    }

    private synchronized SigningToken token() {
        if (token == null) {
            token = tokens.open();
            log.info("Signing with {}", token.description());
        }
        return token;
    }

    private synchronized PadesSigner signer() {
        if (signer == null) {
            String url = tokens.properties().tsa().url();
            TimestampClient client;
            if (url.isEmpty()) {
                DemoPki demo = tokens.demoPki().orElseThrow(() -> new IllegalStateException(
                        "no timestamp authority configured (archive.signing.tsa.url) and the demo PKI is off"));
                tsaToken = demo.openTsaToken();
                localTsa = LocalTimestampAuthority.start(tsaToken.privateKey(), tsaToken.certificate(), tsaToken.chain());
                client = localTsa.client();
                log.warn("Using the built-in DEMO timestamp authority at {}: not trusted for real use", localTsa.url());
            } else {
                client = new HttpTimestampClient(url);
            }
            tsaName = client.url();
            signer = new PadesSigner(client);
            log.info("Timestamps from {}", tsaName);
        }
        return signer;
    }

    @PreDestroy
    synchronized void close() {
        if (localTsa != null) {
            localTsa.close();
        }
        if (tsaToken != null) {
            tsaToken.close();
        }
        if (token != null) {
            token.close();
        }
    }
}
