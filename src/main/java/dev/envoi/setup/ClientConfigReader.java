package dev.envoi.setup;

import dev.envoi.account.SmtpSecurity;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a Thunderbird autoconfig file (config-v1.1.xml, the format of the ISPDB and of a domain's
 * own autoconfig). The file comes from the network, so the parser refuses any DOCTYPE: no
 * external entity, no DTD, no entity expansion can reach the file system or the network.
 */
final class ClientConfigReader {

    private ClientConfigReader() {
    }

    /** The best outgoing SMTP server of the file (and IMAP server, if any), for this address. */
    static Optional<Discovery> read(InputStream xml, String address, Source source, String origin)
            throws IOException {
        Element root = parse(xml).getDocumentElement();
        if (!root.getTagName().equals("clientConfig")) {
            throw new IOException("not a clientConfig file (root element " + root.getTagName() + ")");
        }
        Optional<Candidate> smtp = best(root, "outgoingServer", "smtp", address);
        if (smtp.isEmpty()) {
            return Optional.empty();
        }
        Endpoint imap = best(root, "incomingServer", "imap", address).map(Candidate::endpoint).orElse(null);
        Candidate out = smtp.get();
        return Optional.of(new Discovery(out.endpoint(), imap, out.signIn(), out.user(), source, origin));
    }

    private static Document parse(InputStream xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // The JDK's default handler prints each error on stderr; the caller reports it instead.
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(xml);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a safety feature", e);
        } catch (SAXException e) {
            throw new IOException("not a readable autoconfig file: " + e.getMessage(), e);
        }
    }

    private record Candidate(Endpoint endpoint, SignIn signIn, String user) {
    }

    /** Among the servers of that kind, the best protected; TLS before STARTTLS before none. */
    private static Optional<Candidate> best(Element root, String tag, String type, String address) {
        NodeList servers = root.getElementsByTagName(tag);
        List<Candidate> found = new ArrayList<>();
        for (int i = 0; i < servers.getLength(); i++) {
            Element server = (Element) servers.item(i);
            if (!type.equalsIgnoreCase(server.getAttribute("type"))) {
                continue;
            }
            try {
                found.add(candidate(server, address));
            } catch (IllegalArgumentException e) {
                // A server entry without a usable host, port or security: the next one may do.
            }
        }
        return found.stream().min((a, b) -> Integer.compare(a.endpoint().security().ordinal(),
                b.endpoint().security().ordinal()));
    }

    private static Candidate candidate(Element server, String address) {
        String host = text(server, "hostname");
        int port = Integer.parseInt(text(server, "port").strip());
        SmtpSecurity security = switch (text(server, "socketType").strip().toUpperCase(Locale.ROOT)) {
            case "SSL", "TLS" -> SmtpSecurity.TLS;
            case "STARTTLS" -> SmtpSecurity.STARTTLS;
            case "PLAIN" -> SmtpSecurity.NONE;
            default -> throw new IllegalArgumentException("unknown socketType");
        };
        Endpoint endpoint = new Endpoint(host, port, security);
        SignIn signIn = signIn(server);
        if (signIn.method() == dev.envoi.account.AuthMethod.OAUTH2) {
            signIn = SignIn.oauth(oauthProvider(endpoint.host()));
        }
        return new Candidate(endpoint, signIn, user(text(server, "username"), address));
    }

    /** A password when the server takes one (Envoi can always give it), else OAuth2, else none. */
    private static SignIn signIn(Element server) {
        NodeList methods = server.getElementsByTagName("authentication");
        boolean oauth = false;
        boolean none = methods.getLength() == 0;
        for (int i = 0; i < methods.getLength(); i++) {
            String method = methods.item(i).getTextContent().strip().toLowerCase(Locale.ROOT);
            switch (method) {
                case "password-cleartext", "password-encrypted", "plain", "secure" -> {
                    return SignIn.PASSWORD;
                }
                case "oauth2" -> oauth = true;
                case "none", "client-ip-address" -> none = true;
                default -> { }
            }
        }
        return oauth ? SignIn.oauth("") : none ? SignIn.NONE : SignIn.PASSWORD;
    }

    /** The OAuth provider id the sign-in knows for a server, or "" (the file does not name one). */
    private static String oauthProvider(String host) {
        String domain = Steps.registeredDomain(host);
        return switch (domain) {
            case "gmail.com", "googlemail.com", "google.com" -> "google";
            case "office365.com", "outlook.com", "hotmail.com", "live.com" -> "microsoft";
            default -> "";
        };
    }

    /** Thunderbird's placeholders, filled in for this address. */
    static String user(String pattern, String address) {
        int at = address.lastIndexOf('@');
        return pattern.strip().replace("%EMAILADDRESS%", address).replace("%EMAILLOCALPART%", address.substring(0, at))
                .replace("%EMAILDOMAIN%", address.substring(at + 1));
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        if (nodes.getLength() == 0) {
            if (tag.equals("username")) {
                return "%EMAILADDRESS%";
            }
            throw new IllegalArgumentException("no " + tag);
        }
        return nodes.item(0).getTextContent();
    }
}
