package dev.envoi.setup;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A DNS server on a loopback UDP port that answers from a table (A, MX, SRV), NXDOMAIN for the
 * rest, or, once told to stall, nothing at all. Built from dnsjava's message classes.
 */
public final class LocalDns implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<String, List<Record>> answers = new ConcurrentHashMap<>();
    public final List<String> questions = new CopyOnWriteArrayList<>();
    private volatile boolean stall;

    public LocalDns() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread thread = new Thread(this::serve, "local-dns");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    public String hostPort() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    public LocalDns stall() {
        stall = true;
        return this;
    }

    public LocalDns a(String host, String ip) throws IOException {
        return add(new ARecord(name(host), DClass.IN, 60, InetAddress.getByName(ip)));
    }

    public LocalDns mx(String domain, int priority, String host) throws IOException {
        return add(new MXRecord(name(domain), DClass.IN, 60, priority, name(host)));
    }

    public LocalDns srv(String name, int priority, int port, String target) throws IOException {
        return add(new SRVRecord(name(name), DClass.IN, 60, priority, 1, port, name(target)));
    }

    private LocalDns add(Record record) {
        answers.computeIfAbsent(key(record.getName(), record.getType()), k -> new CopyOnWriteArrayList<>()).add(record);
        return this;
    }

    private static Name name(String text) throws TextParseException {
        return Name.fromString(text.endsWith(".") ? text : text + ".");
    }

    private static String key(Name name, int type) {
        return name.toString().toLowerCase() + "/" + Type.string(type);
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Record question = query.getQuestion();
                String key = key(question.getName(), question.getType());
                questions.add(key);
                if (stall) {
                    continue;
                }
                Message reply = new Message(query.getHeader().getID());
                reply.getHeader().setFlag(Flags.QR);
                reply.getHeader().setFlag(Flags.AA);
                reply.addRecord(question, Section.QUESTION);
                List<Record> found = answers.get(key);
                boolean nameKnown = answers.keySet().stream().anyMatch(k -> k.startsWith(
                        question.getName().toString().toLowerCase() + "/"));
                if (found != null) {
                    found.forEach(r -> reply.addRecord(r, Section.ANSWER));
                } else if (!nameKnown) {
                    reply.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                byte[] wire = reply.toWire();
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (IOException e) {
                // Closed, or a malformed query: the next one is served.
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
