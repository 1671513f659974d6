package dev.envoi.compose;

import dev.envoi.i18n.VisibleText;
import dev.envoi.spelling.SpellingLanguage;
import dev.envoi.ui.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * The spelling part of the body's context menu: the suggestions for the misspelt word under the
 * pointer (a click replaces it), "Add to the dictionary", and the message's spelling language.
 * Ids: {@code spellingSuggestion0}…, {@code spellingNoSuggestions}, {@code spellingAddWord},
 * {@code spellingLanguageMenu}, {@code spellingLanguage-en} and {@code spellingLanguage-fr}.
 */
final class SpellingMenu {

    private SpellingMenu() {
    }

    /** The items for {@code word} (null when the pointer is on no misspelt word) and its suggestions. */
    static List<MenuItem> items(Texts texts, String word, List<String> suggestions, SpellingLanguage current,
                                Consumer<String> replace, Runnable addWord, Consumer<SpellingLanguage> switchTo) {
        List<MenuItem> items = new ArrayList<>();
        if (word != null) {
            for (int i = 0; i < suggestions.size(); i++) {
                String suggestion = suggestions.get(i);
                MenuItem item = new MenuItem(suggestion);
                item.setId("spellingSuggestion" + i);
                item.setMnemonicParsing(false);
                item.setStyle("-fx-font-weight: bold");
                item.setOnAction(e -> replace.accept(suggestion));
                items.add(item);
            }
            if (suggestions.isEmpty()) {
                MenuItem none = new MenuItem(texts.get("spelling.noSuggestions"));
                none.setId("spellingNoSuggestions");
                none.setDisable(true);
                items.add(none);
            }
            // The word is the user's text: shown with its controls visible, never as a mnemonic.
            MenuItem add = new MenuItem(texts.get("spelling.add", VisibleText.of(word)));
            add.setId("spellingAddWord");
            add.setMnemonicParsing(false);
            add.setOnAction(e -> addWord.run());
            items.add(add);
            items.add(new SeparatorMenuItem());
        }
        Menu languages = new Menu(texts.get("spelling.language"));
        languages.setId("spellingLanguageMenu");
        ToggleGroup group = new ToggleGroup();
        for (SpellingLanguage language : SpellingLanguage.values()) {
            RadioMenuItem item = new RadioMenuItem(texts.get("spelling.language." + language.name()));
            item.setId("spellingLanguage-" + language.tag());
            item.setToggleGroup(group);
            item.setSelected(language == current);
            item.setOnAction(e -> switchTo.accept(language));
            languages.getItems().add(item);
        }
        items.add(languages);
        return items;
    }
}
