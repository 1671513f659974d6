package dev.envoi.message;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * Why a typed address or name cannot be used, as a kind the windows can put in the user's language
 * (a bundle key per constant) and, for the command line and logs, an English sentence.
 */
public enum AddressProblem {
    EMPTY("the address is empty"),
    TOO_LONG("the address is longer than {0} characters"),
    SPACE_OR_CONTROL("the address contains a space or a control character"),
    NO_AT("the address has no @"),
    NOTHING_BEFORE_AT("nothing stands before the @"),
    LOCAL_PART_TOO_LONG("the part before the @ is longer than 64 characters"),
    LOCAL_PART_CHARACTER("the part before the @ has a character an address cannot hold"),
    NO_DOMAIN("no domain follows the @"),
    BAD_DOMAIN("the domain \"{0}\" is not a valid host name"),
    DOMAIN_WITHOUT_DOT("the domain \"{0}\" has no dot (did you mean {0}.com?)"),
    NAME_TOO_LONG("the name is longer than {0} characters"),
    NAME_CONTROL("the name contains a line break or a control character"),
    NAME_BIDI("the name contains {0}, a character that reverses the direction of the text around it"),
    QUOTED_NAME_WITHOUT_ADDRESS("a quoted name needs an address in <angle brackets> after it"),
    NO_CLOSING_BRACKET("the address is missing its closing >");

    private final String english;

    AddressProblem(String english) {
        this.english = english;
    }

    /** This problem with its details filled in. */
    public Issue with(Object... details) {
        return new Issue(this, List.of(details).stream().map(String::valueOf).toList());
    }

    /** A problem and the details its sentence names (a length, a domain). */
    public record Issue(AddressProblem problem, List<String> details) {

        public Issue {
            details = List.copyOf(details);
        }

        public String english() {
            return new MessageFormat(problem.english, Locale.ROOT).format(details.toArray());
        }
    }
}
