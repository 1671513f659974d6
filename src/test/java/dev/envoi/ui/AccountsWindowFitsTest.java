package dev.envoi.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialChain;
import dev.envoi.account.OAuthSettings;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.MailAddress;
import dev.envoi.settings.AccountsContext;
import dev.envoi.settings.AccountsWindow;
import dev.envoi.settings.SignInContext;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Seen under Xvfb: with an OAuth 2.0 account selected, the sign-in pane made the form taller than
 * the window, and the form pushed New and Remove half out of it and Close out entirely. At the
 * window's default size, in both languages, those buttons are whole inside the window. And its
 * French "Fournisseur de connexion :" was cut short by the pane's fixed label column: no text of
 * the form is cut.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class AccountsWindowFitsTest {

    @TempDir
    Path profile;
    private SqliteMessageStore store;
    private ExecutorService background;
    // Other tests run in this JVM after this one: the language is put back.
    private final Locale before = Locale.getDefault();
    private AccountsWindow window;

    @Start
    void start(Stage unused) {
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(10, TimeUnit.SECONDS);
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
        Locale.setDefault(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void anOAuthAccountLeavesNewRemoveAndCloseInTheWindow(String language, FxRobot robot) throws Exception {
        Locale.setDefault(Locale.forLanguageTag(language));
        openWithAnOAuthAccount(robot);

        List<String> outside = WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = window.stage().getScene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            List<String> found = new ArrayList<>();
            for (String id : List.of("#newAccountButton", "#removeAccountButton", "#closeAccountsButton")) {
                Node button = scene.lookup(id);
                Bounds b = button.localToScene(button.getLayoutBounds());
                if (b.getMaxY() > scene.getHeight() + 0.5 || b.getMaxX() > scene.getWidth() + 0.5) {
                    found.add(id + " ends at y=" + b.getMaxY() + " in a window " + scene.getHeight() + " tall");
                }
            }
            visit(scene.getRoot(), node -> {
                if (node instanceof Labeled labeled && showing(labeled) && labeled.getText() != null) {
                    String whole = labeled.getText().replaceFirst("_(?=.)", "");
                    labeled.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).map(t -> ((Text) t).getText())
                            .filter(shown -> !shown.replace("\n", " ").strip().equals(whole.replace("\n", " ").strip()))
                            .findFirst().ifPresent(shown -> found.add("“" + whole + "” shows as “" + shown + "”"));
                }
            });
            return found;
        }).get(20, TimeUnit.SECONDS);
        assertEquals(List.of(), outside, "buttons pushed out of, or texts cut in, the Accounts window in " + language);
    }

    /** Placeholders are text too (WCAG 2.2, 1.4.3): Modena's was 2.1:1 in light, near-invisible in dark. */
    @ParameterizedTest
    @ValueSource(strings = {"LIGHT", "DARK"})
    void aPlaceholderIsReadableOnItsField(String theme, FxRobot robot) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        Theme.use(Theme.valueOf(theme));
        try {
            openWithAnOAuthAccount(robot);
            List<String> poor = WaitForAsyncUtils.asyncFx(() -> {
                Scene scene = window.stage().getScene();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                List<String> found = new ArrayList<>();
                visit(scene.getRoot(), node -> {
                    if (node instanceof javafx.scene.control.TextField field && showing(field) && !field.isDisabled()
                            && field.getText().isEmpty() && field.getPromptText() != null && !field.getPromptText().isEmpty()) {
                        visit(field, inner -> {
                            if (inner instanceof Text text && field.getPromptText().equals(text.getText())
                                    && text.getFill() instanceof javafx.scene.paint.Color fg) {
                                double ratio = Contrast.ratio(fg, Contrast.background(field));
                                if (ratio < 4.5) {
                                    found.add(String.format(Locale.ROOT, "“%s”: %.2f:1", text.getText(), ratio));
                                }
                            }
                        });
                    }
                });
                return found;
            }).get(20, TimeUnit.SECONDS);
            assertEquals(List.of(), poor, "placeholders under 4.5:1 in the " + theme + " theme");
        } finally {
            Theme.use(Theme.LIGHT);
        }
    }

    private void openWithAnOAuthAccount(FxRobot robot) throws Exception {
        store = SqliteMessageStore.open(profile);
        background = Executors.newCachedThreadPool();
        store.accounts().put(new Account("Outlook", new MailAddress("", "jane@outlook.example"), "smtp.office365.com",
                587, SmtpSecurity.STARTTLS, "jane@outlook.example", AuthMethod.OAUTH2, 0, true, false, false, "", true));
        store.oauthSettings().put(new OAuthSettings("Outlook", "microsoft", "", "demo", ""));
        window = WaitForAsyncUtils.asyncFx(() -> {
            AccountsContext context = new AccountsContext(store.accounts(),
                    CredentialChain.forProfile(profile, Map.of("ENVOI_KEYRING", "off")), (a, s) -> List.of(), background,
                    Platform::runLater, () -> { }, new SignInContext(store.oauthSettings(), (a, s, k, p) -> {
                        throw new AssertionError("no sign-in here");
                    }));
            AccountsWindow made = new AccountsWindow(context, owner -> name -> false);
            made.show();
            return made;
        }).get(20, TimeUnit.SECONDS);
        Label signIn = robot.lookup("#signInStatus").queryAs(Label.class);
        FxWait.until(() -> signIn.isVisible() && !signIn.getText().isEmpty(), "the OAuth account's sign-in pane shows");

    }

    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void visit(Node node, java.util.function.Consumer<Node> action) {
        action.accept(node);
        if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> visit(child, action));
        }
    }
}
