package dev.envoi.account;

/** How Envoi proves who it is to the server. */
public enum AuthMethod {
    NONE, PASSWORD, XOAUTH2
}
