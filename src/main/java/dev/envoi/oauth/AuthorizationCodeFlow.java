package dev.envoi.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.envoi.i18n.Sentences;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One sign-in as RFC 8252 has a native app do it: the authorization code flow with PKCE (S256)
 * and a state checked on return, the browser sent back to a one-shot listener on 127.0.0.1.
 * {@link #start} opens the listener; the caller shows {@link #authorizationUri()} (browser and
 * terminal), then {@link #await} gets the tokens.
 */
public final class AuthorizationCodeFlow implements AutoCloseable {

    private static final Sentences WORDS = Sentences.of(AuthorizationCodeFlow.class);
    /** How long a user gets to sign in before Envoi stops listening. */
    public static final Duration STANDARD_TIMEOUT = Duration.ofMinutes(5);

    private final SignInConfig config;
    private final Clock clock;
    private final State state = new State();
    private final CodeVerifier verifier = new CodeVerifier();
    private final LoopbackRedirect redirect;
    private final URI authorizationUri;

    private AuthorizationCodeFlow(SignInConfig config, Clock clock) throws IOException {
        this.config = config;
        this.clock = clock;
        this.redirect = new LoopbackRedirect(this::problemWith);
        this.authorizationUri = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new ClientID(config.clientId()))
                .endpointURI(config.endpoints().authorization())
                .redirectionURI(redirect.redirectUri())
                .scope(config.scope())
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
    }

    public static AuthorizationCodeFlow start(SignInConfig config, Clock clock) throws SignInException {
        try {
            return new AuthorizationCodeFlow(config, clock);
        } catch (IOException e) {
            throw new SignInException(WORDS.get("listener.failed", Texts.safe(e.getMessage())), e, false);
        }
    }

    /** The page where the user signs in; holds no secret (the PKCE challenge is a hash). */
    public URI authorizationUri() {
        return authorizationUri;
    }

    /** Where the browser comes back (tests check that only it is accepted). */
    public URI redirectUri() {
        return redirect.redirectUri();
    }

    /** Waits for the browser's return, then trades the code for tokens. */
    public IssuedTokens await(Duration timeout) throws SignInException, InterruptedException {
        URI callback;
        try {
            callback = redirect.callback().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SignInException(WORDS.get("timeout", timeout.toMinutes() > 0 ? timeout.toMinutes() + " min"
                    : timeout.toSeconds() + " s"), e, false);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SignInException s ? s
                    : new SignInException(String.valueOf(e.getCause()), e.getCause(), false);
        } finally {
            redirect.close();
        }
        AuthorizationCode code = parse(callback).toSuccessResponse().getAuthorizationCode();
        return new TokenEndpoint(config, clock).request(
                new AuthorizationCodeGrant(code, redirect.redirectUri(), verifier));
    }

    /** Null for the answer expected: ours (state matches) and a success; else what went wrong. */
    private String problemWith(URI request) {
        AuthorizationResponse response;
        try {
            response = parse(request);
        } catch (SignInException e) {
            return e.getMessage();
        }
        if (!state.equals(response.getState())) {
            // Not the answer to our request (RFC 6749 10.12): never trade its code.
            return WORDS.get("state.wrong");
        }
        if (!response.indicatesSuccess()) {
            AuthorizationErrorResponse error = response.toErrorResponse();
            String code = error.getErrorObject() == null ? "" : String.valueOf(error.getErrorObject().getCode());
            String description = error.getErrorObject() == null || error.getErrorObject().getDescription() == null ? ""
                    : ": " + error.getErrorObject().getDescription();
            return WORDS.get("refused", Texts.safe(code + description));
        }
        return null;
    }

    private AuthorizationResponse parse(URI request) throws SignInException {
        try {
            return AuthorizationResponse.parse(redirect.redirectUri().resolve(request));
        } catch (ParseException e) {
            return failParse(e);
        }
    }

    private static AuthorizationResponse failParse(ParseException e) throws SignInException {
        throw new SignInException(WORDS.get("answer.garbled", Texts.safe(e.getMessage())), e, false);
    }

    @Override
    public void close() {
        redirect.close();
    }
}
