package dev.envoi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Thunderbird, started as `thunderbird -compose` on a profile with one account, timed from
 * the start to the moment its compose window is visible on the display (found by its title with
 * xdotool, polled every 10 ms). Present only where both are installed.
 */
final class ThunderbirdCompose {

    static final String NAME = "Thunderbird -compose, to a visible compose window";
    private static final Path THUNDERBIRD = Path.of("/usr/bin/thunderbird");
    private static final Path XDOTOOL = Path.of("/usr/bin/xdotool");
    private static final String SUBJECT = "Benchmark";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final Path profile;
    private final Path log;

    private ThunderbirdCompose(Path profile, Path log) {
        this.profile = profile;
        this.log = log;
    }

    /**
     * Empty unless Thunderbird and xdotool are installed, or with -Dbench.thunderbird=false (under a
     * heavy load Thunderbird crashed at start, which stopped the whole benchmark); the profile is
     * made in {@code work}.
     */
    static Optional<ThunderbirdCompose> in(Path work) throws IOException {
        if (!Files.isExecutable(THUNDERBIRD) || !Files.isExecutable(XDOTOOL)
                || !Boolean.parseBoolean(System.getProperty("bench.thunderbird", "true"))) {
            return Optional.empty();
        }
        Path profile = Files.createDirectories(work.resolve("thunderbird-profile"));
        Files.write(profile.resolve("prefs.js"), oneAccount());
        return Optional.of(new ThunderbirdCompose(profile, work.resolve("thunderbird.log")));
    }

    /** Milliseconds from the start to a visible compose window; the process is stopped after. */
    double launchMillis(VirtualDisplay display) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(THUNDERBIRD.toString(), "--profile", profile.toString(),
                "-compose", "to=jane@example.org,subject=" + SUBJECT).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DISPLAY", display.name());
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            long deadline = start + LIMIT.toNanos();
            while (!composeWindowVisible(display)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("no Thunderbird compose window: " + Files.readString(log));
                }
                Thread.sleep(10);
            }
            return (System.nanoTime() - start) / 1e6;
        } finally {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static boolean composeWindowVisible(VirtualDisplay display) throws IOException, InterruptedException {
        ProcessBuilder search = new ProcessBuilder(XDOTOOL.toString(), "search", "--onlyvisible", "--name",
                "Write: " + SUBJECT).redirectErrorStream(true);
        search.environment().put("DISPLAY", display.name());
        Process process = search.start();
        String found = new String(process.getInputStream().readAllBytes()).strip();
        return process.waitFor() == 0 && !found.isEmpty();
    }

    /** An SMTP account with its identity, and Local Folders; first-run pages and checks turned off. */
    private static List<String> oneAccount() {
        return List.of(
                "user_pref(\"mail.accountmanager.accounts\", \"account1,account2\");",
                "user_pref(\"mail.accountmanager.defaultaccount\", \"account1\");",
                "user_pref(\"mail.accountmanager.localfoldersserver\", \"server2\");",
                "user_pref(\"mail.account.account1.identities\", \"id1\");",
                "user_pref(\"mail.account.account1.server\", \"server1\");",
                "user_pref(\"mail.account.account2.server\", \"server2\");",
                "user_pref(\"mail.identity.id1.fullName\", \"Emile Envoi\");",
                "user_pref(\"mail.identity.id1.useremail\", \"emile@example.org\");",
                "user_pref(\"mail.identity.id1.smtpServer\", \"smtp1\");",
                "user_pref(\"mail.identity.id1.valid\", true);",
                "user_pref(\"mail.server.server1.hostname\", \"localhost\");",
                "user_pref(\"mail.server.server1.name\", \"emile@example.org\");",
                "user_pref(\"mail.server.server1.type\", \"pop3\");",
                "user_pref(\"mail.server.server1.userName\", \"emile\");",
                "user_pref(\"mail.server.server1.login_at_startup\", false);",
                "user_pref(\"mail.server.server2.hostname\", \"Local Folders\");",
                "user_pref(\"mail.server.server2.name\", \"Local Folders\");",
                "user_pref(\"mail.server.server2.type\", \"none\");",
                "user_pref(\"mail.server.server2.userName\", \"nobody\");",
                "user_pref(\"mail.smtpservers\", \"smtp1\");",
                "user_pref(\"mail.smtp.defaultserver\", \"smtp1\");",
                "user_pref(\"mail.smtpserver.smtp1.hostname\", \"localhost\");",
                "user_pref(\"mail.smtpserver.smtp1.port\", 2525);",
                "user_pref(\"mail.shell.checkDefaultClient\", false);",
                "user_pref(\"mail.provider.enabled\", false);",
                "user_pref(\"mail.rights.version\", 1);",
                "user_pref(\"mailnews.start_page.enabled\", false);",
                "user_pref(\"datareporting.policy.dataSubmissionEnabled\", false);",
                "user_pref(\"toolkit.telemetry.reportingpolicy.firstRun\", false);",
                "user_pref(\"app.update.enabled\", false);");
    }
}
