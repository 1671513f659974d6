package dev.envoi.setup;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Where and how long the search asks. Without overrides only public endpoints are asked: the
 * domain's own autoconfig hosts, Thunderbird's ISPDB, the system's DNS resolvers, the probed hosts.
 *
 * @param autoconfigBase ENVOI_AUTOCONFIG_BASE, or null: Envoi asks BASE/DOMAIN/mail/config-v1.1.xml
 *                       instead of the domain's two autoconfig URLs
 * @param ispdb where the ISPDB is (the domain is appended); ENVOI_ISPDB_URL overrides it
 * @param dns ENVOI_DNS (host:port), or null for the system's resolvers
 * @param tls the authorities HTTPS and the probe's TLS trust (the system's in use)
 * @param probePorts where the probe really connects for 465 and 587: empty in use, for tests only
 * @param stepTimeout how long one step may take
 * @param totalTimeout how long the whole search may take
 */
public record FinderSettings(URI autoconfigBase, URI ispdb, InetSocketAddress dns, SSLContext tls,
                             Map<Integer, Integer> probePorts, Duration stepTimeout, Duration totalTimeout) {

    public static final URI PUBLIC_ISPDB = URI.create("https://autoconfig.thunderbird.net/v1.1/");

    public FinderSettings {
        probePorts = Map.copyOf(probePorts);
    }

    /** The settings the environment asks for: ENVOI_AUTOCONFIG_BASE, ENVOI_ISPDB_URL, ENVOI_DNS. */
    public static FinderSettings fromEnvironment(Map<String, String> env) {
        URI base = uri(env, "ENVOI_AUTOCONFIG_BASE");
        URI ispdb = uri(env, "ENVOI_ISPDB_URL");
        InetSocketAddress dns = null;
        String resolver = env.getOrDefault("ENVOI_DNS", "").strip();
        if (!resolver.isEmpty()) {
            int colon = resolver.lastIndexOf(':');
            try {
                String host = colon < 0 ? resolver : resolver.substring(0, colon).replaceAll("^\\[|]$", "");
                int port = colon < 0 ? 53 : Integer.parseInt(resolver.substring(colon + 1));
                dns = new InetSocketAddress(host, port);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ENVOI_DNS: \"" + resolver + "\" is not host:port");
            }
        }
        try {
            return new FinderSettings(base, ispdb == null ? PUBLIC_ISPDB : ispdb, dns, SSLContext.getDefault(), Map.of(),
                    Duration.ofSeconds(4), Duration.ofSeconds(10));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no TLS", e);
        }
    }

    public FinderSettings withTls(SSLContext context) {
        return new FinderSettings(autoconfigBase, ispdb, dns, context, probePorts, stepTimeout, totalTimeout);
    }

    /** For tests: probe these ports instead of 465 and 587. */
    public FinderSettings withProbePorts(Map<Integer, Integer> ports) {
        return new FinderSettings(autoconfigBase, ispdb, dns, tls, ports, stepTimeout, totalTimeout);
    }

    public FinderSettings withTimeouts(Duration step, Duration total) {
        return new FinderSettings(autoconfigBase, ispdb, dns, tls, probePorts, step, total);
    }

    private static URI uri(Map<String, String> env, String name) {
        String value = env.getOrDefault(name, "").strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            URI uri = URI.create(value.endsWith("/") ? value : value + "/");
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException("not http");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": \"" + value + "\" is not an http or https URL");
        }
    }
}
