package ru.journalarchive.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The certificates signature verification trusts: the accredited CAs' roots a school puts into its trust-anchor
 * folder ({@code archive.signing.trust-anchors}, a {@code classpath:} or {@code file:} folder of PEM/DER files),
 * plus, in demo mode, the demo CA, which stays flagged so every report can say «ДЕМО».
 */
public final class TrustAnchors {

    private static final Set<String> EXTENSIONS = Set.of("pem", "crt", "cer", "der");

    private final List<X509Certificate> anchors;
    private final Set<X509Certificate> demo;

    private TrustAnchors(List<X509Certificate> anchors, Set<X509Certificate> demo) {
        this.anchors = List.copyOf(anchors);
        this.demo = Set.copyOf(demo);
    }

    /** Trust anchors from certificates at hand (no demo anchor). */
    public static TrustAnchors of(Collection<X509Certificate> certificates) {
        return new TrustAnchors(new ArrayList<>(new LinkedHashSet<>(certificates)), Set.of());
    }

    /**
     * Loads every {@code *.pem}, {@code *.crt}, {@code *.cer} and {@code *.der} file (in name order, subfolders
     * included) of a folder; other files, such as the README, are skipped. A missing classpath folder gives no anchors.
     *
     * @param location {@code classpath:signing/trust-anchors/} or {@code file:/etc/journal-archive/trust-anchors/}
     * @throws TokenException naming the file that is not a certificate, or a {@code file:} folder that is missing
     */
    public static TrustAnchors load(String location) {
        String folder = location.endsWith("/") ? location : location + "/";
        if (folder.startsWith("file:") && !isDirectory(new DefaultResourceLoader().getResource(folder))) {
            throw new TokenException(TokenMessages.get("trust.locationUnreadable", location, "нет такой папки"));
        }
        String pattern = (folder.startsWith("classpath:") ? "classpath*:" + folder.substring("classpath:".length())
                : folder) + "**/*";
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources(pattern);
        } catch (IOException e) {
            throw new TokenException(TokenMessages.get("trust.locationUnreadable", location, e.getMessage()), e);
        }
        List<Resource> files = new ArrayList<>();
        for (Resource resource : resources) {
            String name = String.valueOf(resource.getFilename()).toLowerCase(Locale.ROOT);
            int dot = name.lastIndexOf('.');
            if (resource.isReadable() && dot > 0 && EXTENSIONS.contains(name.substring(dot + 1))) {
                files.add(resource);
            }
        }
        files.sort(Comparator.comparing(TrustAnchors::describe));
        Set<X509Certificate> certificates = new LinkedHashSet<>();
        for (Resource file : files) {
            certificates.addAll(read(file));
        }
        return new TrustAnchors(new ArrayList<>(certificates), Set.of());
    }

    private static boolean isDirectory(Resource resource) {
        try {
            return resource.exists() && Files.isDirectory(resource.getFile().toPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static List<X509Certificate> read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            // Bouncy Castle reads GOST keys; generateCertificates takes DER or a sequence of PEM blocks.
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509",
                    TokenProviders.bouncyCastle()).generateCertificates(in);
            if (read.isEmpty()) {
                throw new TokenException(TokenMessages.get("trust.unreadable", describe(file), "нет сертификата"));
            }
            return read.stream().map(X509Certificate.class::cast).toList();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof TokenException tokenException) {
                throw tokenException;
            }
            throw new TokenException(TokenMessages.get("trust.unreadable", describe(file),
                    TokenSlots.rootMessage(e)), e);
        }
    }

    private static String describe(Resource resource) {
        try {
            return resource.getURL().toString();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }

    /** These anchors plus the demo CA, which {@link #isDemo} flags. */
    public TrustAnchors withDemo(X509Certificate demoCa) {
        List<X509Certificate> all = new ArrayList<>(anchors);
        if (!all.contains(demoCa)) {
            all.add(demoCa);
        }
        Set<X509Certificate> demos = new LinkedHashSet<>(demo);
        demos.add(demoCa);
        return new TrustAnchors(all, demos);
    }

    /** Every anchor, the demo CA last when present. */
    public List<X509Certificate> certificates() {
        return anchors;
    }

    /** The anchors as PKIX wants them, for a {@code PKIXParameters} / {@code PKIXBuilderParameters}. */
    public Set<TrustAnchor> pkixAnchors() {
        return anchors.stream().map(anchor -> new TrustAnchor(anchor, null))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Whether {@code anchor} is the demo CA: a chain ending there must be reported as «ДЕМО». */
    public boolean isDemo(X509Certificate anchor) {
        return demo.contains(anchor);
    }

    /** Whether there is no anchor at all (then no chain can be called trusted). */
    public boolean isEmpty() {
        return anchors.isEmpty();
    }
}
