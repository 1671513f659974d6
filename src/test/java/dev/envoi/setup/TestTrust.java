package dev.envoi.setup;

import dev.envoi.transport.TestCertificates;
import java.io.InputStream;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A TLS context trusting the tests' authority (HTTPS servers) and GreenMail's own certificate (its SMTPS). */
final class TestTrust {

    private TestTrust() {
    }

    static SSLContext context() throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        KeyStore authority = TestCertificates.get().authority;
        anchors.setCertificateEntry("ca", authority.getCertificate("ca"));
        try (InputStream in = com.icegreen.greenmail.util.GreenMail.class.getResourceAsStream("/greenmail.p12")) {
            KeyStore greenMail = KeyStore.getInstance("PKCS12");
            greenMail.load(in, "changeit".toCharArray());
            anchors.setCertificateEntry("greenmail", greenMail.getCertificate("greenmail"));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
