package dev.envoi.transport;

import dev.envoi.account.Account;
import dev.envoi.i18n.Sentences;
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

    private static final Sentences WORDS = Sentences.of(SmtpFailures.class);

    private SmtpFailures() {
    }

    /** How a failure to connect ends for a message in the outbox. */
    enum Outcome {
        /** Refused for good: "Not sent: ...". */
        NOT_SENT,
        /** A server's 5xx reply, which says it all. */
        REFUSED,
        /** A server's 4xx reply: tried again later. */
        REFUSED_FOR_NOW,
        /** The network or TLS failed: tried again later. */
        RETRY
    }

    /**
     * What went wrong while connecting, in words that suit both a queued message (wrapped by
     * {@link #asFailure()} with what happens to it) and a connection test (shown as it is).
     */
    record ConnectProblem(String text, Outcome outcome, Throwable cause) {

        TransferException asFailure() {
            return switch (outcome) {
                case NOT_SENT -> new PermanentFailureException(WORDS.get("outcome.notSent", text), List.of(), null);
                case REFUSED -> new PermanentFailureException(text, List.of(), null);
                case REFUSED_FOR_NOW -> new TransientFailureException(WORDS.get("outcome.temporaryRefusal", text));
                case RETRY -> new TransientFailureException(WORDS.get("outcome.retry", text), cause);
            };
        }
    }

    static String where(Account account) {
        return account.host() + ":" + account.port();
    }

    /** A failure while connecting, upgrading to TLS or greeting; nothing was sent. */
    static TransferException connecting(MessagingException e, int lastCode, String lastReply,
                                        RejectedCertificate rejected, Account account, SmtpTimeouts timeouts) {
        return connectProblem(e, lastCode, lastReply, rejected, account, timeouts).asFailure();
    }

    static ConnectProblem connectProblem(MessagingException e, int lastCode, String lastReply,
                                         RejectedCertificate rejected, Account account, SmtpTimeouts timeouts) {
        String server = where(account);
        if (rejected != null) {
            return new ConnectProblem(rejected.describe(account.host(), account.name()), Outcome.NOT_SENT, null);
        }
        String text = String.valueOf(e.getMessage());
        if (text.contains("STARTTLS is required")) {
            return new ConnectProblem(WORDS.get("connect.noStartTls", server, account.name()), Outcome.NOT_SENT, null);
        }
        if (lastCode >= 400 && lastCode < 600 && !hasCause(e, java.io.IOException.class)) {
            return new ConnectProblem(WORDS.get("connect.refused", server, reply(lastReply)),
                    lastCode >= 500 ? Outcome.REFUSED : Outcome.REFUSED_FOR_NOW, null);
        }
        SSLException ssl = cause(e, SSLException.class);
        if (ssl != null) {
            return tlsProblem(ssl, server);
        }
        return new ConnectProblem(networkProblem(e, account, timeouts), Outcome.RETRY, e);
    }

    private static ConnectProblem tlsProblem(SSLException ssl, String server) {
        String text = String.valueOf(ssl.getMessage());
        if (text.contains("protocol") || text.contains("cipher") || text.contains("No appropriate")) {
            return new ConnectProblem(WORDS.get("tls.noAgreement", server, text), Outcome.NOT_SENT, null);
        }
        return new ConnectProblem(WORDS.get("tls.failed", server, text), Outcome.RETRY, ssl);
    }

    /** What went wrong on the network, in words: refused, unknown host, no answer. */
    static String networkProblem(Throwable e, Account account, SmtpTimeouts timeouts) {
        return networkProblem(e, account.host(), account.port(), timeouts);
    }

    /** As for an account's SMTP server, for any server (the account's IMAP server). */
    static String networkProblem(Throwable e, String host, int port, SmtpTimeouts timeouts) {
        String server = host + ":" + port;
        if (hasCause(e, UnknownHostException.class)) {
            return WORDS.get("network.unknownHost", host);
        }
        if (hasCause(e, ConnectException.class)) {
            return WORDS.get("network.refused", server);
        }
        if (hasCause(e, NoRouteToHostException.class)) {
            return WORDS.get("network.noRoute", server);
        }
        if (hasCause(e, SocketTimeoutException.class) || hasCause(e, InterruptedIOException.class)) {
            return WORDS.get("network.timeout", server, timeouts.command().toSeconds());
        }
        return WORDS.get("network.failed", server, rootMessage(e));
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
            return byCode(code, WORDS.get("send.refused", server, stageOf(command), reply(e.getMessage())));
        }
        if (handedOff) {
            return new UncertainDeliveryException(WORDS.get("send.uncertain", server, silenceAfterEnd(e, timeouts)), e);
        }
        String problem = networkProblem(e, account, timeouts);
        return new TransientFailureException(WORDS.get("send.brokeOff", server, problem), e);
    }

    private static String silenceAfterEnd(MessagingException e, SmtpTimeouts timeouts) {
        if (hasCause(e, SocketTimeoutException.class)) {
            return WORDS.get("silence.timeout", timeouts.endOfData().toSeconds());
        }
        if (e instanceof SMTPSendFailedException) {
            return WORDS.get("silence.closed");
        }
        return WORDS.get("silence.broken", rootMessage(e));
    }

    private static String stageOf(String command) {
        String c = command == null ? "" : command.toUpperCase(java.util.Locale.ROOT);
        if (c.startsWith("MAIL")) {
            return WORDS.get("stage.mail");
        }
        if (c.startsWith("DATA")) {
            return WORDS.get("stage.data");
        }
        if (c.equals(".")) {
            return WORDS.get("stage.end");
        }
        return c.isEmpty() ? "" : WORDS.get("stage.other", c);
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
            return new PermanentFailureException(WORDS.get("recipients.refused", server, refusedForGood.size(), list),
                    refusedForGood, e);
        }
        if (anyTemporary) {
            return new TransientFailureException(WORDS.get("recipients.notNow", server, list), e);
        }
        return new TransientFailureException(WORDS.get("recipients.refusedAll", server, reply(e.getMessage())), e);
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

    private static TransferException byCode(int code, String text) {
        if (code >= 500) {
            return new PermanentFailureException(text, List.of(), null);
        }
        return new TransientFailureException(WORDS.get("outcome.temporaryRefusal", text));
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
