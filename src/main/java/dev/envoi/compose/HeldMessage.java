package dev.envoi.compose;

import dev.envoi.i18n.VisibleText;
import dev.envoi.message.DraftContent;
import dev.envoi.message.RecipientType;
import dev.envoi.ui.Texts;
import java.util.stream.Collectors;

/**
 * What a compose window still shows of a message it has submitted: each recipient field and the
 * attachment list as words. After a successful submit the window lets go of its recipient lists,
 * attachments and draft handle (DESIGN.md), yet it should read as before while the message is on
 * its way; these words are all it keeps.
 */
public record HeldMessage(String to, String cc, String bcc, String attachments, String totalSize) {

    /** Nothing held: the window is editing. */
    public static final HeldMessage NONE = new HeldMessage("", "", "", "", "");

    /** The words for {@code content}; pure, so it runs off the FX thread. */
    static HeldMessage of(DraftContent content, Texts texts) {
        String files = content.attachments().stream()
                .map(a -> texts.get("held.attachment", VisibleText.of(a.fileName()), texts.size(a.size())))
                .collect(Collectors.joining("  ·  "));
        return new HeldMessage(addresses(content, RecipientType.TO), addresses(content, RecipientType.CC),
                addresses(content, RecipientType.BCC), files, files.isEmpty() ? "" : texts.size(content.attachmentBytes()));
    }

    private static String addresses(DraftContent content, RecipientType type) {
        return content.recipientsOf(type).stream().map(a -> VisibleText.of(a.toDisplayString()))
                .collect(Collectors.joining(", "));
    }
}
