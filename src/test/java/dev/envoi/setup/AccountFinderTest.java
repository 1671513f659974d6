package dev.envoi.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.setup.Attempt.Outcome;
import dev.envoi.transport.FaultSmtpServer;
import dev.envoi.transport.TestCertificates;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every step of the search, against real local servers: a web server for autoconfig and the
 * ISPDB (plain and HTTPS), a DNS server on loopback UDP, and GreenMail to probe.
 */
@Timeout(60)
class AccountFinderTest {

    private static final String ADDRESS = "emile@example.test";
    private static final String CONFIG = "/example.test/mail/config-v1.1.xml";

    private ConfigServer web;
    private ConfigServer ispdb;
    private LocalDns dns;
    private final Map<Integer, Integer> probePorts = new HashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        web = ConfigServer.plain();
        ispdb = ConfigServer.https(TestCertificates.get().serverContext());
        dns = new LocalDns();
    }

    @AfterEach
    void tearDown() {
        web.close();
        ispdb.close();
        dns.close();
    }

    private Finding find(String address) throws Exception {
        return find(address, Duration.ofSeconds(4), Duration.ofSeconds(10));
    }

    private Finding find(String address, Duration step, Duration total) throws Exception {
        FinderSettings settings = FinderSettings.fromEnvironment(Map.of("ENVOI_AUTOCONFIG_BASE", web.base(),
                "ENVOI_ISPDB_URL", ispdb.base(), "ENVOI_DNS", dns.hostPort()))
                .withTls(TestTrust.context()).withProbePorts(probePorts).withTimeouts(step, total);
        return new AccountFinder(settings).find(address);
    }

    private static Discovery found(Finding finding) {
        assertTrue(finding.discovery().isPresent(), () -> "nothing found: " + finding.attempts());
        return finding.discovery().get();
    }

    private static Outcome outcome(Finding finding, Source source) {
        return finding.attempts().stream().filter(a -> a.source() == source).findFirst().orElseThrow().outcome();
    }

    @Test
    void aPresetAnswersWithoutAskingTheNetwork() throws Exception {
        Discovery gmail = found(find("Jane.Doe@GMail.com"));
        assertEquals(Source.PRESET, gmail.source());
        assertEquals(new Endpoint("smtp.gmail.com", 465, SmtpSecurity.TLS), gmail.smtp());
        assertEquals(new Endpoint("imap.gmail.com", 993, SmtpSecurity.TLS), gmail.imap());
        assertEquals(SignIn.oauth("google"), gmail.signIn());
        Discovery free = found(find("emile@free.fr"));
        assertEquals("emile", free.user(), "Free signs in with the local part");
        assertEquals(SignIn.PASSWORD, free.signIn());
        assertEquals(SignIn.oauth("microsoft"), found(find("x@hotmail.fr")).signIn());
        assertTrue(web.asked.isEmpty() && ispdb.asked.isEmpty() && dns.questions.isEmpty());
    }

    @Test
    void theDomainsOwnAutoconfigComesFirst() throws Exception {
        web.file(CONFIG, Configs.smtp("smtp.example.test", 465, "SSL"));
        ispdb.file("/example.test", Configs.smtp("ispdb.example.test", 587, "STARTTLS"));
        Discovery found = found(find(ADDRESS));
        assertEquals(Source.AUTOCONFIG, found.source());
        assertEquals(new Endpoint("smtp.example.test", 465, SmtpSecurity.TLS), found.smtp());
        assertEquals(new Endpoint("imap.example.test", 993, SmtpSecurity.TLS), found.imap());
        assertEquals("emile", found.user());
        assertTrue(found.origin().startsWith(web.base() + "example.test/mail/config-v1.1.xml?emailaddress=emile%40"),
                found.origin());
    }

    @Test
    void theIspdbAnswersWhenTheDomainHasNoFile() throws Exception {
        ispdb.file("/example.test", Configs.smtp("smtp.example.test", 587, "STARTTLS", "OAuth2"));
        Finding finding = find(ADDRESS);
        Discovery found = found(finding);
        assertEquals(Source.ISPDB, found.source());
        assertEquals(new Endpoint("smtp.example.test", 587, SmtpSecurity.STARTTLS), found.smtp());
        assertEquals(AuthMethod.OAUTH2, found.signIn().method());
        assertEquals(Outcome.NOTHING, outcome(finding, Source.AUTOCONFIG));
        assertEquals(Outcome.SKIPPED, outcome(finding, Source.SRV));
    }

    @Test
    void theMxHostsDomainFindsAHostedDomainOverHttps() throws Exception {
        dns.mx("example.test", 10, "aspmx.l.bigmail.test").mx("example.test", 20, "alt.other.test");
        ispdb.file("/bigmail.test", Configs.smtp("smtp.bigmail.test", 465, "SSL"));
        Discovery found = found(find(ADDRESS));
        assertEquals(Source.MX, found.source());
        assertEquals("smtp.bigmail.test", found.smtp().host(), "outside the domain, but the ISPDB came over HTTPS");
    }

    @Test
    void aDomainWhoseMailGoogleReceivesGetsThePresetWithItsOauthProvider() throws Exception {
        dns.mx("example.test", 1, "aspmx.l.google.com");
        Finding finding = find(ADDRESS);
        Discovery found = found(finding);
        assertEquals(Source.MX, found.source());
        assertEquals(new Endpoint("smtp.gmail.com", 465, SmtpSecurity.TLS), found.smtp());
        assertEquals(SignIn.oauth("google"), found.signIn());
        assertEquals(ADDRESS, found.user());
        assertTrue(found.origin().contains("aspmx.l.google.com"), found.origin());
        assertFalse(ispdb.asked.contains("/google.com"), "a known provider needs no ISPDB");
    }

    @Test
    void srvRecordsGiveSubmissionAndImap() throws Exception {
        dns.srv("_submission._tcp.example.test", 0, 587, "mx.example.test")
                .srv("_submissions._tcp.example.test", 0, 465, "smtp.example.test")
                .srv("_imaps._tcp.example.test", 0, 993, "imap.example.test");
        Discovery found = found(find(ADDRESS));
        assertEquals(Source.SRV, found.source());
        assertEquals(new Endpoint("smtp.example.test", 465, SmtpSecurity.TLS), found.smtp(), "RFC 8314 first");
        assertEquals(new Endpoint("imap.example.test", 993, SmtpSecurity.TLS), found.imap());
    }

    @Test
    void srvRecordsPointingOutsideTheDomainAreNotTaken() throws Exception {
        dns.srv("_submissions._tcp.example.test", 0, 465, "smtp.elsewhere.test");
        Finding finding = find(ADDRESS);
        assertEquals(Outcome.REFUSED, outcome(finding, Source.SRV));
        assertTrue(finding.discovery().isEmpty());
    }

    @Test
    void probingFindsImplicitTlsOn465() throws Exception {
        GreenMail smtps = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTPS}));
        smtps.start();
        try {
            dns.a("mail.example.test", "127.0.0.1");
            probePorts.put(465, smtps.getSmtps().getPort());
            probePorts.put(587, closedPort());
            Discovery found = found(find(ADDRESS));
            assertEquals(Source.PROBE, found.source());
            assertEquals(new Endpoint("mail.example.test", 465, SmtpSecurity.TLS), found.smtp());
            assertEquals(ADDRESS, found.user());
        } finally {
            smtps.stop();
        }
    }

    @Test
    void probingFindsStartTlsOn587WhenNothingAnswersOn465() throws Exception {
        try (FaultSmtpServer smtp = new FaultSmtpServer().startTls(TestCertificates.get().serverContext())) {
            dns.a("smtp.example.test", "127.0.0.1");
            probePorts.put(465, closedPort());
            probePorts.put(587, smtp.port());
            Discovery found = found(find(ADDRESS));
            assertEquals(new Endpoint("smtp.example.test", 587, SmtpSecurity.STARTTLS), found.smtp());
            assertEquals(Source.PROBE, found.source());
        }
    }

    @Test
    void aProbedServerWithoutTlsIsNeverTaken() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}));
        smtp.start();
        try {
            dns.a("smtp.example.test", "127.0.0.1");
            probePorts.put(465, closedPort());
            probePorts.put(587, smtp.getSmtp().getPort());
            Finding finding = find(ADDRESS);
            assertTrue(finding.discovery().isEmpty(), finding.attempts().toString());
            assertEquals(Outcome.REFUSED, outcome(finding, Source.PROBE));
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aResultWithoutTlsIsRefusedAndTheNextStepAnswers() throws Exception {
        web.file(CONFIG, Configs.smtp("smtp.example.test", 25, "plain"));
        ispdb.file("/example.test", Configs.smtp("smtp.example.test", 465, "SSL"));
        Finding finding = find(ADDRESS);
        assertEquals(Outcome.REFUSED, outcome(finding, Source.AUTOCONFIG));
        assertEquals(Source.ISPDB, found(finding).source());
    }

    @Test
    void plainHttpCannotSendThePasswordOutsideTheDomain() throws Exception {
        web.file(CONFIG, Configs.smtp("smtp.attacker.test", 465, "SSL"));
        Finding finding = find(ADDRESS);
        assertEquals(Outcome.REFUSED, outcome(finding, Source.AUTOCONFIG));
        String why = finding.attempts().get(1).detail();
        assertTrue(why.contains("smtp.attacker.test") && why.contains("outside example.test"), why);
        assertTrue(finding.discovery().isEmpty());
    }

    @Test
    void externalEntitiesAndDtdsAreRefused() throws Exception {
        web.file(CONFIG, """
                <?xml version="1.0"?>
                <!DOCTYPE clientConfig [<!ENTITY host SYSTEM "file:///etc/hostname">]>
                <clientConfig><emailProvider><outgoingServer type="smtp"><hostname>&host;</hostname>
                <port>465</port><socketType>SSL</socketType></outgoingServer></emailProvider></clientConfig>
                """);
        ispdb.file("/example.test", """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <clientConfig>&lol2;</clientConfig>
                """);
        Finding finding = find(ADDRESS);
        assertEquals(Outcome.FAILED, outcome(finding, Source.AUTOCONFIG));
        assertEquals(Outcome.FAILED, outcome(finding, Source.ISPDB));
        assertTrue(finding.attempts().get(1).detail().contains("DOCTYPE"), finding.attempts().get(1).detail());
        assertTrue(finding.discovery().isEmpty());
    }

    @Test
    void aHugeFileIsCutOff() throws Exception {
        web.endless(CONFIG);
        ispdb.file("/example.test", Configs.smtp("smtp.example.test", 465, "SSL"));
        Finding finding = find(ADDRESS);
        assertEquals(Outcome.FAILED, outcome(finding, Source.AUTOCONFIG));
        assertTrue(finding.attempts().get(1).detail().contains("256 KiB"), finding.attempts().get(1).detail());
        assertEquals(Source.ISPDB, found(finding).source());
    }

    @Test
    void aServerThatNeverAnswersCostsOnlyItsStep() throws Exception {
        web.hang(CONFIG);
        ispdb.file("/example.test", Configs.smtp("smtp.example.test", 465, "SSL"));
        long start = System.nanoTime();
        Finding finding = find(ADDRESS, Duration.ofSeconds(4), Duration.ofSeconds(10));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Outcome.TIMED_OUT, outcome(finding, Source.AUTOCONFIG));
        assertEquals(Source.ISPDB, found(finding).source());
        assertTrue(millis >= 3900 && millis < 9500, "took " + millis + " ms");
    }

    @Test
    void aFileThatStopsHalfwayCostsOnlyItsStep() throws Exception {
        web.stallBody(CONFIG);
        ispdb.file("/example.test", Configs.smtp("smtp.example.test", 465, "SSL"));
        Finding finding = find(ADDRESS, Duration.ofSeconds(4), Duration.ofSeconds(10));
        assertEquals(Outcome.TIMED_OUT, outcome(finding, Source.AUTOCONFIG), finding.attempts().toString());
        assertEquals(Source.ISPDB, found(finding).source());
    }

    @Test
    void nothingAnsweringEndsWithinTheWholeSearchsLimit() throws Exception {
        web.hang(CONFIG);
        ispdb.hang("/example.test");
        dns.stall();
        long start = System.nanoTime();
        Finding finding = find(ADDRESS, Duration.ofSeconds(3), Duration.ofSeconds(4));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(finding.discovery().isEmpty());
        assertTrue(millis < 8000, "took " + millis + " ms");
        List<Outcome> outcomes = finding.attempts().stream().map(Attempt::outcome).toList();
        assertFalse(outcomes.contains(Outcome.FOUND), outcomes.toString());
        assertEquals(Outcome.TIMED_OUT, outcome(finding, Source.MX), finding.attempts().toString());
    }

    private static int closedPort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
