package dev.envoi.app.instance;

import java.nio.file.Path;

/**
 * The files in a profile folder through which a later launch finds the Envoi already running on
 * it: the lock that running Envoi holds, and its Unix socket or, where Unix sockets are not
 * available, the file naming its loopback port and token. All are the owner's only, like the
 * rest of the profile: the folder being the user's own is what the channel's trust rests on.
 */
public record InstanceFiles(Path profile) {

    Path lock() {
        return profile.resolve("instance.lock");
    }

    Path socket() {
        return profile.resolve("instance.sock");
    }

    Path tcp() {
        return profile.resolve("instance.tcp");
    }
}
