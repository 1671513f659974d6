package dev.envoi.message.rich;

import java.util.List;

/** A body with every kind of formatting, for the tests of each form made from the model. */
public final class Samples {

    private Samples() {
    }

    public static Span plain(String text) {
        return new Span(text, TextStyle.PLAIN);
    }

    public static Block block(BlockKind kind, int level, Span... spans) {
        return new Block(new BlockStyle(kind, level), List.of(spans));
    }

    public static RichDocument everything() {
        return new RichDocument(List.of(
                block(BlockKind.PARAGRAPH, 0, plain("Hello "), new Span("Jane", TextStyle.PLAIN.withBold(true)),
                        plain(", here is the "), new Span("plan", TextStyle.PLAIN.withItalic(true).withUnderline(true)),
                        plain(" (not the "), new Span("old one", TextStyle.PLAIN.withStrike(true)), plain(").")),
                block(BlockKind.PARAGRAPH, 0),
                block(BlockKind.BULLET, 0, plain("bread")),
                block(BlockKind.BULLET, 1, plain("rye, "), new Span("sliced", TextStyle.PLAIN.withBold(true))),
                block(BlockKind.BULLET, 0, plain("cheese")),
                block(BlockKind.NUMBERED, 0, plain("first")),
                block(BlockKind.NUMBERED, 0, plain("second")),
                block(BlockKind.QUOTE, 0, plain("You said: bring wine.")),
                block(BlockKind.PARAGRAPH, 0, plain("Menu: "),
                        new Span("the menu", TextStyle.PLAIN.withLink("https://example.org/menu?a=1&b=2"))),
                block(BlockKind.PARAGRAPH, 0, plain("  two  spaces & <angles>"))));
    }
}
