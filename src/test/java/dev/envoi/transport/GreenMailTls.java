package dev.envoi.transport;

/**
 * GreenMail reads its TLS key store once per JVM, from system properties, the first time any test
 * starts a TLS server; every test that starts one calls this first, so all of them serve the test
 * certificate (signed by the test authority, for "localhost") whatever order they run in.
 */
public final class GreenMailTls {

    private GreenMailTls() {
    }

    public static synchronized void serveTheTestCertificate() throws Exception {
        TestCertificates certificates = TestCertificates.get();
        System.setProperty("greenmail.tls.keystore.file", certificates.serverKeyStore.toString());
        System.setProperty("greenmail.tls.keystore.password", new String(TestCertificates.PASSWORD));
        System.setProperty("greenmail.tls.key.password", new String(TestCertificates.PASSWORD));
    }
}
