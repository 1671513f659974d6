package dev.envoi.setup;

import dev.envoi.account.SmtpSecurity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The providers shipped with Envoi (presets.txt beside this class), by the domains of their addresses. */
final class Presets {

    private record Preset(String id, Endpoint smtp, Endpoint imap, SignIn signIn, String user) {
    }

    private final Map<String, Preset> byDomain;

    private Presets(Map<String, Preset> byDomain) {
        this.byDomain = Map.copyOf(byDomain);
    }

    static Presets shipped() {
        try (InputStream in = Presets.class.getResourceAsStream("presets.txt")) {
            if (in == null) {
                throw new IllegalStateException("presets.txt is missing from the build");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The preset for this address's domain. */
    Optional<Discovery> find(String address) {
        String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(byDomain.get(domain)).map(p -> new Discovery(p.smtp(), p.imap(), p.signIn(),
                ClientConfigReader.user(p.user(), address), Source.PRESET, p.id()));
    }

    private static Presets parse(BufferedReader lines) throws IOException {
        Map<String, Preset> byDomain = new HashMap<>();
        String line;
        while ((line = lines.readLine()) != null) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 6) {
                throw new IllegalStateException("presets.txt: six columns expected: " + line);
            }
            SignIn signIn = f[4].startsWith("oauth2:") ? SignIn.oauth(f[4].substring(7)) : SignIn.PASSWORD;
            Preset preset = new Preset(f[0], endpoint(f[2]), f[3].equals("-") ? null : endpoint(f[3]), signIn, f[5]);
            for (String domain : f[1].split(",")) {
                byDomain.put(domain.toLowerCase(Locale.ROOT), preset);
            }
        }
        return new Presets(byDomain);
    }

    private static Endpoint endpoint(String text) {
        String[] p = text.split(":");
        return new Endpoint(p[0], Integer.parseInt(p[1]), SmtpSecurity.valueOf(p[2].toUpperCase(Locale.ROOT)));
    }
}
