package dev.envoi.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without overrides only the public endpoints are asked; with them, exactly the URLs the issue names. */
class FinderSettingsTest {

    private static List<String> asked(FinderSettings settings) {
        return new Steps(settings, null, null, null, null).all("emile@example.org", "example.org").stream()
                .map(Steps.Step::asked).toList();
    }

    @Test
    void withoutOverridesOnlyThePublicEndpointsAreAsked() {
        FinderSettings settings = FinderSettings.fromEnvironment(Map.of());
        assertNull(settings.dns(), "the system's resolvers");
        assertEquals(List.of(
                "https://autoconfig.example.org/mail/config-v1.1.xml?emailaddress=emile%40example.org",
                "https://example.org/.well-known/autoconfig/mail/config-v1.1.xml",
                "https://autoconfig.thunderbird.net/v1.1/example.org",
                "MX example.org",
                "SRV _submissions._tcp.example.org, _submission._tcp.example.org",
                "smtp.example.org, mail.example.org on 465 and 587"), asked(settings));
    }

    @Test
    void theOverridesReplaceThem() {
        FinderSettings settings = FinderSettings.fromEnvironment(Map.of("ENVOI_AUTOCONFIG_BASE",
                "http://config.test:8080/base", "ENVOI_ISPDB_URL", "https://ispdb.test/v1.1", "ENVOI_DNS",
                "127.0.0.1:5353"));
        assertEquals(5353, settings.dns().getPort());
        List<String> asked = asked(settings);
        assertEquals("http://config.test:8080/base/example.org/mail/config-v1.1.xml?emailaddress=emile%40example.org",
                asked.get(0));
        assertEquals("https://ispdb.test/v1.1/example.org", asked.get(1));
    }

    @Test
    void badOverridesAreNamed() {
        assertEquals("ENVOI_DNS: \"nowhere:port\" is not host:port", assertThrows(IllegalArgumentException.class,
                () -> FinderSettings.fromEnvironment(Map.of("ENVOI_DNS", "nowhere:port"))).getMessage());
        assertEquals("ENVOI_ISPDB_URL: \"ftp://x\" is not an http or https URL", assertThrows(
                IllegalArgumentException.class, () -> FinderSettings.fromEnvironment(Map.of("ENVOI_ISPDB_URL",
                        "ftp://x"))).getMessage());
    }
}
