package dev.envoi.compose;

import dev.envoi.message.MailAddress;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;

/**
 * Keeps the chosen sender and its identity in step: choosing a sender sets the identity; setting
 * an identity (a reopened draft, a --from) chooses the first sender of it, added when none has it.
 */
public final class FromChoice {

    private FromChoice() {
    }

    /**
     * New or changed accounts: each becomes a choice, or replaces the choice of the same account
     * (its address or name shown changed); choices of removed accounts stay, a draft may use them.
     */
    public static void merge(List<Sender> shown, List<Sender> fresh) {
        for (Sender choice : fresh) {
            if (choice.account().isEmpty()) {
                continue;
            }
            int at = indexOf(shown, choice.account().get());
            if (at < 0) {
                shown.add(choice);
            } else if (!shown.get(at).equals(choice)) {
                shown.set(at, choice);
            }
        }
    }

    private static int indexOf(List<Sender> shown, String account) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).account().filter(account::equals).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    static void link(ObservableList<Sender> senders, ObjectProperty<Sender> sender, ObjectProperty<MailAddress> from) {
        boolean[] updating = {false};
        sender.addListener((o, old, now) -> {
            if (!updating[0]) {
                updating[0] = true;
                from.set(now == null ? null : now.identity());
                updating[0] = false;
            }
        });
        from.addListener((o, old, now) -> {
            if (updating[0] || now == null || sender.get() != null && sender.get().identity().equals(now)) {
                return;
            }
            updating[0] = true;
            Sender match = senders.stream().filter(s -> s.identity().equals(now)).findFirst().orElseGet(() -> {
                Sender added = Sender.of(now);
                senders.add(added);
                return added;
            });
            sender.set(match);
            updating[0] = false;
        });
    }
}
