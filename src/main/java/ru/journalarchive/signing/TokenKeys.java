package ru.journalarchive.signing;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Picks the signing key of a loaded key store (the only key, or the one named by an alias) and its chain. */
final class TokenKeys {

    private TokenKeys() {
    }

    /**
     * The alias of the key to sign with.
     *
     * @param where names the key store in messages (a file, a token)
     * @throws TokenException when there is no key, several keys and no alias, or no key under the alias
     */
    static String chooseAlias(KeyStore store, String alias, String where) throws GeneralSecurityException {
        List<String> keys = new ArrayList<>();
        for (String candidate : Collections.list(store.aliases())) {
            if (store.isKeyEntry(candidate) && store.getCertificate(candidate) != null) {
                keys.add(candidate);
            }
        }
        Collections.sort(keys);
        if (alias != null && !alias.isBlank()) {
            if (!keys.contains(alias)) {
                throw new TokenException(TokenMessages.get("token.aliasNotFound", where, alias,
                        keys.isEmpty() ? "—" : String.join(", ", keys)));
            }
            return alias;
        }
        if (keys.isEmpty()) {
            throw new TokenException(TokenMessages.get("token.noKey", where));
        }
        if (keys.size() > 1) {
            throw new TokenException(TokenMessages.get("token.severalKeys", where, String.join(", ", keys)));
        }
        return keys.get(0);
    }

    /** The certificate chain under {@code alias}, the signer's certificate first. */
    static List<X509Certificate> chain(KeyStore store, String alias) throws GeneralSecurityException {
        Certificate[] chain = store.getCertificateChain(alias);
        if (chain == null || chain.length == 0) {
            chain = new Certificate[] {store.getCertificate(alias)};
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate certificate : chain) {
            certificates.add((X509Certificate) certificate);
        }
        return List.copyOf(certificates);
    }
}
