package dev.envoi.reliability;

import dev.envoi.message.EntryId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the killed process acknowledged before it died, per message: each line is printed only
 * after its step returned, so a line here means the step is durable, and a step without its line
 * may or may not have happened.
 */
final class ChildLog {

    /** What the user was told about one message. */
    static final class Acks {
        int lastSaved = -1;
        boolean submitStarted;
        boolean submitted;
        boolean cancelStarted;
        boolean cancelled;
    }

    private final Map<Integer, Acks> acks = new HashMap<>();

    static ChildLog ofCrashChild(List<String> lines) {
        ChildLog log = new ChildLog();
        for (String line : lines) {
            String[] words = line.split(" ");
            if (words.length < 3 || !words[0].equals("EV")) {
                continue;
            }
            Acks a = log.of(Integer.parseInt(words[2]));
            switch (words[1]) {
                case "saved" -> a.lastSaved = Math.max(a.lastSaved, Integer.parseInt(words[3]));
                case "submit" -> a.submitStarted = true;
                case "submitted" -> a.submitted = true;
                case "cancel" -> a.cancelStarted = true;
                case "cancelled" -> a.cancelled = true;
                default -> { }
            }
        }
        return log;
    }

    /** `envoi send` prints the queued message's id once the submit is committed. */
    static ChildLog ofSendCommand(List<String> stdout) {
        ChildLog log = new ChildLog();
        Acks a = log.of(0);
        a.submitStarted = true;
        a.submitted = stdout.stream().anyMatch(line -> EntryId.parseOrNull(line.strip()) != null);
        return log;
    }

    Acks of(int message) {
        return acks.computeIfAbsent(message, i -> new Acks());
    }
}
