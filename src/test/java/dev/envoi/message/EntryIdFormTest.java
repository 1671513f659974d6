package dev.envoi.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.testing.RandomText;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An id's form, walked by hand (issue 21: an id for every row read), is the regular expression's. */
class EntryIdFormTest {

    private static final Pattern FORM = Pattern.compile("[0-9a-z]{20}");

    @Test
    void anIdIsAcceptedExactlyWhenTheExpressionMatched() {
        RandomText random = RandomText.fromSystemSeed();
        for (int run = 0; run < 50_000; run++) {
            String value = run % 5 == 0 ? random.anyString(24)
                    : random.from("0123456789abcdefghijklmnopqrstuvwxyz09az/:`{AZ-é\ud83d\udce8", 18, 22);
            boolean accepted;
            try {
                new EntryId(value);
                accepted = true;
            } catch (IllegalArgumentException e) {
                accepted = false;
            }
            assertEquals(FORM.matcher(value).matches(), accepted, () -> random.describe() + ", value " + value);
        }
    }
}
