package dev.envoi.compose;

import java.time.Instant;
import java.util.List;

/**
 * Compares every send state with every other, as a property does at each change of state, in a
 * JVM of its own ({@link SendStateEqualsTest}); prints how many pairs were equal.
 */
public final class SendStateComparisons {

    private SendStateComparisons() {
    }

    static List<SendState> everyKind() {
        Instant due = Instant.ofEpochSecond(1_800_000_000L);
        return List.of(new SendState.Editing(), new SendState.Submitting(), new SendState.Queued(due),
                new SendState.Transferring(5, 10), new SendState.Retrying(due, 2, "busy"),
                new SendState.HandedOff("250 ok"), new SendState.Uncertain("reset"), new SendState.Failed("gone"));
    }

    public static void main(String[] args) {
        int equal = 0;
        for (SendState one : everyKind()) {
            for (SendState other : everyKind()) {
                if (one.equals(other) && one.hashCode() == other.hashCode()) {
                    equal++;
                }
            }
        }
        System.out.println("equal pairs: " + equal);
    }
}
