package ru.journalarchive.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A signing key in a PKCS#12 file (.p12/.pfx), loaded with Bouncy Castle so GOST R 34.10-2012 keys work too; the
 * demo director's key and keys exported from a CA's tools. The key is in memory while the token is open.
 */
public final class Pkcs12Token implements SigningToken {

    private final Path file;
    private final String alias;
    private final List<X509Certificate> chain;
    private final SignatureAlgorithm algorithm;
    private PrivateKey key;

    private Pkcs12Token(Path file, String alias, PrivateKey key, List<X509Certificate> chain) {
        this.file = file;
        this.alias = alias;
        this.key = key;
        this.chain = chain;
        try {
            this.algorithm = SignatureAlgorithm.forKey(chain.get(0).getPublicKey());
        } catch (IllegalArgumentException e) {
            throw new TokenException(TokenMessages.get("token.keyUnusable", file, alias, e.getMessage()), e);
        }
    }

    /**
     * Opens the key of a PKCS#12 file.
     *
     * @param password the file's password (the same protects the key)
     * @param alias    the key's alias (friendly name); {@code null} takes the only key of the file
     * @throws TokenException naming the file: missing, unreadable, wrong password, no key, several keys and no alias
     */
    public static Pkcs12Token open(Path file, char[] password, String alias) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12", TokenProviders.bouncyCastle());
            store.load(in, password);
        } catch (NoSuchFileException e) {
            throw new TokenException(TokenMessages.get("token.pkcs12.notFound", file), e);
        } catch (IOException e) {
            if (isWrongPassword(e)) {
                throw new TokenException(TokenMessages.get("token.pkcs12.wrongPassword", file), e);
            }
            throw new TokenException(TokenMessages.get("token.pkcs12.unreadable", file, e.getMessage()), e);
        } catch (GeneralSecurityException e) {
            throw new TokenException(TokenMessages.get("token.pkcs12.unreadable", file, e.getMessage()), e);
        }
        try {
            String chosen = TokenKeys.chooseAlias(store, alias, file.toString());
            Key key = store.getKey(chosen, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new TokenException(TokenMessages.get("token.noKey", file));
            }
            return new Pkcs12Token(file, chosen, privateKey, TokenKeys.chain(store, chosen));
        } catch (UnrecoverableKeyException e) {
            throw new TokenException(TokenMessages.get("token.pkcs12.wrongPassword", file), e);
        } catch (GeneralSecurityException e) {
            throw new TokenException(TokenMessages.get("token.pkcs12.unreadable", file, e.getMessage()), e);
        }
    }

    private static boolean isWrongPassword(IOException e) {
        // Bouncy Castle reports a failed MAC check ("mac invalid - wrong password or corrupted file") or a key it
        // cannot decrypt as an IOException; the JDK's store wraps an UnrecoverableKeyException.
        if (e.getCause() instanceof UnrecoverableKeyException) {
            return true;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("password") || message.contains("mac invalid");
    }

    /** The file the key came from. */
    public Path file() {
        return file;
    }

    /** The alias of the key in the file. */
    public String alias() {
        return alias;
    }

    /** The private key, for the archive's own demo services (the built-in TSA); null once closed. */
    synchronized PrivateKey privateKey() {
        return key;
    }

    @Override
    public String description() {
        return "PKCS#12 " + file + " (" + alias + ")";
    }

    @Override
    public X509Certificate certificate() {
        return chain.get(0);
    }

    @Override
    public List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public synchronized byte[] sign(byte[] dataToSign) {
        if (key == null) {
            throw new IllegalStateException("token closed: " + description());
        }
        try {
            Signature signature = Signature.getInstance(algorithm.jcaName(), TokenProviders.bouncyCastle());
            signature.initSign(key);
            signature.update(dataToSign);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new TokenException(TokenMessages.get("token.signFailed", description(), e.getMessage()), e);
        }
    }

    /** Forgets the key; signing afterwards fails. */
    @Override
    public synchronized void close() {
        key = null;
    }
}
