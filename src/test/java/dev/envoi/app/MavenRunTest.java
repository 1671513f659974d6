package dev.envoi.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * `mvn javafx:run -Djavafx.args=...`: the javafx-maven-plugin 0.0.8 splits the text at spaces,
 * keeps quoted words together and leaves their quotes on (seen running it: `--subject "Two words"`
 * gave the subject `"Two words"`); MavenRun gives Envoi the words the shell would have.
 */
class MavenRunTest {

    @Test
    void quotesThePluginLeftOnAreTakenOff() {
        assertArrayEquals(new String[] {"send", "--subject", "Two words", "--body=Dear Jane,", "it's", "x'"},
                MavenRun.unquote(new String[] {"send", "--subject", "\"Two words\"", "--body=\"Dear Jane,\"", "it's",
                    "x'"}));
        assertArrayEquals(new String[] {"Deux mots", "\"", "''"},
                MavenRun.unquote(new String[] {"'Deux mots'", "\"", "''''"}));
    }
}
