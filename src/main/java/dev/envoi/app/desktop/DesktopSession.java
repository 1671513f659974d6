package dev.envoi.app.desktop;

import dev.envoi.account.Account;
import dev.envoi.app.cli.ComposeRequest;
import dev.envoi.app.instance.WindowInbox;
import dev.envoi.app.instance.WindowRequest;
import dev.envoi.app.wiring.NamedDaemonThreads;
import dev.envoi.app.wiring.ProfileServices;
import dev.envoi.compose.ComposeContext;
import dev.envoi.compose.ComposeSettings;
import dev.envoi.compose.ComposeWindow;
import dev.envoi.compose.FromChoice;
import dev.envoi.compose.FxDialogs;
import dev.envoi.compose.FxFileChooser;
import dev.envoi.compose.FxScheduler;
import dev.envoi.compose.Sender;
import dev.envoi.compose.SendState;
import dev.envoi.ui.FirstFrame;
import dev.envoi.ui.Texts;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.outbox.FxOutboxDialogs;
import dev.envoi.outbox.OutboxContext;
import dev.envoi.outbox.OutboxWindow;
import dev.envoi.outbox.SentMessageWindow;
import dev.envoi.settings.AccountsContext;
import dev.envoi.settings.SignInContext;
import dev.envoi.settings.AccountsWindow;
import dev.envoi.settings.FxAccountsDialogs;
import dev.envoi.store.StoreException;
import dev.envoi.message.MailAddress;
import dev.envoi.spool.ProgressHub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The running desktop program for one profile: the store and (if no other process runs it) the
 * spooler, one background executor, and the windows, including those later launches ask for.
 * When the last window closes, {@link QuitWhenIdle} decides when to quit.
 */
final class DesktopSession implements AutoCloseable, QuitWhenIdle.Host {

    private final ProfileServices services;
    private final ProgressHub progress;
    private final ExecutorService background = Executors.newCachedThreadPool(new NamedDaemonThreads("envoi-background"));
    private final List<Sender> identities;
    private final ComposeContext context;
    private final OutboxContext outboxContext;
    private final DeliveryNotifier notifier;
    private final DesktopNotices notices = new DesktopNotices(corner -> counted(corner, () -> { }),
            Duration.ofSeconds(5), Duration.ofSeconds(15));
    private final List<ComposeWindow> composeWindows = new CopyOnWriteArrayList<>();
    private OutboxWindow outboxWindow;
    private final AccountsContext accountsContext;
    private AccountsWindow accountsWindow;
    private final QuitWhenIdle quitPolicy;
    private final AtomicInteger openWindows = new AtomicInteger();
    private WindowInbox inbox = new WindowInbox();
    private boolean quitting;
    private final Texts texts = Texts.of(DesktopSession.class);
    /** Closed by whoever started Envoi (its stop()): windows hidden after that decide nothing. */
    private volatile boolean ended;

    private DesktopSession(ProfileServices services, ProgressHub progress, List<Sender> identities,
                           ComposeSettings settings, boolean runsSpooler) {
        this.services = services;
        this.progress = progress;
        this.identities = identities;
        this.context = new ComposeContext(services.store(), background, Platform::runLater, new FxScheduler(),
                Clock.systemDefaultZone(), settings, progress::subscribe, this::openDraft, this::openOutbox, this::openAccounts);
        this.accountsContext = new AccountsContext(services.store().accounts(), services.credentials(),
                new ServersConnectionTester(services.smtpTimeouts(), services.tokens()), background, Platform::runLater,
                this::accountsChanged, address -> new dev.envoi.setup.AccountFinder(
                        dev.envoi.setup.FinderSettings.fromEnvironment(System.getenv())).find(address),
                new SignInContext(services.store().oauthSettings(), new DesktopSignIn(services, System.getenv())),
                services.store().imapSettings(), services.store().writingSettings());
        this.outboxContext = new OutboxContext(services.store(), background, Platform::runLater,
                Clock.systemDefaultZone(), progress::subscribe, this::openDraft, this::openSentMessage);
        this.notifier = new DeliveryNotifier(services.store(), background, Platform::runLater,
                id -> composeWindows.stream()
                        .anyMatch(w -> w.model().sending().trackedMessage().filter(id::equals).isPresent()),
                notices);
        this.quitPolicy = new QuitWhenIdle(services.store()::outbox, runsSpooler, new FxQuitQuestion(), Platform::runLater,
                background, Clock.systemUTC(), Duration.ofMillis(250), this);
    }

