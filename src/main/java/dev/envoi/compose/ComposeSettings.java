package dev.envoi.compose;

import java.time.Duration;

/**
 * How a compose window behaves: autosave delay after a change, how long a sent message's window
 * stays open (zero keeps it open), and the size above which Send warns (0 for no limit).
 */
public record ComposeSettings(Duration autosaveDelay, Duration closeAfterSend, long sizeLimit) {

    public static final ComposeSettings DEFAULT = new ComposeSettings(Duration.ofSeconds(3), Duration.ofSeconds(2),
            25L * 1024 * 1024);
}
