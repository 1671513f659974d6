package dev.envoi.app.command;

import dev.envoi.account.Signature;
import dev.envoi.account.WritingSettings;
import dev.envoi.app.cli.ParsedArgs;
import dev.envoi.app.cli.Printable;
import dev.envoi.app.cli.UsageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The options of `account add` for how the account's new messages start (issue 20):
 * `--signature-file FILE` (plain UTF-8 text, put below each new message after a "-- " line) and
 * `--plain-text-only` (no formatting unless the user chooses it for a message).
 */
final class SignatureOptions {

    static final Map<String, ParsedArgs.Arity> OPTIONS = Map.of("signature-file", ParsedArgs.Arity.VALUE,
            "plain-text-only", ParsedArgs.Arity.FLAG);
    /** A signature is a few lines; a bigger file is surely the wrong one. */
    static final int MAX_BYTES = 16 * 1024;

    private SignatureOptions() {
    }

    /** The settings given, or empty when neither option was. */
    static Optional<WritingSettings> read(ParsedArgs parsed) throws UsageException {
        if (!parsed.has("signature-file") && !parsed.has("plain-text-only")) {
            return Optional.empty();
        }
        Signature signature = parsed.value("signature-file").isPresent()
                ? Signature.plain(text(parsed.value("signature-file").get())) : Signature.NONE;
        return Optional.of(new WritingSettings(signature, parsed.has("plain-text-only")));
    }

    private static String text(String file) throws UsageException {
        String shown = Printable.of(file);
        Path path = Path.of(file);
        try {
            if (!Files.isRegularFile(path)) {
                throw new UsageException("--signature-file: " + shown + " is not a file");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new UsageException("--signature-file: " + shown + " is over " + MAX_BYTES / 1024
                        + " KiB; a signature is a few lines of text");
            }
            byte[] bytes = Files.readAllBytes(path);
            // Strict: a file in another encoding is refused, not shown to every recipient as mojibake.
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UsageException("--signature-file: " + shown + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("--signature-file: cannot read " + shown + ": " + e.getMessage());
        }
    }
}
