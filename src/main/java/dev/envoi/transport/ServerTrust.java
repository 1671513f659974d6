package dev.envoi.transport;

import dev.envoi.i18n.Sentences;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Decides which server certificates an SMTP connection accepts: those that verify against the
 * trust anchors (the system's, unless a test gives its own) with the host name checked, and the one
 * certificate the user pinned for the account, nothing wider. A refusal is remembered with the
 * certificate's subject and fingerprint, so the user can be shown exactly what was refused.
 */
public final class ServerTrust {

    private static final Sentences WORDS = Sentences.of(ServerTrust.class);

    private final KeyStore anchors;

    private ServerTrust(KeyStore anchors) {
        this.anchors = anchors;
    }

    /** The operating system's (the JDK's) certificate authorities. */
    public static ServerTrust system() {
        return new ServerTrust(null);
    }

    /** Only these authorities: for tests, and for a company that runs its own. */
    public static ServerTrust anchoredIn(KeyStore anchors) {
        return new ServerTrust(anchors);
    }

    /** A TLS context for one account: its pinned fingerprint (or "") and where refusals are recorded. */
    SSLContext contextFor(String pinnedSha256, AtomicReference<RejectedCertificate> rejected) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            X509ExtendedTrustManager standard = null;
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    standard = extended;
                }
            }
            if (standard == null) {
                throw new IllegalStateException("this Java runtime has no X509 trust manager");
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new PinningTrustManager(standard, pinnedSha256, rejected)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
    }

    /** The standard checks (chain and host name, via the socket's endpoint identification), or the pin. */
    private static final class PinningTrustManager extends X509ExtendedTrustManager {

        private final X509ExtendedTrustManager standard;
        private final String pinned;
        private final AtomicReference<RejectedCertificate> rejected;

        PinningTrustManager(X509ExtendedTrustManager standard, String pinned,
                            AtomicReference<RejectedCertificate> rejected) {
            this.standard = standard;
            this.pinned = pinned;
            this.rejected = rejected;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            if (isPinned(chain)) {
                return;
            }
            try {
                standard.checkServerTrusted(chain, authType, socket);
            } catch (CertificateException e) {
                throw refuse(chain, e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            if (isPinned(chain)) {
                return;
            }
            try {
                standard.checkServerTrusted(chain, authType, engine);
            } catch (CertificateException e) {
                throw refuse(chain, e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (isPinned(chain)) {
                return;
            }
            try {
                standard.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                throw refuse(chain, e);
            }
        }

        private boolean isPinned(X509Certificate[] chain) {
            // Only the server's own certificate can be pinned, never an authority above it.
            return chain != null && chain.length > 0 && CertificateFingerprint.matches(chain[0], pinned);
        }

        private CertificateException refuse(X509Certificate[] chain, CertificateException e) {
            if (chain != null && chain.length > 0) {
                rejected.set(RejectedCertificate.of(chain[0], reasonOf(e)));
            }
            return e;
        }

        private static String reasonOf(CertificateException e) {
            String text = String.valueOf(e.getMessage());
            if (text.contains("No subject alternative") || text.contains("No name matching")) {
                return WORDS.get("certificate.wrongHost", text);
            }
            if (text.contains("PKIX path building failed") || text.contains("unable to find valid certification path")) {
                return WORDS.get("certificate.untrusted");
            }
            if (text.contains("validity") || text.contains("expired") || text.contains("NotAfter")) {
                return WORDS.get("certificate.expired");
            }
            return text;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("Envoi is a client; it accepts no client certificates");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("Envoi is a client; it accepts no client certificates");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("Envoi is a client; it accepts no client certificates");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return standard.getAcceptedIssuers();
        }
    }
}
