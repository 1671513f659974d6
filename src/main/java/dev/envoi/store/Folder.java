package dev.envoi.store;

/** The store's folders. A message deleted after sending has the DELETED fate. */
public enum Folder {
    DRAFTS, OUTBOX, SENT, DELETED
}
