package dev.envoi.transport;

import java.util.Locale;
import java.util.Map;

/**
 * What a program Envoi starts may inherit from Envoi's environment. A child process reads its
 * whole environment and may log it or pass it on (a sendmail wrapper, a queue runner), so no
 * secret Envoi was given reaches it: none of Envoi's own variables ({@code ENVOI_SMTP_PASSWORD}
 * and whatever else {@code ENVOI_*} holds; the child needs none of them), nor any variable whose
 * name says it holds a secret.
 */
final class ChildEnvironment {

    private ChildEnvironment() {
    }

    /** Removes the secrets from {@code builder}'s environment and returns it. */
    static ProcessBuilder withoutSecrets(ProcessBuilder builder) {
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(ChildEnvironment::isSecret);
        return builder;
    }

    static boolean isSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("ENVOI_") || upper.contains("PASSWORD") || upper.contains("SECRET")
                || upper.contains("TOKEN");
    }
}
