package dev.envoi.setup;

/** Autoconfig files in Thunderbird's format, for the tests. */
public final class Configs {

    private Configs() {
    }

    public static String smtp(String host, int port, String socketType) {
        return smtp(host, port, socketType, "password-cleartext");
    }

    public static String smtp(String host, int port, String socketType, String authentication) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <clientConfig version="1.1">
                  <emailProvider id="test">
                    <incomingServer type="pop3">
                      <hostname>pop.%1$s</hostname><port>995</port><socketType>SSL</socketType>
                    </incomingServer>
                    <incomingServer type="imap">
                      <hostname>imap.%1$s</hostname><port>993</port><socketType>SSL</socketType>
                      <username>%%EMAILADDRESS%%</username><authentication>password-cleartext</authentication>
                    </incomingServer>
                    <outgoingServer type="smtp">
                      <hostname>%2$s</hostname><port>%3$d</port><socketType>%4$s</socketType>
                      <username>%%EMAILLOCALPART%%</username><authentication>%5$s</authentication>
                    </outgoingServer>
                  </emailProvider>
                </clientConfig>
                """.formatted(domainOf(host), host, port, socketType, authentication);
    }

    private static String domainOf(String host) {
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(dot + 1);
    }
}
