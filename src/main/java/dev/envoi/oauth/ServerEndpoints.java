package dev.envoi.oauth;

import java.net.URI;

/** Where the user signs in (authorization endpoint) and where codes become tokens (token endpoint). */
public record ServerEndpoints(URI authorization, URI token) {
}
