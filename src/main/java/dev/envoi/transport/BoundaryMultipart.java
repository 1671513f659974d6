package dev.envoi.transport;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;

/** A multipart of a given subtype with the boundary given: the same message assembled twice has the same bytes. */
final class BoundaryMultipart extends MimeMultipart {

    BoundaryMultipart(String subtype, String boundary) {
        super(subtype);
        ContentType type = new ContentType("multipart", subtype, null);
        type.setParameter("boundary", boundary);
        contentType = type.toString();
    }
}
