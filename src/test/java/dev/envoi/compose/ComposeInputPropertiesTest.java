package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.Attachment;
import dev.envoi.message.DraftContent;
import dev.envoi.message.MailAddress;
import dev.envoi.message.RecipientType;
import dev.envoi.store.MessageSummary;
import dev.envoi.testing.RandomText;
import dev.envoi.transport.MimeRoundTrip;
import dev.envoi.transport.PickupFolderTransport;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a person types or pastes into the compose window (seeded random text: control
 * characters, CR and LF, quotes, very long lines, empty fields) and whatever files they attach:
 * nothing throws out of the view-model, a refusal names the field or the file, and a message
 * that is sent arrives as typed, through the store and MIME and back.
 */
@Timeout(120)
class ComposeInputPropertiesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path profile;
    @TempDir
    Path files;
    private final RandomText random = RandomText.fromSystemSeed();
    private final List<Throwable> escaped = Collections.synchronizedList(new ArrayList<>());
    private Thread.UncaughtExceptionHandler previous;
    private ComposeFixture fixture;

    @BeforeEach
    void setUp() {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> escaped.add(error));
        fixture = new ComposeFixture(profile);
        fixture.store.settings().setUndoWindow(Duration.ZERO);
        fixture.startSpooler(new PickupFolderTransport(profile.resolve("pickup")));
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    @Test
    void anythingTypedIsRefusedByFieldOrArrivesAsTyped() throws Exception {
        int sent = 0;
        for (int i = 0; i < 40; i++) {
            String context = random.describe() + ", message " + i;
            ComposeViewModel model = fixture.newViewModel();
            try {
                type(model);
                List<String> attached = attach(model, context);
                DraftContent typed = typedContent(model);
                model.sending().send();
                fixture.ui.runUntil(() -> model.sending().sendStateProperty().get() instanceof SendState.HandedOff
                        || !model.errorProperty().get().isEmpty(), WAIT, "sent or refused: " + context);
                if (model.sending().sendStateProperty().get() instanceof SendState.HandedOff) {
                    sent++;
                    checkArrived(typed, attached, sent, context);
                } else {
                    assertNamesTheField(model.errorProperty().get(), context);
                }
            } finally {
                model.dispose();
            }
            assertEquals(List.of(), escaped, "nothing escapes the view-model: " + context);
        }
        assertTrue(sent > 0, "some messages were sent: " + random.describe());
    }

    private void type(ComposeViewModel model) {
        model.message().to().commit(recipientText());
        if (random.random().nextInt(3) == 0) {
            model.message().cc().commit(recipientText());
        }
        if (random.random().nextInt(4) == 0) {
            model.message().bcc().commit(recipientText());
        }
        model.message().subjectProperty().set(random.anyString(random.random().nextInt(6) == 0 ? 900 : 80));
        model.message().bodyProperty().set(random.anyString(random.random().nextInt(6) == 0 ? 20_000 : 400));
    }

    /** Mostly good addresses with hostile names, sometimes hostile text outright. */
    private String recipientText() {
        return switch (random.random().nextInt(4)) {
            case 0 -> random.anyString(100);
            case 1 -> "\"" + random.anyString(20).replace("\"", "") + "\" <jane@example.org>";
            case 2 -> "jane@example.org\r\nBcc: spy@evil.example";
            default -> "bob" + random.from("abcxyz019", 0, 5) + "@example.org";
        };
    }

    private List<String> attach(ComposeViewModel model, String context) throws Exception {
        List<Path> paths = new ArrayList<>();
        int count = random.random().nextInt(3);
        for (int f = 0; f < count; f++) {
            String name = random.anyString(50).replace('/', '_').replace('\0', '_');
            try {
                Path folder = Files.createTempDirectory(files, "f");
                paths.add(Files.writeString(folder.resolve(name.isEmpty() ? "empty" : name), "file " + f));
            } catch (InvalidPathException | java.io.IOException e) {
                // A name the file system refuses is a file nobody can attach.
            }
        }
        if (paths.isEmpty()) {
            return List.of();
        }
        model.message().attach(paths);
        fixture.ui.runUntil(() -> model.sending().canSendProperty().get(), WAIT, "attached: " + context);
        String error = model.errorProperty().get();
        List<String> attached = model.message().attachments().stream().map(AttachmentItem::name).toList();
        if (attached.size() < paths.size()) {
            assertTrue(error.contains("Cannot attach"), "a refused file is named: " + context + ": " + error);
        }
        return attached;
    }

    private static DraftContent typedContent(ComposeViewModel model) {
        MessageViewModel message = model.message();
        List<dev.envoi.message.Recipient> recipients = new ArrayList<>();
        message.to().addresses().forEach(a -> recipients.add(new dev.envoi.message.Recipient(RecipientType.TO, a)));
        message.cc().addresses().forEach(a -> recipients.add(new dev.envoi.message.Recipient(RecipientType.CC, a)));
        message.bcc().addresses().forEach(a -> recipients.add(new dev.envoi.message.Recipient(RecipientType.BCC, a)));
        return new DraftContent(message.fromProperty().get(), recipients, message.subjectProperty().get(),
                message.bodyProperty().get(), List.of());
    }

    private void checkArrived(DraftContent typed, List<String> attached, int sentSoFar, String context) throws Exception {
        MessageSummary last = fixture.store.sent().get(0);
        DraftContent sent = fixture.store.sentContent(last.id());
        assertEquals(typed.from(), sent.from(), context);
        for (RecipientType type : RecipientType.values()) {
            List<MailAddress> want = typed.recipientsOf(type).stream().distinct().toList();
            assertTrue(sent.recipientsOf(type).stream().allMatch(want::contains), "no recipient added: " + context);
        }
        assertEquals(typed.subject(), sent.subject(), "the subject as typed (line breaks folded): " + context);
        assertTrue(typed.body().equals(sent.body()), "the body as typed: " + context);
        assertEquals(attached, sent.attachments().stream().map(Attachment::fileName).toList(), context);
        MimeRoundTrip.check(sent, fixture.store::readAttachment, context);
        try (Stream<Path> eml = Files.list(profile.resolve("pickup"))) {
            assertEquals(sentSoFar, eml.filter(p -> p.toString().endsWith(".eml")).count(),
                    "each sent message is one file in the pickup folder: " + context);
        }
    }

    private static void assertNamesTheField(String error, String context) {
        boolean named = Stream.of("To:", "Cc:", "Bcc:", "recipient", "From", "Could not send", "The subject")
                .anyMatch(error::contains);
        assertTrue(named, "the refusal names the field: " + context + ": " + error);
    }
}
