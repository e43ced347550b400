package ru.journalarchive.signing;

/** Test access to a demo PKI's TSA key, to run a second, foreign timestamp authority. */
public final class ForeignSigning {

    private ForeignSigning() {
    }

    /** A built-in TSA with the given demo PKI's TSA key. */
    public static LocalTimestampAuthority tsa(Pkcs12Token tsaToken) {
        return LocalTimestampAuthority.start(tsaToken.privateKey(), tsaToken.certificate(), tsaToken.chain());
    }
}