    /** Opens the profile and starts its spooler here if it is free. Blocks on disk: not on the FX thread. */
    static DesktopSession open(GuiStart start) {
        ProfileServices services = ProfileServices.open(start.profile());
        try {
            List<Account> accounts = services.store().accounts().accounts();
            List<Sender> identities = new ArrayList<>(FromChoices.of(accounts, start.request().from(),
                    start.localUser()));
            long sizeLimit = accounts.stream().filter(Account::isDefault).mapToLong(Account::sizeLimit).findFirst()
                    .orElse(ComposeSettings.DEFAULT.sizeLimit());
            ComposeSettings settings = new ComposeSettings(ComposeSettings.DEFAULT.autosaveDelay(),
                    ComposeSettings.DEFAULT.closeAfterSend(), sizeLimit);
            ProgressHub progress = new ProgressHub();
            boolean runsSpooler = services.claimSpoolerIfFree(progress);
            return new DesktopSession(services, progress, identities, settings, runsSpooler);
        } catch (IOException e) {
            services.close();
            throw new UncheckedIOException("The spooler lock in " + start.profile() + " could not be taken", e);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    /**
     * Starts the desktop notifications, opens the first window, and from then on the windows
     * later launches ask for; returns the first window's stage. Call on the FX thread.
     */
    Stage start(GuiStart start) {
        notifier.start();
        Stage first = open(start.window());
        inbox = start.inbox();
        inbox.attach(this::openForAnotherLaunch);
        startSpoolerAfterFirstFrame(first);
        return first;
    }

    /**
     * The spooler's recovery and its first transfers take disk and a core: on a profile with a long
     * outbox they would compete with the first window's start (benchmark 8), so they begin once
     * the window has been laid out. Mail submitted meanwhile waits in the outbox, as it does for a
     * spooler already busy.
     */
    private void startSpoolerAfterFirstFrame(Stage first) {
        FirstFrame.afterLayout(first.getScene(), () -> background.execute(services::startClaimedSpooler));
    }

    private Stage open(WindowRequest request) {
        if (request.outbox()) {
            openOutbox();
            return outboxWindow.stage();
        }
        return openCompose(request.compose()).stage();
    }

    /** Any thread. The future completes once the window shows, or fails if Envoi is quitting. */
    private CompletableFuture<Void> openForAnotherLaunch(WindowRequest request) {
        CompletableFuture<Void> shown = new CompletableFuture<>();
        try {
            Platform.runLater(() -> {
                if (quitting) {
                    shown.completeExceptionally(new IllegalStateException("Envoi is quitting"));
                    return;
                }
                try {
                    open(request);
                    shown.complete(null);
                } catch (RuntimeException e) {
                    shown.completeExceptionally(e);
                }
            });
        } catch (IllegalStateException e) {
            shown.completeExceptionally(new IllegalStateException("Envoi is quitting"));
        }
        return shown;
    }

    /** Opens a compose window filled from the request (command line, mailto: link). Call on the FX thread. */
    ComposeWindow openCompose(ComposeRequest request) {
        ComposeWindow window = newWindow();
        if (request.isEmpty()) {
            window.model().offerDrafts();
        } else {
            request.from().ifPresent(window.model().message().fromProperty()::set);
            request.account().flatMap(name -> window.model().message().senders().stream()
                    .filter(s -> s.account().filter(name::equals).isPresent()).findFirst())
                    .ifPresent(window.model().message().senderProperty()::set);
            window.model().message().prefill(request.recipients(), request.subject(), request.body(),
                    request.attachments(), request.deliveryRequests());
        }
        window.show();
        return window;
    }

    private void openDraft(EntryId draftId) {
        ComposeWindow window = newWindow();
        window.model().message().open(draftId);
        window.show();
    }

    /** The one outbox window, brought to the front if it is already open. */
    private void openOutbox() {
        if (outboxWindow == null) {
            outboxWindow = new OutboxWindow(outboxContext, FxOutboxDialogs::new);
            counted(outboxWindow.stage(), () -> outboxWindow = null);
        }
        outboxWindow.show();
    }

    /** The one accounts window, brought to the front if it is already open. */
    private void openAccounts() {
        if (accountsWindow == null) {
            accountsWindow = new AccountsWindow(accountsContext, FxAccountsDialogs::new);
            counted(accountsWindow.stage(), () -> accountsWindow = null);
        }
        accountsWindow.show();
    }

    /** New or changed accounts: their identities become choices in every From list. */
    private void accountsChanged() {
        background.execute(() -> {
            List<Sender> fresh = FromChoices.of(services.store().accounts().accounts(), Optional.empty(),
                    MailAddress.of("envoi@localhost"));
            Platform.runLater(() -> {
                FromChoice.merge(identities, fresh);
                composeWindows.forEach(w -> w.model().message().offerSenders(fresh));
            });
        });
    }

    private void openSentMessage(EntryId sentId) {
        background.execute(() -> {
            try {
                DraftContent content = services.store().sentContent(sentId);
                SentMessageWindow.Delivery delivery = SentMessageWindow.Delivery.of(services.store(), sentId);
                Platform.runLater(() -> new SentMessageWindow(content, delivery).show());
            } catch (StoreException e) {
                Platform.runLater(() -> new Alert(Alert.AlertType.ERROR, e.getMessage()).show());
            }
        });
    }

    private ComposeWindow newWindow() {
        ComposeWindow window = new ComposeWindow(context, FxDialogs::new, FxFileChooser::new, identities);
        composeWindows.add(window);
        // Counted until its last submit or save is done: quitting sooner could lose that message.
        opened();
        window.stage().addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> sentFarewell(window));
        window.whenClosed(() -> {
            composeWindows.remove(window);
            closed();
        });
        return window;
    }

    /**
     * A window that closes itself after a send, leaving no other window, would let Envoi quit with
     * nothing seen: the desktop notice a message sent from a closed window gets says it was sent
     * (and, as a window of its own, keeps Envoi until it has been read).
     */
    private void sentFarewell(ComposeWindow window) {
        boolean lastWindow = composeWindows.size() == 1 && outboxWindow == null && accountsWindow == null;
        if (lastWindow && window.model().sending().sendStateProperty().get() instanceof SendState.HandedOff) {
            notices.accept(new DeliveryNotifier.Notice(texts.get("notify.sent.title"),
                    texts.get("notify.sent.text", window.model().message().subjectProperty().get()), false));
        }
    }

    /** Counts a window until it is hidden. */
    private void counted(Stage stage, Runnable onClosed) {
        opened();
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            onClosed.run();
            closed();
        });
    }

    private void opened() {
        Platform.setImplicitExit(false);
        openWindows.incrementAndGet();
    }

    /** When the last window is gone, {@link QuitWhenIdle} decides when Envoi quits. */
    private void closed() {
        if (openWindows.decrementAndGet() == 0 && !ended) {
            quitPolicy.lastWindowClosed();
        }
    }

    @Override
    public boolean hasWindows() {
        return openWindows.get() > 0;
    }

    /** On the FX thread, so no window can open between the quit policy's check and the refusal of new requests. */
    @Override
    public void quit() {
        if (notifier.isTelling()) {
            // What just happened to a message is being looked at: decide again once it has been told
            // (a notice shown without a window keeps Envoi until it is gone).
            PauseTransition again = new PauseTransition(javafx.util.Duration.millis(250));
            again.setOnFinished(e -> quitPolicy.lastWindowClosed());
            again.play();
            return;
        }
        quitting = true;
        inbox.close();
        Platform.exit();
    }

    @Override
    public void close() {
        ended = true;
        notifier.close();
        background.shutdown();
        services.close();
    }
}
