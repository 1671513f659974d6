package dev.envoi.compose;

import dev.envoi.message.DraftContent;
import dev.envoi.message.MailAddress;
import dev.envoi.message.RecipientType;
import dev.envoi.ui.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** "jane@example.org, bob@example.org · Cc: carol@example.org · 1 attachment, 2.0 KiB": who a message goes to. */
final class RecipientSummary {

    private final Texts texts;

    RecipientSummary(Texts texts) {
        this.texts = texts;
    }

    String of(DraftContent content) {
        List<String> parts = new ArrayList<>();
        List<MailAddress> to = content.recipientsOf(RecipientType.TO);
        List<MailAddress> cc = content.recipientsOf(RecipientType.CC);
        List<MailAddress> bcc = content.recipientsOf(RecipientType.BCC);
        if (!to.isEmpty()) {
            parts.add(join(to));
        }
        if (!cc.isEmpty()) {
            parts.add(texts.get("summary.cc", join(cc)));
        }
        if (!bcc.isEmpty()) {
            parts.add(texts.get("summary.bcc", join(bcc)));
        }
        int files = content.attachments().size();
        if (files > 0) {
            // A size should not break between its number and its unit.
            parts.add(texts.get("summary.attachments", files, texts.size(content.attachmentBytes()).replace(' ', '\u202f')));
        }
        return String.join("  ·  ", parts);
    }

    private static String join(List<MailAddress> addresses) {
        return addresses.stream().map(MailAddress::toDisplayString).collect(Collectors.joining(", "));
    }
}
