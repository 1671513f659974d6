package dev.envoi.setup;

import java.util.List;
import java.util.Optional;

/** The outcome of a search: the settings taken, if any, and what each step did. */
public record Finding(Optional<Discovery> discovery, List<Attempt> attempts) {

    public Finding {
        attempts = List.copyOf(attempts);
    }
}
