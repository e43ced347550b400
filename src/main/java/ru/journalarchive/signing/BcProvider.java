package ru.journalarchive.signing;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The Bouncy Castle provider, passed explicitly (never installed globally) so GOST works without JVM setup. */
final class BcProvider {

    static final Provider PROVIDER = new BouncyCastleProvider();

    private BcProvider() {
    }
}
