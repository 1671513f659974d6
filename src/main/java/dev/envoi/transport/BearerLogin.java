package dev.envoi.transport;

import dev.envoi.account.AccessTokens;
import dev.envoi.account.Account;
import dev.envoi.account.CredentialException;
import dev.envoi.account.SignInNeededException;
import dev.envoi.i18n.Sentences;
import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * SMTP AUTH with an OAuth 2.0 access token: OAUTHBEARER (RFC 7628) where the server offers it,
 * else XOAUTH2 (Google's and Microsoft's older form). A refused token is forgotten and a fresh one
 * tried once more on the same connection; refused again, the account must sign in again.
 */
final class BearerLogin {

    private static final Sentences WORDS = Sentences.of(BearerLogin.class);

    private final Account account;
    private final AccessTokens tokens;

    BearerLogin(Account account, AccessTokens tokens) {
        this.account = account;
        this.tokens = tokens;
    }

    void logIn(SmtpConnection smtp) throws MessagingException, TransferException {
        String mechanism = mechanism(smtp);
        String firstReply = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            char[] token = token();
            int code;
            try {
                code = smtp.command("AUTH " + mechanism + " " + initialResponse(mechanism, token));
            } finally {
                Arrays.fill(token, '\0');
            }
            if (code == 334) {
                // The server's error challenge (RFC 7628 3.2.2): the client ends the exchange, then gets the 5xx.
                code = smtp.command(mechanism.equals("OAUTHBEARER") ? "AQ==" : "");
            }
            if (code == 235) {
                return;
            }
            if (code >= 400 && code < 500) {
                throw new TransientFailureException(WORDS.get("oauth.later", SmtpFailures.where(account),
                        SmtpFailures.reply(smtp.getLastServerResponse())));
            }
            firstReply = firstReply == null ? SmtpFailures.reply(smtp.getLastServerResponse()) : firstReply;
            // The token may have expired early or been revoked: one fresh token, then the user decides.
            tokens.forget(account);
        }
        throw new SignInRequiredException(WORDS.get("oauth.refused", SmtpFailures.where(account), account.user(),
                firstReply, account.name()), null);
    }

    private String mechanism(SmtpConnection smtp) throws PermanentFailureException {
        String offered = smtp.supportsExtension("AUTH") ? smtp.getExtensionParameter("AUTH") : null;
        String upper = offered == null ? "" : " " + offered.toUpperCase(Locale.ROOT) + " ";
        if (upper.contains(" OAUTHBEARER ")) {
            return "OAUTHBEARER";
        }
        if (upper.contains(" XOAUTH2 ")) {
            return "XOAUTH2";
        }
        throw new PermanentFailureException(WORDS.get("oauth.notOffered", SmtpFailures.where(account),
                offered == null ? "-" : SmtpFailures.reply(offered), account.name()));
    }

    private char[] token() throws TransferException {
        try {
            return tokens.accessToken(account);
        } catch (SignInNeededException e) {
            throw new SignInRequiredException(e.getMessage(), null);
        } catch (CredentialException e) {
            // The authorization server could not be asked now: the message waits and tries again.
            throw new TransientFailureException(e.getMessage());
        }
    }

    private String initialResponse(String mechanism, char[] token) {
        String user = account.user();
        String text = mechanism.equals("OAUTHBEARER")
                ? "n,a=" + user.replace("=", "=3D").replace(",", "=2C") + ",\u0001auth=Bearer " + new String(token)
                        + "\u0001\u0001"
                : "user=" + user + "\u0001auth=Bearer " + new String(token) + "\u0001\u0001";
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
