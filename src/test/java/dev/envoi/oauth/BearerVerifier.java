package dev.envoi.oauth;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URL;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;

/**
 * What an SMTP server does with a bearer token: checks its signature with the authorization
 * server's published keys and that it has not expired. Records every token and mechanism it saw.
 */
public final class BearerVerifier implements BiPredicate<String, String> {

    private final JWKSet keys;
    public final List<String> tokens = new CopyOnWriteArrayList<>();
    public final List<String> mechanisms = new CopyOnWriteArrayList<>();
    public final List<Boolean> verdicts = new CopyOnWriteArrayList<>();

    public BearerVerifier(String jwksUrl) throws Exception {
        keys = JWKSet.load(new URL(jwksUrl));
    }

    @Override
    public boolean test(String mechanism, String token) {
        mechanisms.add(mechanism);
        tokens.add(token);
        boolean ok = valid(token);
        verdicts.add(ok);
        return ok;
    }

    private boolean valid(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            return key != null && jwt.verify(new RSASSAVerifier(key))
                    && jwt.getJWTClaimsSet().getExpirationTime().after(new Date());
        } catch (Exception e) {
            return false;
        }
    }

    public long distinctTokens() {
        return tokens.stream().distinct().count();
    }
}
