package ru.journalarchive.signing;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Registers the Bouncy Castle provider once (GOST keys, PKCS#12 with GOST, BC signatures) and returns it. */
final class TokenProviders {

    private TokenProviders() {
    }

    static synchronized Provider bouncyCastle() {
        Provider provider = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (provider == null) {
            provider = new BouncyCastleProvider();
            Security.addProvider(provider);
        }
        return provider;
    }
}
