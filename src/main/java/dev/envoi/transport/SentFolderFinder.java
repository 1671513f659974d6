package dev.envoi.transport;

import dev.envoi.i18n.Sentences;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.ListInfo;

/**
 * Finds the server's Sent folder: the one marked {@code \Sent} (RFC 6154 SPECIAL-USE, or the older
 * XLIST), else one with a usual English or French Sent name, else the one the user chose, else a
 * new folder "Sent". The LIST responses are parsed by Angus ({@link ListInfo}); Envoi only sends
 * the command Angus has no method for.
 */
final class SentFolderFinder {

    private static final Sentences WORDS = Sentences.of(SentFolderFinder.class);
    static final String NEW_FOLDER = "Sent";
    private static final String SENT_ATTRIBUTE = "\\Sent";
    /** Names as clients and servers create them, compared without case or accents' composition. */
    private static final List<String> USUAL_NAMES = List.of("sent", "sent items", "sent messages", "sent mail",
            "envoyés", "éléments envoyés", "messages envoyés", "envoyé", "elements envoyes", "envoyes");

    private SentFolderFinder() {
    }

    static Folder find(IMAPStore store, String chosen) throws MessagingException {
        Optional<String> marked = markedSent(store);
        if (marked.isPresent()) {
            return store.getFolder(marked.get());
        }
        Folder[] all = store.getDefaultFolder().list("*");
        for (Folder folder : all) {
            // Some servers mark it in a plain LIST without announcing the extension.
            if (folder instanceof IMAPFolder imap && marksSent(imap.getAttributes())) {
                return folder;
            }
        }
        for (String usual : USUAL_NAMES) {
            for (Folder folder : all) {
                if (normalized(folder.getName()).equals(usual)) {
                    return folder;
                }
            }
        }
        Folder target = store.getFolder(chosen.isEmpty() ? NEW_FOLDER : chosen);
        if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException(WORDS.get("copy.cannotCreate", target.getFullName()));
        }
        return target;
    }

    private static Optional<String> markedSent(IMAPStore store) throws MessagingException {
        String command;
        String keyword;
        if (store.hasCapability("SPECIAL-USE")) {
            command = "LIST (SPECIAL-USE) \"\" \"*\"";
            keyword = "LIST";
        } else if (store.hasCapability("XLIST")) {
            command = "XLIST \"\" \"*\"";
            keyword = "XLIST";
        } else {
            return Optional.empty();
        }
        IMAPFolder root = (IMAPFolder) store.getDefaultFolder();
        @SuppressWarnings("unchecked")
        List<ListInfo> listed = (List<ListInfo>) root.doCommand(protocol -> {
            Response[] responses = protocol.command(command, null);
            List<ListInfo> infos = new ArrayList<>();
            for (Response response : responses) {
                if (response instanceof IMAPResponse imap && imap.keyEquals(keyword)) {
                    infos.add(new ListInfo(imap));
                }
            }
            protocol.handleResult(responses[responses.length - 1]);
            return infos;
        });
        return listed.stream().filter(info -> marksSent(info.attrs)).map(info -> info.name).findFirst();
    }

    private static boolean marksSent(String[] attributes) {
        return attributes != null && Arrays.stream(attributes).anyMatch(SENT_ATTRIBUTE::equalsIgnoreCase);
    }

    private static String normalized(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
    }
}
