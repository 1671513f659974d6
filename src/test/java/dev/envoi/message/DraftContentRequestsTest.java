package dev.envoi.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Delivery requests travel with the content through every change of it. */
class DraftContentRequestsTest {

    private static final DeliveryRequests BOTH = new DeliveryRequests(true, true);

    private static DraftContent content() {
        return new DraftContent(MailAddress.of("emile@example.org"), List.of(Recipient.to("jane@example.org")),
                "Hi", "Hello", List.of());
    }

    @Test
    void contentWrittenTheOldWayAsksNothing() {
        assertEquals(DeliveryRequests.NONE, content().deliveryRequests());
        assertEquals(DeliveryRequests.NONE, new DraftContent(null, List.of(), "", "", List.of(), null).deliveryRequests());
        assertTrue(DeliveryRequests.NONE.isNone());
        assertTrue(DraftContent.EMPTY.deliveryRequests().isNone());
    }

    @Test
    void everyChangeKeepsTheRequests() {
        DraftContent asking = content().withDeliveryRequests(BOTH);
        assertEquals(BOTH, asking.withFrom(MailAddress.of("other@example.org")).deliveryRequests());
        assertEquals(BOTH, asking.withRecipients(List.of()).deliveryRequests());
        assertEquals(BOTH, asking.withSubject("x").withBody("y").withAttachments(List.of()).deliveryRequests());
        assertEquals(content(), asking.withDeliveryRequests(DeliveryRequests.NONE));
    }

    @Test
    void eachRequestIsSetOnItsOwn() {
        DeliveryRequests receiptOnly = DeliveryRequests.NONE.withReadReceipt(true);
        assertFalse(receiptOnly.notifyDelivery());
        assertTrue(receiptOnly.readReceipt());
        assertFalse(receiptOnly.isNone());
        assertEquals(BOTH, receiptOnly.withNotifyDelivery(true));
        assertEquals(new DeliveryRequests(true, false), BOTH.withReadReceipt(false));
    }
}
