package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SqliteMessageStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `envoi outbox --json`: exactly the documented keys, and every state a message not yet sent can be in. */
class OutboxListingTest {

    // One object, keys in this order and no others; values as scripts rely on them.
    private static final Pattern ENTRY = Pattern.compile("\\{\"id\":\"([a-z0-9]{20})\",\"state\":\"([A-Z]+)\","
            + "\"subject\":\"([^\"]*)\",\"to\":\\[([^\\]]*)\\],\"attempts\":(\\d+),\"nextAttemptAt\":(null|\"[^\"]+\"),"
            + "\"lastError\":(null|\"[^\"]*\"),\"messageId\":(null|\"<[^\"]+>\"),\"account\":(null|\"[^\"]*\"),"
            + "\"sentCopy\":(null|\"pending\"|\"failed\")\\}");

    @TempDir
    Path profile;

    @Test
    void jsonHasExactlyTheListedKeysForEveryState() {
        Instant retryAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        EntryId refusedDraft;
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            submitAndLock(store, "sending");
            EntryId retrying = submitAndLock(store, "retrying");
            store.scheduleRetry(retrying, "451 4.3.0 busy", retryAt);
            store.markFailed(submitAndLock(store, "failed"), "Gave up after 9 attempts: 421 busy");
            EntryId uncertain = submitAndLock(store, "uncertain");
            store.recordHandOff(uncertain);
            store.markUncertain(uncertain, "connection reset");
            EntryId refused = submitAndLock(store, "refused");
            store.returnToDrafts(refused, "550 5.1.1 unknown user", List.of(MailAddress.of("jane@example.org")));
            refusedDraft = store.fate(refused).orElseThrow().currentId();
            store.submit(draft("queued"), SubmitOptions.undo(Duration.ofSeconds(60)));
            store.save(draft("only a draft"));
            store.abortSubmit(store.submit(draft("cancelled by the user"), SubmitOptions.undo(Duration.ofSeconds(60))));
        }

        CommandLineRun run = CommandLineRun.of(profile, "outbox", "--json", "--profile", profile.toString());
        assertEquals(ExitCode.OK, run.exitCode, run.toString());
        String json = run.out.strip();
        Map<String, String> bySubject = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(json);
        StringBuilder rebuilt = new StringBuilder("[");
        while (m.find()) {
            rebuilt.append(rebuilt.length() > 1 ? "," : "").append(m.group());
            bySubject.put(m.group(3), m.group());
        }
        assertEquals(json, rebuilt.append("]").toString(), "one array of entries with exactly the keys, nothing else");
        assertEquals(List.of("sending", "retrying", "failed", "uncertain", "queued", "refused"),
                List.copyOf(bySubject.keySet()), "the queue in submit order, then drafts that came back; no other draft");

        assertEntry(bySubject, "sending", "SENDING", "1", "null", "null");
        assertEntry(bySubject, "retrying", "RETRYING", "1", "\"" + retryAt + "\"", "\"451 4.3.0 busy\"");
        assertEntry(bySubject, "failed", "FAILED", "1", "null", "\"Gave up after 9 attempts: 421 busy\"");
        assertEntry(bySubject, "uncertain", "UNCERTAIN", "1", "null", "\"connection reset\"");
        assertEntry(bySubject, "refused", "DRAFT", "0", "null", "\"550 5.1.1 unknown user\"");
        assertEquals(refusedDraft.value(), entry(bySubject, "refused").group(1), "the id to open it with");
        Matcher queued = entry(bySubject, "queued");
        assertEquals("QUEUED", queued.group(2));
        assertTrue(queued.group(6).startsWith("\"20"), "a queued message shows when it is due: " + queued.group(6));
        assertEquals("\"\\\"Doe, Jane\\\" <jane@example.org>\"", queued.group(4));
        assertTrue(queued.group(8).matches("\"<[0-9a-f-]{36}@example\\.org>\""), queued.group(8));
    }

    private static EntryId submitAndLock(SqliteMessageStore store, String subject) {
        EntryId id = store.submit(draft(subject), SubmitOptions.undo(Duration.ZERO));
        assertEquals(id, store.lockNextDue(Instant.now().plusSeconds(1)).orElseThrow().id());
        return id;
    }

    private static Draft draft(String subject) {
        return new Draft(new DraftContent(MailAddress.of("emile@example.org"),
                List.of(new Recipient(RecipientType.TO, new MailAddress("Doe, Jane", "jane@example.org"))), subject,
                "body", List.of()));
    }

    private static void assertEntry(Map<String, String> entries, String subject, String state, String attempts,
                                    String next, String lastError) {
        Matcher entry = entry(entries, subject);
        assertEquals(List.of(state, attempts, next, lastError),
                List.of(entry.group(2), entry.group(5), entry.group(6), entry.group(7)), subject);
    }

    private static Matcher entry(Map<String, String> entries, String subject) {
        Matcher entry = ENTRY.matcher(entries.getOrDefault(subject, ""));
        assertTrue(entry.matches(), subject + " is listed");
        return entry;
    }
}
