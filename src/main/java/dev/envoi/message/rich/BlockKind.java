package dev.envoi.message.rich;

/** What a paragraph is: plain, an item of a bulleted or numbered list, or a line of a block quote. */
public enum BlockKind {
    PARAGRAPH, BULLET, NUMBERED, QUOTE;

    public boolean isList() {
        return this == BULLET || this == NUMBERED;
    }
}
