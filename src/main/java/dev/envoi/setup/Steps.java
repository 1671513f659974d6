package dev.envoi.setup;

import dev.envoi.account.SmtpSecurity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The network steps of the search, after the presets, each a task the finder runs with a deadline. */
final class Steps {

    /** One step: its source, what it asks, how long it may take, and the work. */
    record Step(Source source, String asked, Duration timeout, Callable<Answer> work) {
    }

    /** A step's answer: the settings (or null), whether they came over a channel no one could change, and a note. */
    record Answer(Discovery found, boolean secure, String detail) {
        static Answer nothing(String detail) {
            return new Answer(null, true, detail);
        }
    }

    private final FinderSettings settings;
    private final ConfigFetcher http;
    private final DnsLookup dns;
    private final SmtpProbe probe;
    private final Presets presets;

    Steps(FinderSettings settings, ConfigFetcher http, DnsLookup dns, SmtpProbe probe, Presets presets) {
        this.settings = settings;
        this.presets = presets;
        this.http = http;
        this.dns = dns;
        this.probe = probe;
    }

    List<Step> all(String address, String domain) {
        Duration step = settings.stepTimeout();
        String query = "?emailaddress=" + URLEncoder.encode(address, StandardCharsets.UTF_8);
        List<Step> steps = new ArrayList<>();
        if (settings.autoconfigBase() != null) {
            steps.add(file(Source.AUTOCONFIG, settings.autoconfigBase().resolve(domain + "/mail/config-v1.1.xml" + query),
                    address, step));
        } else {
            steps.add(file(Source.AUTOCONFIG, URI.create("https://autoconfig." + domain + "/mail/config-v1.1.xml" + query),
                    address, step));
            steps.add(file(Source.AUTOCONFIG,
                    URI.create("https://" + domain + "/.well-known/autoconfig/mail/config-v1.1.xml"), address, step));
        }
        steps.add(file(Source.ISPDB, settings.ispdb().resolve(domain), address, step));
        // Two questions in a row (DNS, then the ISPDB): twice the time of one.
        steps.add(new Step(Source.MX, "MX " + domain, step.multipliedBy(2), () -> viaMx(address, domain, step)));
        steps.add(new Step(Source.SRV, "SRV _submissions._tcp." + domain + ", _submission._tcp." + domain, step,
                () -> srv(address, domain)));
        steps.add(new Step(Source.PROBE, "smtp." + domain + ", mail." + domain + " on 465 and 587", step,
                () -> probe(address, domain, step)));
        return steps;
    }

    private Step file(Source source, URI url, String address, Duration timeout) {
        return new Step(source, url.toString(), timeout, () -> fetch(source, url, address, timeout));
    }

    private Answer fetch(Source source, URI url, String address, Duration timeout) throws Exception {
        Optional<ConfigFetcher.Fetched> fetched = http.fetch(url, timeout);
        if (fetched.isEmpty()) {
            return Answer.nothing("no file there");
        }
        ConfigFetcher.Fetched file = fetched.get();
        Optional<Discovery> found = ClientConfigReader.read(new ByteArrayInputStream(file.body()), address, source,
                file.from().toString());
        return found.map(d -> new Answer(d, file.secure(), "")).orElse(Answer.nothing("no SMTP server in the file"));
    }

    private Answer viaMx(String address, String domain, Duration timeout) throws Exception {
        List<String> exchangers = dns.mx(domain);
        if (exchangers.isEmpty()) {
            return Answer.nothing("no MX record");
        }
        String mxDomain = registeredDomain(exchangers.get(0));
        if (mxDomain.equals(domain)) {
            return Answer.nothing("the MX host " + exchangers.get(0) + " is in the domain itself");
        }
        String note = "MX " + exchangers.get(0) + " -> " + mxDomain;
        // A provider Envoi knows (Google Workspace, Microsoft 365) needs no ISPDB, and keeps its OAuth provider id.
        Optional<Discovery> known = presets.find(address.substring(0, address.lastIndexOf('@')) + "@" + mxDomain);
        if (known.isPresent()) {
            Discovery d = known.get();
            return new Answer(new Discovery(d.smtp(), d.imap(), d.signIn(), address, Source.MX,
                    d.origin() + " (" + note + ")"), true, note);
        }
        Answer answer = fetch(Source.MX, settings.ispdb().resolve(mxDomain), address, timeout);
        return answer.found() == null ? Answer.nothing(note + ": " + answer.detail())
                : new Answer(answer.found(), answer.secure(), note);
    }

    /**
     * The domain a host name belongs to, without the public suffix list: the last two labels, or
     * three under a short second-level label of a country (mail.example.co.uk -> example.co.uk).
     */
    static String registeredDomain(String host) {
        String[] labels = host.split("\\.");
        int n = labels.length;
        if (n <= 2) {
            return host;
        }
        boolean countrySecondLevel = labels[n - 1].length() == 2 && labels[n - 2].length() <= 3;
        int keep = countrySecondLevel ? Math.min(3, n) : 2;
        return String.join(".", java.util.Arrays.copyOfRange(labels, n - keep, n));
    }

    private Answer srv(String address, String domain) throws IOException {
        Endpoint smtp = first(dns.srv("_submissions._tcp." + domain), SmtpSecurity.TLS);
        if (smtp == null) {
            smtp = first(dns.srv("_submission._tcp." + domain), SmtpSecurity.STARTTLS);
        }
        if (smtp == null) {
            return Answer.nothing("no SRV record for submission");
        }
        Endpoint imap = first(dns.srv("_imaps._tcp." + domain), SmtpSecurity.TLS);
        if (imap == null) {
            imap = first(dns.srv("_imap._tcp." + domain), SmtpSecurity.STARTTLS);
        }
        // DNS answers are not signed here: Safety treats them like plain HTTP.
        return new Answer(new Discovery(smtp, imap, SignIn.PASSWORD, address, Source.SRV, "DNS SRV of " + domain),
                false, "");
    }

    private static Endpoint first(List<DnsLookup.Service> services, SmtpSecurity security) {
        return services.isEmpty() ? null : new Endpoint(services.get(0).target(), services.get(0).port(), security);
    }

    /**
     * smtp.DOMAIN then mail.DOMAIN, on 465 (implicit TLS, RFC 8314's choice) then 587. The
     * first that answers in that order wins; one that offers no TLS at all is reported, so Safety
     * refuses it rather than the search going on as if nothing were there.
     */
    private Answer probe(String address, String domain, Duration timeout) {
        List<String> failures = new ArrayList<>();
        Endpoint plainOnly = null;
        for (int port : new int[] {SmtpSecurity.TLS.defaultPort(), SmtpSecurity.STARTTLS.defaultPort()}) {
            for (String host : List.of("smtp." + domain, "mail." + domain)) {
                try {
                    Endpoint found = probe.probe(host, port, timeout.dividedBy(2));
                    if (found.security() != SmtpSecurity.NONE) {
                        return new Answer(new Discovery(found, null, SignIn.PASSWORD, address, Source.PROBE,
                                found.host() + ":" + found.port()), true, "");
                    }
                    plainOnly = plainOnly == null ? found : plainOnly;
                } catch (IOException e) {
                    failures.add(host + ":" + port + " " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()));
                }
            }
        }
        if (plainOnly != null) {
            return new Answer(new Discovery(plainOnly, null, SignIn.PASSWORD, address, Source.PROBE,
                    plainOnly.host() + ":" + plainOnly.port()), true, "");
        }
        return Answer.nothing(String.join("; ", failures));
    }
}
