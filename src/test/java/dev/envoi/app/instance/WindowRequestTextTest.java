package dev.envoi.app.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ComposeRequest;
import dev.envoi.message.DeliveryRequests;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The request one launch sends the running Envoi: every field survives the trip; anything else is refused. */
class WindowRequestTextTest {

    static ComposeRequest everyField() {
        return new ComposeRequest(Optional.of(new MailAddress("Moi Même", "moi@example.org")),
                List.of(new Recipient(RecipientType.TO, new MailAddress("Doe, Jane", "jane@example.org")),
                        Recipient.cc("bob@example.org"), Recipient.bcc("zoë@exemple.fr")),
                "100% sûr: a subject with  two spaces", "Line one\nline\ttwo %41\r\n\u2028end ",
                List.of(Path.of("/tmp/with space/report (final).pdf"), Path.of("/tmp/100%.txt")),
                new DeliveryRequests(true, true), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void everyFieldSurvivesTheTrip() throws Exception {
        WindowRequest sent = WindowRequest.compose(everyField());
        String text = WindowRequestText.encode(sent);
        assertEquals(sent, WindowRequestText.decode(text));
        assertEquals(12, text.lines().count(), "one line per item, nothing breaks a line:\n" + text);
    }

    @Test
    void anEmptyComposeAndTheOutboxSurviveTheTrip() throws Exception {
        for (WindowRequest sent : List.of(WindowRequest.compose(ComposeRequest.EMPTY), WindowRequest.outboxWindow())) {
            assertEquals(sent, WindowRequestText.decode(WindowRequestText.encode(sent)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "another version       | envoi-window 2\\nopen compose\\n                 | line 1",
        "not Envoi at all      | GET / HTTP/1.1\\n                                 | line 1",
        "no window named       | envoi-window 1\\nsubject Hi\\n                   | no \"open\" line",
        "unknown window        | envoi-window 1\\nopen settings\\n                | line 2 (open)",
        "unknown field         | envoi-window 1\\nopen compose\\nreply-to a b\\n  | line 3 (reply-to)",
        "subject twice         | envoi-window 1\\nopen compose\\nsubject a\\nsubject b\\n | line 4 (subject): given twice",
        "open twice            | envoi-window 1\\nopen compose\\nopen outbox\\n   | line 3 (open): given twice",
        "bad address           | envoi-window 1\\nopen compose\\nto  jane@\\n     | line 3 (to)",
        "address without name  | envoi-window 1\\nopen compose\\nto jane@example.org\\n | line 3 (to)",
        "relative file         | envoi-window 1\\nopen compose\\nattach report.pdf\\n | not an absolute path",
        "raw space             | envoi-window 1\\nopen compose\\nbody two words\\n | line 3 (body)",
        "raw tab               | envoi-window 1\\nopen compose\\nbody a\\tb\\n     | line 3 (body)",
        "cut-off escape        | envoi-window 1\\nopen compose\\nsubject 100%4\\n | cut-off % escape",
        "invalid escape        | envoi-window 1\\nopen compose\\nsubject %zz\\n   | invalid % escape",
        "escape not UTF-8      | envoi-window 1\\nopen compose\\nsubject %C3%28\\n | not UTF-8",
        "no value              | envoi-window 1\\nopen compose\\nsubject\\n       | line 3",
        "cut off               | envoi-window 1\\nopen compose                     | cut off",
        "outbox with fields    | envoi-window 1\\nopen outbox\\nsubject Hi\\n     | the outbox takes no message fields",
        "carriage return lines | envoi-window 1\\r\\nopen compose\\r\\n           | line 1",
        "empty line            | envoi-window 1\\nopen compose\\n\\n              | line 3",
    })
    void aMalformedRequestIsRefusedNamingWhere(String what, String escaped, String reason) {
        String text = escaped.strip().replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
        MalformedRequestException e = assertThrows(MalformedRequestException.class, () -> WindowRequestText.decode(text));
        assertTrue(e.getMessage().contains(reason), what + ": " + e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1, what + ": one line: " + e.getMessage());
    }

    @Test
    void aSubjectTooLongForAMailHeaderIsRefused() {
        String text = "envoi-window 1\nopen compose\nsubject " + "x".repeat(999) + "\n";
        MalformedRequestException e = assertThrows(MalformedRequestException.class, () -> WindowRequestText.decode(text));
        assertTrue(e.getMessage().contains("999 characters"), e.getMessage());
    }

    @Test
    void tooManyLinesAreRefused() {
        String text = "envoi-window 1\nopen compose\n" + "to  a@example.org\n".repeat(WindowRequestText.MAX_ITEMS);
        MalformedRequestException e = assertThrows(MalformedRequestException.class, () -> WindowRequestText.decode(text));
        assertTrue(e.getMessage().contains("lines"), e.getMessage());
    }
}
