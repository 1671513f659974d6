package dev.envoi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package boundaries of DESIGN.md, kept by the build. */
@AnalyzeClasses(packages = "dev.envoi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theDomainDependsOnNothing = noClasses().that().resideInAPackage("dev.envoi.message..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.envoi.message..", "java..")
            .because("the domain is plain records and enums that every part can use without dragging in I/O");

    @ArchTest
    static final ArchRule sentencesDependOnlyOnTheDomain = noClasses().that().resideInAPackage("dev.envoi.i18n..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.envoi.i18n..", "dev.envoi.message..", "java..")
            .because("every part, the headless core included, takes its sentences from it; it must pull in nothing");

    @ArchTest
    static final ArchRule onlyTheStoreUsesSql = noClasses().that().resideOutsideOfPackage("dev.envoi.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
            .because("one part owns the database, so its transactions and durability rules hold everywhere");

    @ArchTest
    static final ArchRule onlyTheTransportUsesJakartaMail = noClasses().that()
            .resideOutsideOfPackages("dev.envoi.transport..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.eclipse.angus..", "jakarta.activation..")
            .because("MIME and SMTP details stay behind the Transport interface");

    @ArchTest
    static final ArchRule noSceneGraphOutsideViews = noClasses().that()
            .resideInAnyPackage("dev.envoi.message..", "dev.envoi.store..", "dev.envoi.spool..", "dev.envoi.transport..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("the core runs headless (envoi send) and is tested without a toolkit");

    @ArchTest
    static final ArchRule viewModelsHoldNoSceneTypes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..")
            .because("view-models are unit-tested without a window (STYLE.md: view <-> view-model)")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule accountDiscoveryIsHeadless = noClasses().that().resideInAPackage("dev.envoi.setup..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "java.sql..",
                    "org.sqlite..", "jakarta.mail..", "dev.envoi.store..", "dev.envoi.app..", "dev.envoi.settings..",
                    "dev.envoi.transport..")
            .because("finding an account's servers only asks the network; the command line and the window both use it, "
                    + "and what becomes of its answer is theirs to decide");

    @ArchTest
    static final ArchRule theStoreKnowsNoCallers = noClasses().that().resideInAPackage("dev.envoi.store..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.envoi.spool..", "dev.envoi.transport..",
                    "dev.envoi.compose..", "dev.envoi.outbox..", "dev.envoi.app..")
            .because("dependencies point inward: the store is used, it does not use (accounts are data it keeps)");

    @ArchTest
    static final ArchRule accountsKnowOnlyTheDomain = noClasses().that().resideInAPackage("dev.envoi.account..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.envoi.store..", "dev.envoi.spool..",
                    "dev.envoi.transport..", "dev.envoi.compose..", "dev.envoi.outbox..", "dev.envoi.app..")
            .because("an account is settings; the parts that use it depend on it, not the reverse");

    @ArchTest
    static final ArchRule onlyTheOAuthPartSpeaksOAuth = noClasses().that().resideOutsideOfPackage("dev.envoi.oauth..")
            .should().dependOnClassesThat().resideInAnyPackage("com.nimbusds..", "net.minidev..")
            .because("the OAuth 2.0 protocol stays behind the oauth package: the rest sees tokens as AccessTokens");

    @ArchTest
    static final ArchRule theOAuthPartIsHeadlessAndKeepsNoDatabase = noClasses().that().resideInAPackage("dev.envoi.oauth..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "java.sql..",
                    "dev.envoi.store..", "dev.envoi.spool..", "dev.envoi.transport..", "dev.envoi.app..",
                    "dev.envoi.settings..", "dev.envoi.ui..")
            .because("signing in runs from a command and from a window alike, and writes no token to the database");

    @ArchTest
    static final ArchRule theTransportKnowsNoStore = noClasses().that().resideInAPackage("dev.envoi.transport..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.envoi.store..", "dev.envoi.spool..",
                    "dev.envoi.compose..", "dev.envoi.outbox..", "dev.envoi.app..")
            .because("a transport only moves a message; the spooler decides what its outcome means for the store");

    @ArchTest
    static final ArchRule composeAndOutboxUseNoTransport = noClasses().that()
            .resideInAnyPackage("dev.envoi.compose..", "dev.envoi.outbox..", "dev.envoi.settings..", "dev.envoi.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.envoi.transport..")
            .because("windows talk to the store and spooler; only the app's wiring chooses a transport")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule windowsKnowNoApp = noClasses().that()
            .resideInAnyPackage("dev.envoi.compose..", "dev.envoi.outbox..", "dev.envoi.settings..", "dev.envoi.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.envoi.app..")
            .because("the app wires the windows together; a window only knows what it is handed");

    @ArchTest
    static final ArchRule noRawThreadsInWindows = noClasses().that()
            .resideInAnyPackage("dev.envoi.compose..", "dev.envoi.outbox..", "dev.envoi.settings..", "dev.envoi.ui..")
            .should().callConstructor(Thread.class)
            .orShould().callConstructor(Thread.class, Runnable.class)
            .because("background work goes through the injected executor, so tests can run it on their own thread")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheTerminalPrints = noClasses().that()
            .doNotHaveFullyQualifiedName("dev.envoi.app.cli.Terminal")
            .and().doNotHaveFullyQualifiedName("dev.envoi.app.desktop.StartupProbe")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("a desktop launch has no terminal: what a user must see goes through the command line's "
                    + "Terminal (tests hand it their own streams), what a bug report needs goes to the profile's log "
                    + "(StartupProbe is the start-up benchmark's, run from a terminal by docs/benchmarks.md)");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("dev.envoi.(*)..").should().beFreeOfCycles()
            .because("a newcomer reads the packages in one order, from the domain up to the app's wiring");

    @ArchTest
    static final ArchRule theAppsPartsHaveNoCycles = slices().matching("dev.envoi.app.(*)..").should().beFreeOfCycles()
            .because("the app reads in layers: the command line's words (cli), the profile's wiring, then the "
                    + "commands, the single instance and the desktop session; only the Launcher sees them all");

    @ArchTest
    static final ArchRule theCommandLinesWordsStandAlone = noClasses().that().resideInAPackage("dev.envoi.app.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.envoi.app.wiring..", "dev.envoi.app.command..",
                    "dev.envoi.app.instance..", "dev.envoi.app.desktop..")
            .orShould().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("every launch reads its arguments first, the headless commands and a window's launch alike");

    @ArchTest
    static final ArchRule commandsAndDesktopKnowNotEachOther = noClasses().that().resideInAPackage("dev.envoi.app.command..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.envoi.app.desktop..", "dev.envoi.app.instance..")
            .because("`envoi send` and the other commands run without the desktop session or the instance channel");

    @ArchTest
    static final ArchRule theInstanceChannelOpensNoWindow = noClasses().that().resideInAPackage("dev.envoi.app.instance..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.envoi.app.desktop..", "dev.envoi.app.command..",
                    "javafx..")
            .because("the channel only carries window requests between launches; the desktop session opens them");

    @ArchTest
    static final ArchRule theWiringServesEveryPart = noClasses().that().resideInAPackage("dev.envoi.app.wiring..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.envoi.app.command..", "dev.envoi.app.instance..",
                    "dev.envoi.app.desktop..")
            .because("a profile's services are the same for a command and for the desktop session");

    @ArchTest
    static final ArchRule loggingOnlyThroughSlf4j = noClasses().that()
            .doNotHaveFullyQualifiedName("dev.envoi.app.wiring.QuietLibraries")
            .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.logging..",
                    "org.apache.commons.logging..", "org.apache.log4j..")
            .orShould().dependOnClassesThat().belongToAnyOf(System.Logger.class, System.LoggerFinder.class)
            .because("one log, the profile's, through one API (SLF4J); QuietLibraries only turns down the "
                    + "java.util.logging of Angus Mail and JavaFX, which log through it");

    @ArchTest
    static final ArchRule onlyTheLogPackageKnowsLogback = noClasses().that().resideOutsideOfPackage("dev.envoi.log..")
            .should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..")
            .because("the binding is configured in one place, in code; the rest logs through SLF4J and could "
                    + "take another binding");
}
