package dev.envoi.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Certificates the tests make for themselves, once per test run, with the JDK's keytool: a test
 * authority, and a server certificate it signed for the name "localhost" only (so 127.0.0.1 is a
 * wrong host name for it). Nothing is read from outside the temporary folder.
 */
final class TestCertificates {

    static final char[] PASSWORD = "test-store".toCharArray();
    private static TestCertificates instance;

    final Path serverKeyStore;
    final KeyStore authority;
    final X509Certificate server;

    private TestCertificates(Path serverKeyStore, KeyStore authority, X509Certificate server) {
        this.serverKeyStore = serverKeyStore;
        this.authority = authority;
        this.server = server;
    }

    static synchronized TestCertificates get() throws Exception {
        if (instance == null) {
            instance = make(Files.createTempDirectory("envoi-test-tls"));
        }
        return instance;
    }

    private static TestCertificates make(Path dir) throws Exception {
        Path ca = dir.resolve("ca.p12");
        Path server = dir.resolve("server.p12");
        Path caPem = dir.resolve("ca.pem");
        Path csr = dir.resolve("server.csr");
        Path serverPem = dir.resolve("server.pem");
        String pass = new String(PASSWORD);
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Envoi Test CA",
                "-ext", "bc:c", "-validity", "3", "-keystore", ca.toString(), "-storepass", pass, "-storetype", "PKCS12");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", pass,
                "-file", caPem.toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost, O=Envoi tests", "-validity", "3", "-keystore", server.toString(), "-storepass", pass,
                "-storetype", "PKCS12");
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", pass,
                "-file", csr.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", pass, "-infile",
                csr.toString(), "-outfile", serverPem.toString(), "-ext", "san=dns:localhost", "-validity", "3");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", server.toString(),
                "-storepass", pass);
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", serverPem.toString(), "-keystore",
                server.toString(), "-storepass", pass);

        KeyStore serverStore = load(server);
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("ca", serverStore.getCertificate("ca"));
        return new TestCertificates(server, anchors, (X509Certificate) serverStore.getCertificate("server"));
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    /** A TLS context that serves the "localhost" certificate with its chain. */
    SSLContext serverContext() throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(serverKeyStore), PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    String serverFingerprint() {
        return CertificateFingerprint.sha256(server);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }
}
