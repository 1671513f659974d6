package dev.envoi.compose;

import dev.envoi.message.ByteSizes;
import dev.envoi.message.DraftContent;
import dev.envoi.message.MailAddress;
import dev.envoi.message.RecipientType;
import java.util.List;
import java.util.stream.Collectors;

/** "jane@example.org, bob@example.org · Cc: carol@example.org · 1 attachment, 2.0 KiB": who a message goes to, on one line. */
final class RecipientSummary {

    private RecipientSummary() {
    }

    static String of(DraftContent content) {
        StringBuilder line = new StringBuilder(join(content.recipientsOf(RecipientType.TO)));
        append(line, "Cc: ", content.recipientsOf(RecipientType.CC));
        append(line, "Bcc: ", content.recipientsOf(RecipientType.BCC));
        int files = content.attachments().size();
        if (files > 0) {
            line.append("  ·  ").append(files).append(files == 1 ? " attachment, " : " attachments, ")
                    .append(ByteSizes.human(content.attachmentBytes()).replace(" ", "\u00a0"));
        }
        return line.toString();
    }

    private static void append(StringBuilder line, String label, List<MailAddress> addresses) {
        if (!addresses.isEmpty()) {
            line.append(line.length() == 0 ? "" : "  ·  ").append(label).append(join(addresses));
        }
    }

    private static String join(List<MailAddress> addresses) {
        return addresses.stream().map(MailAddress::toDisplayString).collect(Collectors.joining(", "));
    }
}
