package org.racelab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the dependency arrow pointing one way: ui and cli use model and lab, never the reverse. */
@AnalyzeClasses(packages = "org.racelab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage("org.racelab.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("only the ui package may touch JavaFX; the CLI must run with no display");

    @ArchTest
    static final ArchRule modelKnowsNoOuterLayer = noClasses()
            .that().resideInAPackage("org.racelab.model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.racelab.lab..", "org.racelab.ui..", "org.racelab.cli..")
            .because("the model is the pure core the other layers build on");

    @ArchTest
    static final ArchRule labKnowsNoFrontEnd = noClasses()
            .that().resideInAPackage("org.racelab.lab..")
            .should().dependOnClassesThat().resideInAnyPackage("org.racelab.ui..", "org.racelab.cli..")
            .because("the lab backend serves both front ends");

    @ArchTest
    static final ArchRule onlyCliWritesToStandardStreams = noClasses()
            .that().resideOutsideOfPackage("org.racelab.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("only the command line prints; the window reports inline");

    @ArchTest
    static final ArchRule noStackTracesToConsole = noClasses()
            .should().callMethod(Throwable.class, "printStackTrace")
            .because("errors are reported as messages, never as stack traces");
}
