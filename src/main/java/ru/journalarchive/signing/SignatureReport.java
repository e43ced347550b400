package ru.journalarchive.signing;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link PadesVerifier} found in a PDF: one {@link SignatureCheck} per signature, in file order.
 *
 * @param signatures the checks; empty when the PDF carries no signature
 */
public record SignatureReport(List<SignatureCheck> signatures) {

    public SignatureReport {
        signatures = List.copyOf(signatures);
    }

    /** Whether the PDF is signed and every signature passes every check. */
    public boolean valid() {
        return !signatures.isEmpty() && signatures.stream().allMatch(SignatureCheck::valid);
    }

    /** Russian texts naming what failed, for {@code verify-signature} to print; empty when {@link #valid()}. */
    public List<String> problems() {
        if (signatures.isEmpty()) {
            return List.of(SigningMessages.get("verify.noSignatures"));
        }
        List<String> problems = new ArrayList<>();
        for (SignatureCheck check : signatures) {
            String who = check.signerSubject() == null ? SigningMessages.get("verify.unknownSigner")
                    : PadesVerifier.commonName(check.signerSubject());
            for (String problem : check.problems()) {
                problems.add(SigningMessages.get("verify.prefix", String.valueOf(check.number()), who, problem));
            }
        }
        return problems;
    }
}
