package dev.envoi.setup;

import java.util.Locale;

/** Where a discovery came from, in the order the finder asks. */
public enum Source {
    /** The list shipped with Envoi. */
    PRESET,
    /** The domain's own autoconfig file. */
    AUTOCONFIG,
    /** Thunderbird's ISPDB, for the address's domain. */
    ISPDB,
    /** Thunderbird's ISPDB, for the domain of the address's MX host. */
    MX,
    /** DNS SRV records (RFC 6186, RFC 8314). */
    SRV,
    /** Connecting to likely names and ports: a guess. */
    PROBE;

    /** The name scripts see (`--json`'s "source"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
