package dev.envoi.transport;

import dev.envoi.account.Account;
import dev.envoi.message.MailAddress;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Turns what Angus threw into what the spooler must do. Before the hand-off point a 4xx reply or a
 * broken connection is transient and a 5xx reply permanent; after it, a reply is still a definite
 * answer, but silence (a reset, a timeout, the connection closed) means nobody knows whether the
 * server has the message: UNCERTAIN.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    static String where(Account account) {
        return account.host() + ":" + account.port();
    }

    /** A failure while connecting, upgrading to TLS or greeting; nothing was sent. */
    static TransferException connecting(MessagingException e, int lastCode, String lastReply,
                                        RejectedCertificate rejected, Account account, SmtpTimeouts timeouts) {
        String server = where(account);
        if (rejected != null) {
            return new PermanentFailureException("Not sent: " + rejected.describe(account.host(), account.name()) + ".",
                    List.of(), null);
        }
        String text = String.valueOf(e.getMessage());
        if (text.contains("STARTTLS is required")) {
            return new PermanentFailureException("Not sent: " + server + " does not offer STARTTLS, which the account "
                    + "requires so that nothing travels unencrypted. Check the port and security settings of account "
                    + account.name() + ".", List.of(), null);
        }
        if (lastCode >= 400 && lastCode < 600 && !hasCause(e, java.io.IOException.class)) {
            return byCode(lastCode, server + " refused the connection: " + reply(lastReply), List.of());
        }
        SSLException ssl = cause(e, SSLException.class);
        if (ssl != null) {
            return tlsFailure(ssl, server);
        }
        return new TransientFailureException(networkProblem(e, account, timeouts) + " The message stays in the outbox "
                + "and will be tried again.", e);
    }

    private static TransferException tlsFailure(SSLException ssl, String server) {
        String text = String.valueOf(ssl.getMessage());
        if (text.contains("protocol") || text.contains("cipher") || text.contains("No appropriate")) {
            return new PermanentFailureException("Not sent: no secure connection to " + server + " could be agreed ("
                    + text + "). Envoi speaks TLS 1.2 and 1.3 only.", List.of(), null);
        }
        return new TransientFailureException("The secure connection to " + server + " failed (" + text + "). "
                + "The message stays in the outbox and will be tried again.", ssl);
    }

    /** What went wrong on the network, in words: refused, unknown host, no answer. */
    static String networkProblem(Throwable e, Account account, SmtpTimeouts timeouts) {
        String server = where(account);
        if (hasCause(e, UnknownHostException.class)) {
            return "The host name " + account.host() + " cannot be found (no network, or a typing mistake).";
        }
        if (hasCause(e, ConnectException.class)) {
            return server + " refused the connection (no mail server listens on that port, or it is down).";
        }
        if (hasCause(e, NoRouteToHostException.class)) {
            return "There is no route to " + server + " (no network).";
        }
        if (hasCause(e, SocketTimeoutException.class) || hasCause(e, InterruptedIOException.class)) {
            return server + " did not answer in time (waited up to " + timeouts.command().toSeconds() + " s).";
        }
        return "The connection to " + server + " failed: " + rootMessage(e) + ".";
    }

    /** A failure of MAIL, RCPT, DATA or the end of data. */
    static TransferException sending(MessagingException e, boolean handedOff, Account account, SmtpTimeouts timeouts) {
        String server = where(account);
        if (e instanceof SendFailedException refusal && !(e instanceof SMTPSendFailedException)
                && e.getNextException() instanceof SMTPAddressFailedException) {
            return recipientsRefused(refusal, server);
        }
        int code = e instanceof SMTPSendFailedException failed ? failed.getReturnCode() : -1;
        String command = e instanceof SMTPSendFailedException failed ? failed.getCommand() : "";
        if (code >= 400 && code < 600) {
            String stage = stageOf(command);
            return byCode(code, server + " refused the message " + stage + ": " + reply(e.getMessage()), List.of());
        }
        if (handedOff) {
            return new UncertainDeliveryException("Delivery uncertain: the whole message was sent to " + server
                    + " but " + silenceAfterEnd(e, timeouts) + ", so the server may or may not have it. It will not "
                    + "be sent again unless you say so.", e);
        }
        return new TransientFailureException("Sending to " + server + " broke off before the end of the message: "
                + networkProblem(e, account, timeouts) + " The server discards a message it did not receive whole; "
                + "it stays in the outbox and will be tried again.", e);
    }

    private static String silenceAfterEnd(MessagingException e, SmtpTimeouts timeouts) {
        if (hasCause(e, SocketTimeoutException.class)) {
            return "no reply came within " + timeouts.endOfData().toSeconds() + " s";
        }
        if (e instanceof SMTPSendFailedException) {
            return "the connection was closed before it replied";
        }
        return "the connection broke before it replied (" + rootMessage(e) + ")";
    }

    private static String stageOf(String command) {
        String c = command == null ? "" : command.toUpperCase(java.util.Locale.ROOT);
        if (c.startsWith("MAIL")) {
            return "at MAIL FROM";
        }
        if (c.startsWith("DATA")) {
            return "at DATA";
        }
        if (c.equals(".")) {
            return "after receiving it";
        }
        return c.isEmpty() ? "" : "at " + c;
    }

    private static TransferException recipientsRefused(SendFailedException e, String server) {
        List<MailAddress> refusedForGood = new ArrayList<>();
        List<String> details = new ArrayList<>();
        boolean anyTemporary = false;
        for (Exception next = e.getNextException(); next != null;
             next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException failed) {
                String address = failed.getAddress().getAddress();
                details.add(address + " (" + reply(failed.getMessage()) + ")");
                if (failed.getReturnCode() >= 500) {
                    refusedForGood.add(MailAddress.of(address));
                } else {
                    anyTemporary = true;
                }
            }
        }
        String list = String.join(", ", details);
        if (!refusedForGood.isEmpty()) {
            return new PermanentFailureException("Not sent: " + server + " refused "
                    + (refusedForGood.size() == 1 ? "a recipient" : refusedForGood.size() + " recipients") + ": "
                    + list + ". Nobody got the message; correct or remove the refused "
                    + (refusedForGood.size() == 1 ? "address" : "addresses") + " and send it again.", refusedForGood, e);
        }
        if (anyTemporary) {
            return new TransientFailureException(server + " cannot take mail for " + list + " now. Nobody got the "
                    + "message yet; it stays in the outbox and will be tried again.", e);
        }
        return new TransientFailureException(server + " refused the recipients: " + reply(e.getMessage()), e);
    }

    /** The addresses Angus reports as not sent after a partial delivery. */
    static List<String> notDelivered(SendFailedException e) {
        List<String> result = new ArrayList<>();
        for (Address[] list : new Address[][] {e.getInvalidAddresses(), e.getValidUnsentAddresses()}) {
            if (list != null) {
                for (Address a : list) {
                    result.add(a.toString());
                }
            }
        }
        return result;
    }

    private static TransferException byCode(int code, String text, List<MailAddress> refused) {
        if (code >= 500) {
            return new PermanentFailureException(text, refused, null);
        }
        return new TransientFailureException(text + " (a temporary refusal; the message stays in the outbox and "
                + "will be tried again)");
    }

    /** The server's own words, on one line. */
    static String reply(String text) {
        return text == null ? "" : text.strip().replaceAll("[\\r\\n]+", " ");
    }

    /**
     * True when a command failed because the connection was gone: no reply at all (Angus's return
     * code -1, its "[EOF]"), a 421 "closing", or a socket error; false for any reply of a live server.
     */
    static boolean connectionLost(MessagingException e) {
        if (e instanceof SMTPSendFailedException failed) {
            return failed.getReturnCode() == 421 || failed.getReturnCode() == -1;
        }
        if (e instanceof SMTPAddressFailedException refused) {
            return refused.getReturnCode() == 421 || refused.getReturnCode() == -1;
        }
        return hasCause(e, IOException.class);
    }

    static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        if (t.getCause() != null) {
            return t.getCause();
        }
        return t instanceof MessagingException m ? m.getNextException() : null;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = next(t)) {
            root = t;
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
