package dev.envoi.setup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The DNS questions the search asks (MX, SRV, and A for probed names), through dnsjava: the JDK
 * has no SRV or MX look-up that can be sent to a chosen resolver and port, which ENVOI_DNS needs.
 * Queries go straight to the resolver, without dnsjava's cache or search list.
 */
final class DnsLookup {

    /** A service record: where and how preferred (lower first). */
    record Service(String target, int port, int priority, int weight) {
    }

    private final Resolver resolver;
    private final boolean system;

    private DnsLookup(Resolver resolver, boolean system) {
        this.resolver = resolver;
        this.system = system;
    }

    /** The system's resolvers (resolv.conf, or the platform's settings). */
    static DnsLookup system(Duration timeout) {
        ExtendedResolver resolver = new ExtendedResolver();
        resolver.setTimeout(timeout);
        return new DnsLookup(resolver, true);
    }

    /** One resolver at host:port (ENVOI_DNS, tests). */
    static DnsLookup at(InetSocketAddress server, Duration timeout) {
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTimeout(timeout);
        return new DnsLookup(resolver, false);
    }

    /** The domain's mail exchangers, most preferred first. */
    List<String> mx(String domain) throws IOException {
        List<MXRecord> found = new ArrayList<>();
        for (Record r : ask(domain, Type.MX)) {
            if (r instanceof MXRecord mx) {
                found.add(mx);
            }
        }
        found.sort(Comparator.comparingInt(MXRecord::getPriority));
        return found.stream().map(mx -> mx.getTarget().toString(true)).toList();
    }

    /** The SRV records at that name, by priority then weight; RFC 2782's "." target (no service) left out. */
    List<Service> srv(String name) throws IOException {
        List<Service> found = new ArrayList<>();
        for (Record r : ask(name, Type.SRV)) {
            if (r instanceof SRVRecord srv && !srv.getTarget().equals(Name.root)) {
                found.add(new Service(srv.getTarget().toString(true), srv.getPort(), srv.getPriority(),
                        srv.getWeight()));
            }
        }
        found.sort(Comparator.comparingInt(Service::priority).thenComparing(Comparator.comparingInt(Service::weight)
                .reversed()));
        return found;
    }

    /** The addresses of a host, through the same resolver as the rest of the search. */
    List<InetAddress> addresses(String host) throws IOException {
        if (system) {
            return List.of(InetAddress.getAllByName(host));
        }
        List<InetAddress> found = new ArrayList<>();
        for (Record r : ask(host, Type.A)) {
            if (r instanceof ARecord a) {
                found.add(a.getAddress());
            }
        }
        if (found.isEmpty()) {
            throw new UnknownHostException(host);
        }
        return found;
    }

    private List<Record> ask(String name, int type) throws IOException {
        Name absolute;
        try {
            absolute = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new IOException("not a DNS name: " + name, e);
        }
        Message reply = resolver.send(Message.newQuery(Record.newRecord(absolute, type, DClass.IN)));
        if (reply.getRcode() != Rcode.NOERROR) {
            return List.of();
        }
        return reply.getSection(Section.ANSWER);
    }
}
