package dev.envoi.ui;

import dev.envoi.message.AddressProblem;

/** What is wrong with a typed address, in the user's language (one key per kind of problem). */
public final class AddressProblems {

    private AddressProblems() {
    }

    public static String describe(AddressProblem.Issue issue) {
        return Texts.of(AddressProblems.class).get("address." + issue.problem().name(), issue.details().toArray());
    }
}
