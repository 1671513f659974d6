package dev.envoi.transport;

import dev.envoi.message.AddressParser;
import dev.envoi.message.Attachment;
import dev.envoi.message.DraftContent;
import dev.envoi.message.MailAddress;
import dev.envoi.message.ParsedAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import dev.envoi.testing.RandomText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile sender names, recipients, subjects, bodies and attachment names, each as a person might
 * paste them (control characters, CR and LF, quotes, very long lines, empty): every message the
 * domain accepts goes to MIME and parses back to the same fields, with no header added.
 */
class MimePropertiesTest {

    private final RandomText random = RandomText.fromSystemSeed();

    @Test
    void everyAcceptedMessageSurvivesTheMimeRoundTrip() throws Exception {
        for (int i = 0; i < 250; i++) {
            TestMessages attachments = new TestMessages();
            DraftContent content = new DraftContent(address(), recipients(), random.anyString(i % 7 == 0 ? 997 : 120),
                    random.anyString(i % 5 == 0 ? 5000 : 300), attachmentsFor(attachments));
            MimeRoundTrip.check(content, attachments, random.describe() + ", message " + i);
        }
    }

    private List<Recipient> recipients() {
        List<Recipient> recipients = new ArrayList<>();
        int count = 1 + random.random().nextInt(4);
        while (recipients.size() < count) {
            RecipientType type = RecipientType.values()[random.random().nextInt(3)];
            recipients.add(new Recipient(type, address()));
        }
        return recipients;
    }

    /** An address the parser accepts from hostile text, or a generated one with a hostile display name. */
    private MailAddress address() {
        while (true) {
            if (random.random().nextBoolean()) {
                for (ParsedAddress parsed : AddressParser.parseList(random.anyString(80))) {
                    if (parsed instanceof ParsedAddress.Valid valid) {
                        return valid.address();
                    }
                }
            }
            String local = random.from("abcxyz019_-+.=", 1, 12).replaceAll("^\\.+|\\.+$|\\.{2,}", "x");
            try {
                return new MailAddress(random.anyString(60), local + "@" + random.from("abcdefgh", 1, 8) + ".example");
            } catch (IllegalArgumentException refused) {
                // A name the domain refuses (a control character): the user is told; draw again.
            }
        }
    }

    private List<Attachment> attachmentsFor(TestMessages store) {
        List<Attachment> list = new ArrayList<>();
        int count = random.random().nextInt(3);
        while (list.size() < count) {
            String name = random.anyString(100);
            if (Attachment.problemWithName(name) == null) {
                byte[] bytes = new byte[random.random().nextInt(3000)];
                random.random().nextBytes(bytes);
                list.add(store.attachment(name, "application/octet-stream", bytes));
            }
        }
        return list;
    }
}
