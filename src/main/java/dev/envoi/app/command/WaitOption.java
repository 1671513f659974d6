package dev.envoi.app.command;

import dev.envoi.app.cli.ParsedArgs;
import dev.envoi.app.cli.Printable;
import dev.envoi.app.cli.UsageException;
import java.time.Duration;
import java.util.Optional;

/** --wait, --wait=SECONDS: how long a command waits for the spooler's outcome. */
final class WaitOption {

    static final Duration DEFAULT = Duration.ofMinutes(5);

    private WaitOption() {
    }

    static Optional<Duration> read(ParsedArgs args) throws UsageException {
        Optional<String> value = args.value("wait");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().isEmpty()) {
            return Optional.of(DEFAULT);
        }
        try {
            long seconds = Long.parseLong(value.get().strip());
            if (seconds < 0 || seconds > 7 * 24 * 3600) {
                throw new UsageException("--wait: " + seconds + " seconds is out of range (0 to a week)");
            }
            return Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            throw new UsageException("--wait: \"" + Printable.of(value.get()) + "\" is not a whole number of seconds");
        }
    }
}
