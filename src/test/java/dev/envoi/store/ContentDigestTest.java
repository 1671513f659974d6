package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.message.Attachment;
import dev.envoi.message.DeliveryRequests;
import dev.envoi.message.DraftContent;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The integrity hash is stored with every message: a message that did not change must keep its hash. */
class ContentDigestTest {

    /** Hashes computed by schema version 3's code: stored hashes of existing messages must still verify. */
    static final String SIMPLE_HASH = "9eb7e48d351293ace1e3c8f3705f4657ce9dc39e943b4f5510f3bceb0ae4c05c";
    private static final String FULL_HASH = "e38abae509eaebc1f0419812d600ee39b79d3fe042675e8f9f17326204249b27";

    /** A message with every field, as version 3 could store it. */
    static DraftContent full() {
        return new DraftContent(new MailAddress("Émile Envoi", "emile@example.org"), List.of(
                new Recipient(RecipientType.TO, new MailAddress("Doe, Jane", "jane@example.org")),
                new Recipient(RecipientType.BCC, MailAddress.of("hidden@example.org"))),
                "Réunion", "Bonjour,\nà demain.\n",
                List.of(new Attachment("notes.txt", "text/plain", 5, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")));
    }

    @Test
    void theHashOfAMessageWithoutRequestsIsTheOneVersionThreeStored() {
        assertEquals(SIMPLE_HASH, ContentDigest.of(Drafts.simple("written by version three")));
        assertEquals(FULL_HASH, ContentDigest.of(full()));
    }

    @Test
    void eachRequestChangesTheHashSoATamperedFlagIsCaught() {
        DraftContent plain = full();
        List<String> hashes = List.of(ContentDigest.of(plain),
                ContentDigest.of(plain.withDeliveryRequests(new DeliveryRequests(true, false))),
                ContentDigest.of(plain.withDeliveryRequests(new DeliveryRequests(false, true))),
                ContentDigest.of(plain.withDeliveryRequests(new DeliveryRequests(true, true))));
        assertEquals(4, Set.copyOf(hashes).size(), hashes.toString());
        assertEquals(FULL_HASH, ContentDigest.of(plain.withDeliveryRequests(DeliveryRequests.NONE)));
    }
}
