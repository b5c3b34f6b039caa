package app.cosell.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The directions of dependency of docs/architecture.md, enforced by the build: each rule is one sentence of that page.
 * Only the app's own classes are analysed (not the tests, which may reach across packages to set things up).
 */
@AnalyzeClasses(packages = "app.cosell", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    private static final String SDK = "software.amazon.awssdk..";
    private static final String JAVAFX = "javafx..";

    @ArchTest
    static final ArchRule modelIsSelfContained = noClasses().that().resideInAPackage("app.cosell.model..")
            .should().dependOnClassesThat().resideInAnyPackage("app.cosell.partner..", "app.cosell.engagement..",
                    "app.cosell.store..", "app.cosell.cli..", "app.cosell.ui..", "app.cosell.emulator..", JAVAFX, SDK)
            .as("model depends on nothing of ours, and on neither JavaFX nor the SDK");

    @ArchTest
    static final ArchRule onlyPartnerUsesTheSdk = noClasses().that().resideOutsideOfPackage("app.cosell.partner..")
            .should().dependOnClassesThat().resideInAPackage(SDK)
            .as("only the partner package imports the AWS SDK");

    @ArchTest
    static final ArchRule partnerDependsOnModelOnly = noClasses().that().resideInAPackage("app.cosell.partner..")
            .should().dependOnClassesThat().resideInAnyPackage("app.cosell.engagement..", "app.cosell.store..",
                    "app.cosell.cli..", "app.cosell.ui..", "app.cosell.emulator..", JAVAFX)
            .as("partner depends on model, files and the SDK only");

    @ArchTest
    static final ArchRule engagementStaysBelowTheViews = noClasses().that().resideInAPackage("app.cosell.engagement..")
            .should().dependOnClassesThat().resideInAnyPackage("app.cosell.cli..", "app.cosell.ui..",
                    "app.cosell.emulator..", JAVAFX)
            .as("engagement depends on model, partner and store; never on a view, the command line or the emulator");

    @ArchTest
    static final ArchRule filesDependOnNothingOfOurs = noClasses().that().resideInAPackage("app.cosell.files..")
            .should().dependOnClassesThat().resideInAnyPackage("app.cosell.model..", "app.cosell.partner..",
                    "app.cosell.engagement..", "app.cosell.store..", "app.cosell.cli..", "app.cosell.ui..",
                    "app.cosell.emulator..", JAVAFX, SDK)
            .as("files (the app's own files: folder, JSON mapper, atomic writes) depends on nothing of ours");

    @ArchTest
    static final ArchRule onlyStoreSpeaksSql = noClasses().that().resideOutsideOfPackage("app.cosell.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
            .allowEmptyShould(true)
            .as("store is the only package with SQL");

    @ArchTest
    static final ArchRule storeDependsOnModelOnly = noClasses().that().resideInAPackage("app.cosell.store..")
            .should().dependOnClassesThat().resideInAnyPackage("app.cosell.partner..", "app.cosell.engagement..",
                    "app.cosell.cli..", "app.cosell.ui..", "app.cosell.emulator..", JAVAFX, SDK)
            .allowEmptyShould(true)
            .as("store depends on model only");

    @ArchTest
    static final ArchRule commandLineHasNoWindow = noClasses().that().resideInAPackage("app.cosell.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("app.cosell.ui..", "app.cosell.emulator..", JAVAFX)
            .as("cli never depends on ui, the emulator or JavaFX");

    @ArchTest
    static final ArchRule viewsNeverSeeTheSdkOrTheEmulator = noClasses().that().resideInAPackage("app.cosell.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(SDK, "app.cosell.emulator..", "app.cosell.cli..")
            .as("ui depends on model, engagement and partner; never on the SDK, the emulator or the command line");

    @ArchTest
    static final ArchRule emulatorSpeaksOnlyTheWire = noClasses().that().resideInAPackage("app.cosell.emulator..")
            .should().dependOnClassesThat().resideInAnyPackage("app.cosell.partner..", "app.cosell.engagement..",
                    "app.cosell.store..", "app.cosell.cli..", "app.cosell.ui..", "app.cosell.files..", JAVAFX, SDK)
            .as("the emulator depends on nothing of ours but model enums, and never on the SDK's marshallers");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("app.cosell.(*)..").should().beFreeOfCycles()
            .as("no cycles between the top-level packages");

    @ArchTest
    static final ArchRule noCyclesBetweenScreens = slices().matching("app.cosell.ui.(*)..").should().beFreeOfCycles()
            .as("no cycles between the sub-packages of ui");
}
