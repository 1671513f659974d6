package dev.envoi.message.rich;

/**
 * What a paragraph is: plain, an item of a bulleted or numbered list, a line of a block quote, or
 * an inline image (its own paragraph, referring to an attachment in the vault).
 */
public enum BlockKind {
    PARAGRAPH, BULLET, NUMBERED, QUOTE, IMAGE;

    public boolean isList() {
        return this == BULLET || this == NUMBERED;
    }
}
