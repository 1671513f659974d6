package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Account;
import dev.envoi.account.CredentialChain;
import dev.envoi.app.Launcher;
import dev.envoi.app.cli.ExitCode;
import dev.envoi.app.cli.Terminal;
import dev.envoi.oauth.AuthorizationServer;
import dev.envoi.oauth.BearerVerifier;
import dev.envoi.oauth.TestBrowser;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.transport.FaultSmtpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `envoi account add --auth oauth2`, `envoi account login` and `envoi send --wait` against a real
 * authorization server and an SMTP server that checks the bearer token. $BROWSER is a script that
 * records its arguments and environment; the test's browser follows the address the command prints.
 */
class AccountLoginCommandTest {

    @TempDir
    Path home;
    private AuthorizationServer server;
    private FaultSmtpServer smtp;
    private BearerVerifier verifier;
    private Path browserRecord;
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        server = new AuthorizationServer(300);
        verifier = new BearerVerifier(server.jwks());
        smtp = new FaultSmtpServer().requireBearer("OAUTHBEARER XOAUTH2", verifier);
        browserRecord = home.resolve("browser-saw");
        Path script = home.resolve("browser.sh");
        Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + browserRecord + ".args'\nenv > '"
                + browserRecord + ".env'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        env = Map.of("USER", "tester", "ENVOI_KEYRING", "off", "BROWSER", script.toString());
    }

    @AfterEach
    void stop() throws IOException {
        smtp.close();
        server.close();
    }

    private Path profile() {
        return home.resolve("profile");
    }

    private CommandLineRun run(String... args) {
        String[] withProfile = Stream.concat(Stream.of(args), Stream.of("--profile", profile().toString()))
                .toArray(String[]::new);
        return CommandLineRun.withEnvironment(home, Clock.systemDefaultZone(), env, withProfile);
    }

    private void addAccount() {
        CommandLineRun added = run("account", "add", "work", "--address", "emile@example.org", "--auth", "oauth2",
                "--oauth-issuer", server.issuer(), "--oauth-client-id", "envoi-test-client", "--oauth-scope",
                AuthorizationServer.SCOPES, "--host", "127.0.0.1", "--port", Integer.toString(smtp.port()),
                "--security", "none", "--default");
        assertEquals(0, added.exitCode, added.toString());
        assertTrue(added.err.contains("now sign in: envoi account login work"), added.err);
    }

    /** Runs `account login` with a browser that follows the address the command prints. */
    private Login login(String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Integer> pages = new ArrayList<>();
        OutputStream watcher = new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                err.write(b);
                if (b != '\n') {
                    line.write(b);
                    return;
                }
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (text.startsWith("http") && extra.length == 0) {
                    Thread browser = new Thread(() -> {
                        try {
                            pages.add(new TestBrowser().visit(URI.create(text)).statusCode());
                        } catch (Exception e) {
                            pages.add(-1);
                        }
                    });
                    browser.setDaemon(true);
                    browser.start();
                }
            }
        };
        List<String> args = new ArrayList<>(List.of("account", "login", "work", "--password-store", "file",
                "--profile", profile().toString()));
        args.addAll(List.of(extra));
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(watcher, true, StandardCharsets.UTF_8), env, Clock.systemDefaultZone(), home, "Linux");
        int code = new Launcher(terminal).run(args.toArray(String[]::new));
        return new Login(code, err.toString(StandardCharsets.UTF_8), pages);
    }

    private record Login(int exitCode, String err, List<Integer> pages) {
    }

    @Test
    void signInThenSendAndNoTokenIsWrittenWhereItMustNotBe() throws Exception {
        addAccount();

        Login login = login();
        assertEquals(0, login.exitCode(), login.err());
        assertTrue(login.err().contains("signed in: account work keeps its sign-in in"), login.err());
        assertEquals(List.of(200), login.pages());

        CommandLineRun sent = run("send", "--to", "jane@example.org", "--subject", "hello", "--body", "hi", "--wait=30");
        assertEquals(0, sent.exitCode, sent.toString());
        assertEquals(1, smtp.kept().size());
        assertEquals(List.of(true), verifier.verdicts.subList(0, 1));

        CommandLineRun tested = run("account", "test", "work");
        assertEquals(0, tested.exitCode, tested.toString());
        assertTrue(tested.out.contains("login: ok"), tested.out);

        List<String> tokens = new ArrayList<>(verifier.tokens);
        tokens.add(refreshToken());
        assertNoneIn("the message sent", new String(smtp.kept().get(0), StandardCharsets.UTF_8), tokens);
        assertNoneIn("what the commands printed", login.err() + sent.out + sent.err + tested.out + tested.err, tokens);
        String browserArgs = Files.readString(Path.of(browserRecord + ".args"));
        assertTrue(browserArgs.contains("code_challenge="), browserArgs);
        assertNoneIn("the browser's arguments", browserArgs, tokens);
        assertNoneIn("the browser's environment", Files.readString(Path.of(browserRecord + ".env")), tokens);
        assertNoneIn("this process's environment", String.join("\n", System.getenv().values()), tokens);
        try (Stream<Path> files = Files.walk(profile())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                List<String> forbidden = file.getFileName().toString().contains("credentials") ? verifier.tokens : tokens;
                assertNoneIn(profile().relativize(file).toString(), content, forbidden);
            }
        }
    }

    @Test
    void anUnreachableAuthorizationServerLeavesTheMessageQueuedForARetryAndExit4() throws Exception {
        addAccount();
        assertEquals(0, login().exitCode());
        server.stop();

        CommandLineRun waited = run("send", "--to", "jane@example.org", "--subject", "hello", "--body", "hi", "--undo-seconds", "0", "--wait=3");
        assertEquals(ExitCode.STILL_QUEUED, waited.exitCode, waited.toString());
        assertTrue(waited.err.contains("could not renew its sign-in now"), waited.err);
        assertEquals(0, smtp.kept().size());

        // It waits for its retry like any transient failure (OAuthSendingTest sees it go afterwards).
        CommandLineRun outbox = run("outbox", "--json");
        assertTrue(outbox.out.contains("RETRYING") && outbox.out.contains("could not renew its sign-in now"),
                outbox.toString());
    }

    @Test
    void aRevokedGrantHoldsTheMessageUntilLoginThenItGoesWithoutSendingAgain() throws Exception {
        addAccount();
        assertEquals(0, login().exitCode());
        server.revokeGrants();

        CommandLineRun waited = run("send", "--to", "jane@example.org", "--subject", "hello", "--body", "hi", "--undo-seconds", "0", "--wait=3");
        assertEquals(ExitCode.STILL_QUEUED, waited.exitCode, waited.toString());
        assertTrue(waited.err.contains("must sign in again"), waited.err);
        CommandLineRun outbox = run("outbox");
        assertTrue(outbox.out.contains("sign in") || outbox.err.contains("sign in"), outbox.toString());

        Login again = login();
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains("1 message(s) waiting for it are due now"), again.err());
        CommandLineRun flushed = run("outbox", "--flush", "--wait=30");
        assertEquals(0, flushed.exitCode, flushed.toString());
        assertEquals(1, smtp.kept().size());
    }

    @Test
    void aProviderPresetBringsItsServerAndAPasswordAccountCannotLogIn() {
        CommandLineRun added = run("account", "add", "m365", "--address", "emile@contoso.com", "--auth", "oauth2",
                "--oauth-provider", "microsoft", "--oauth-client-id", "11111111-2222-3333-4444-555555555555");
        assertEquals(0, added.exitCode, added.toString());
        CommandLineRun list = run("account", "list", "--json");
        assertTrue(list.out.contains("\"server\":\"smtp.office365.com:587\"") && list.out.contains("\"security\":\"starttls\"")
                && list.out.contains("\"auth\":\"oauth2\"") && list.out.contains("\"user\":\"emile@contoso.com\""), list.out);

        assertEquals(0, run("account", "add", "plain", "--address", "a@example.org", "--host", "127.0.0.1",
                "--security", "none").exitCode);
        CommandLineRun refused = run("account", "login", "plain");
        assertEquals(ExitCode.BAD_INPUT, refused.exitCode, refused.toString());
        assertTrue(refused.err.contains("does not sign in with OAuth 2.0"), refused.err);
    }

    @Test
    void nobodySigningInEndsWithAClearMessageAfterTheTimeout() {
        addAccount();

        Login login = login("--timeout", "1");

        assertEquals(ExitCode.FAILURE, login.exitCode(), login.err());
        assertTrue(login.err().contains("No sign-in within 1 s"), login.err());
        assertTrue(login.err().contains("http://"), "the address is printed: " + login.err());
    }

    private String refreshToken() throws Exception {
        try (SqliteMessageStore store = SqliteMessageStore.open(profile())) {
            Account account = store.accounts().find("work").orElseThrow();
            return new String(CredentialChain.forProfile(profile(), env).secretFor(account).orElseThrow());
        }
    }

    private static void assertNoneIn(String where, String content, List<String> tokens) {
        for (String token : tokens) {
            assertFalse(content.contains(token), "a token in " + where);
        }
    }
}
