package ru.journalarchive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import ru.journalarchive.signing.DirectorSignature;
import ru.journalarchive.signing.SignatureCheck;
import ru.journalarchive.signing.SignatureReport;

/**
 * {@code verify-signature <file.pdf>}: checks every signature of any PDF a user hands in — cryptography, whole-file
 * coverage, the certificate chain to the trust anchors at the timestamp's time, the timestamp — exit 1 if not valid.
 */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "verify-signature", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class VerifySignatureCommand implements Callable<Integer> {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss XXX")
            .withZone(ZoneId.of("Europe/Moscow"));

    @Parameters(index = "0", paramLabel = "PDF", descriptionKey = "pdf.file")
    Path file;

    private final DirectorSignature signature;
    private final Messages messages;

    VerifySignatureCommand(DirectorSignature signature, Messages messages) {
        this.signature = signature;
        this.messages = messages;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            System.err.println(messages.get("verifySignature.noFile", file));
            return 2;
        }
        SignatureReport report = signature.verify(Files.readAllBytes(file));
        for (SignatureCheck check : report.signatures()) {
            System.out.println(messages.get("verifySignature.signature", check.number(), nz(check.signerSubject()),
                    nz(check.serialHex()), nz(check.sha256Fingerprint()), nz(check.algorithm()),
                    check.timestampTime() == null ? "—" : TIME.format(check.timestampTime()), nz(check.tsaName()),
                    messages.get(check.valid() ? "verifySignature.valid" : "verifySignature.invalid")));
        }
        if (report.valid()) {
            System.out.println(messages.get("verifySignature.allValid", file));
            return 0;
        }
        System.err.println(messages.get("verifySignature.notValid", file));
        report.problems().forEach(p -> System.err.println("  " + p));
        return 1;
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }
}
