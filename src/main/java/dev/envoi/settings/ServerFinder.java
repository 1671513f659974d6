package dev.envoi.settings;

import dev.envoi.setup.Finding;

/** Finds an address's servers (the app gives {@code AccountFinder}); blocks on the network: never on the FX thread. */
@FunctionalInterface
public interface ServerFinder {

    Finding find(String address);
}
