package dev.envoi.transport;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.OutputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates the tests make for themselves, once per test run: a test authority, and a server
 * certificate it signed for the name "localhost" only (so 127.0.0.1 is a wrong host name for it).
 */
public final class TestCertificates {

    public static final char[] PASSWORD = "test-store".toCharArray();
    private static TestCertificates instance;

    public final Path serverKeyStore;
    public final KeyStore authority;
    final X509Certificate server;
    private final KeyStore serverStore;

    private TestCertificates(Path serverKeyStore, KeyStore serverStore, KeyStore authority, X509Certificate server) {
        this.serverKeyStore = serverKeyStore;
        this.serverStore = serverStore;
        this.authority = authority;
        this.server = server;
    }

    public static synchronized TestCertificates get() throws Exception {
        if (instance == null) {
            instance = make(Files.createTempDirectory("envoi-test-tls"));
        }
        return instance;
    }

    private static TestCertificates make(Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair caKeys = generator.generateKeyPair();
        KeyPair serverKeys = generator.generateKeyPair();
        X500Name caName = new X500Name("CN=Envoi Test CA");

        X509v3CertificateBuilder ca = builder(caName, caName, caKeys, 1);
        ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        X509Certificate caCertificate = sign(ca, caKeys.getPrivate());

        X509v3CertificateBuilder leaf = builder(caName, new X500Name("CN=localhost, O=Envoi tests"), serverKeys, 2);
        leaf.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
        X509Certificate serverCertificate = sign(leaf, caKeys.getPrivate());

        KeyStore serverStore = KeyStore.getInstance("PKCS12");
        serverStore.load(null, null);
        serverStore.setKeyEntry("server", serverKeys.getPrivate(), PASSWORD,
                new Certificate[] {serverCertificate, caCertificate});
        Path file = dir.resolve("server.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            serverStore.store(out, PASSWORD);
        }
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("ca", caCertificate);
        return new TestCertificates(file, serverStore, anchors, serverCertificate);
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys, long serial) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serial),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
                keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws Exception {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    /** A TLS context that serves the "localhost" certificate with its chain. */
    public SSLContext serverContext() throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(serverStore, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    String serverFingerprint() {
        return CertificateFingerprint.sha256(server);
    }
}
