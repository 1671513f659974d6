package dev.envoi.app.instance;

/** A window request from another launch that is not in the expected form; the message says what is wrong. */
final class MalformedRequestException extends Exception {

    MalformedRequestException(String message) {
        super(message);
    }
}
