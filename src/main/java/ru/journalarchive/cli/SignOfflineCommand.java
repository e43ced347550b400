package ru.journalarchive.cli;

import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.signing.Pkcs11Token;
import ru.journalarchive.signing.Pkcs12Token;
import ru.journalarchive.signing.SigningToken;

/**
 * {@code sign offline --in DIR (--pkcs12 FILE | --pkcs11-module LIB)}: phase 2 of external signing, on the director's
 * own machine with the director's own token. Needs no database and no server: {@link #main} runs it without Spring.
 * The key's certificate must be the one the batch was prepared for; each data-to-sign file is checked by its hash.
 */
@Command(name = "offline", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
public class SignOfflineCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, descriptionKey = "sign.offline.in")
    Path in;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Key key;

    @Option(names = "--slot", descriptionKey = "sign.offline.slot")
    Long slot;
    @Option(names = "--token-label", descriptionKey = "sign.offline.tokenLabel")
    String tokenLabel;
    @Option(names = "--alias", descriptionKey = "sign.offline.alias")
    String alias;

    /** Where the key is: a PKCS#12 file or a PKCS#11 module. */
    static class Key {
        @Option(names = "--pkcs12", descriptionKey = "sign.offline.pkcs12")
        Path pkcs12;
        @Option(names = "--pkcs11-module", descriptionKey = "sign.offline.pkcs11")
        Path pkcs11Module;
    }

    private final ResourceBundle texts = ResourceBundle.getBundle("i18n.cli", Locale.forLanguageTag("ru"));

    /** Runs {@code sign offline} on its own: {@code java -jar journal-archive.jar sign offline ...}. */
    public static int run(String... args) {
        return new CommandLine(new SignOfflineCommand()).execute(args);
    }

    /** Entry point for running the offline step as a plain Java program (no Spring, no database). */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    @Override
    public Integer call() throws Exception {
        ExternalBatch batch = ExternalBatch.read(in);
        try (SigningToken token = open()) {
            String certificateSha256 = CanonicalJson.sha256(token.certificate().getEncoded());
            if (!certificateSha256.equals(batch.certificateSha256())) {
                System.err.println(text("sign.offline.otherCertificate", batch.certificateSha256(), certificateSha256));
                return 2;
            }
            int signed = 0;
            for (ExternalBatch.Entry entry : batch.documents()) {
                byte[] tbs = Files.readAllBytes(in.resolve(entry.tbs()));
                if (!CanonicalJson.sha256(tbs).equals(entry.tbsSha256())) {
                    System.err.println(text("sign.offline.tbsChanged", entry.tbs()));
                    return 2;
                }
                Files.write(in.resolve(entry.sig()), token.sign(tbs));
                signed++;
                System.out.println(text("sign.offline.line", signed, batch.documents().size(), entry.title()));
            }
            Files.writeString(in.resolve(ExternalBatch.CERTIFICATE), pem(token));
            System.out.println(text("sign.offline.done", signed, in.toAbsolutePath()));
            return 0;
        }
    }

    private SigningToken open() {
        if (key.pkcs12 != null) {
            return Pkcs12Token.open(key.pkcs12, secret("ARCHIVE_SIGNING_TOKEN_PKCS12_PASSWORD", "sign.offline.password"),
                    alias);
        }
        return Pkcs11Token.open(key.pkcs11Module, slot, slot == null ? tokenLabel : null,
                secret("ARCHIVE_SIGNING_TOKEN_PKCS11_PIN", "sign.offline.pin"), alias);
    }

    /** A secret from the environment, or asked for without echo. */
    private char[] secret(String variable, String prompt) {
        String value = System.getenv(variable);
        if (value != null) {
            return value.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalStateException(text("sign.offline.noConsole", variable));
        }
        return console.readPassword("%s", text(prompt));
    }

    private static String pem(SigningToken token) throws Exception {
        StringBuilder pem = new StringBuilder();
        java.util.Base64.Encoder base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes());
        for (var certificate : token.chain()) {
            pem.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return pem.toString();
    }

    private String text(String key, Object... args) {
        return java.text.MessageFormat.format(texts.getString(key), args);
    }
}
