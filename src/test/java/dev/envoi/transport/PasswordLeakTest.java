package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.MailAddress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With every log of Angus switched on to its finest level (protocol traces included), a login
 * that works, one that is refused and a test of the account leave the password in no log record,
 * no exception text or stack trace, no report and no message the server received: neither as
 * typed nor in the base64 of AUTH PLAIN.
 */
@Timeout(30)
class PasswordLeakTest {

    private static final String PASSWORD = "Corr3ct-Horse-Battery-Stäple";
    private static final String USER = "emile";

    private FaultSmtpServer server;
    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(parameter);
                }
            }
            if (record.getThrown() != null) {
                text.append(' ').append(stackTrace(record.getThrown()));
            }
            synchronized (logged) {
                logged.add(text.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    // Angus names a transport's loggers after the package of its class: Envoi's subclass lives here.
    private final List<Logger> loggers = List.of(Logger.getLogger("org.eclipse.angus.mail"),
            Logger.getLogger("dev.envoi.transport"));
    private final List<Level> oldLevels = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = new FaultSmtpServer();
        for (Logger logger : loggers) {
            oldLevels.add(logger.getLevel());
            logger.setLevel(Level.ALL);
            logger.addHandler(capture);
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).removeHandler(capture);
            loggers.get(i).setLevel(oldLevels.get(i));
        }
        server.close();
    }

    private Account account() {
        return new Account("leak", MailAddress.of("emile@example.org"), "127.0.0.1", server.port(), SmtpSecurity.NONE,
                USER, AuthMethod.PASSWORD, 0, true, false, false, "", false);
    }

    @Test
    void thePasswordIsInNoLogNoExceptionAndNoMessage() throws Exception {
        server.requireLogin(USER, PASSWORD);
        TestMessages messages = new TestMessages();
        List<String> seen = new ArrayList<>();

        try (SmtpTransport right = new SmtpTransport(account(), a -> Optional.of(PASSWORD.toCharArray()),
                SmtpFaultTest.QUICK, ServerTrust.system())) {
            seen.add(right.transfer(messages.outgoing(TestMessages.content("ok", "body", List.of())),
                    new RecordingGate()).reply());
        }
        String almost = PASSWORD + "!";
        SmtpTransport wrong = new SmtpTransport(account(), a -> Optional.of(almost.toCharArray()), SmtpFaultTest.QUICK,
                ServerTrust.system());
        for (int i = 0; i < 2; i++) {
            PermanentFailureException e = assertThrows(PermanentFailureException.class, () -> wrong.transfer(
                    messages.outgoing(TestMessages.content("no", "body", List.of())), new RecordingGate()));
            seen.add(stackTrace(e));
        }
        seen.add(new AccountTester(SmtpFaultTest.QUICK, ServerTrust.system())
                .test(account(), a -> Optional.of(almost.toCharArray())).toString());
        seen.add(new AccountTester(SmtpFaultTest.QUICK, ServerTrust.system())
                .test(account(), a -> Optional.of(PASSWORD.toCharArray())).toString());
        server.messages.forEach(m -> seen.add(new String(m, StandardCharsets.UTF_8)));
        synchronized (logged) {
            seen.addAll(logged);
        }

        assertTrue(logged.stream().anyMatch(l -> l.contains("MAIL FROM")), "the protocol trace was captured");
        assertTrue(server.saw("AUTH PLAIN"), "the password did travel, to the server only");
        for (String secret : List.of(PASSWORD, almost)) {
            String plain = Base64.getEncoder().encodeToString(("\0" + USER + "\0" + secret).getBytes(StandardCharsets.UTF_8));
            for (String text : seen) {
                assertFalse(text.contains(secret), "the password is in: " + text);
                assertFalse(text.contains(plain), "the AUTH PLAIN response is in: " + text);
                assertFalse(text.contains(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8))),
                        "the base64 password is in: " + text);
            }
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
