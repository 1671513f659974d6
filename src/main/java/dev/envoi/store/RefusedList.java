package dev.envoi.store;

import dev.envoi.message.MailAddress;
import java.util.Arrays;
import java.util.List;

/** Refused recipients kept in one column, one bare address a line (addresses hold no line break). */
final class RefusedList {

    private RefusedList() {
    }

    static String format(List<MailAddress> refused) {
        return refused.isEmpty() ? null : String.join("\n", refused.stream().map(MailAddress::address).toList());
    }

    static List<MailAddress> parse(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(column.split("\n")).map(MailAddress::of).toList();
    }
}
