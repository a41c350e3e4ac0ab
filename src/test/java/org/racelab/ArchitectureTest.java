package org.racelab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;

/**
 * Keeps the dependency arrow pointing one way: ui and cli use model and lab, never the reverse; parts never import
 * each other; no package cycles.
 */
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
    static final ArchRule cliNeverUsesUi = noClasses()
            .that().resideInAPackage("org.racelab.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.racelab.ui..")
            .because("the command line runs with no display and shares the model, not the window");

    /** Every package under ui except the shell, the Part interface and the shared controls is a part. */
    @ArchTest
    static final ArchRule partsAreFreeOfEachOther = slices()
            .assignedFrom(new SliceAssignment() {
                @Override
                public SliceIdentifier getIdentifierOf(JavaClass c) {
                    String pkg = c.getPackageName();
                    if (!pkg.startsWith("org.racelab.ui.")) {
                        return SliceIdentifier.ignore();
                    }
                    String first = pkg.substring("org.racelab.ui.".length()).split("\\.")[0];
                    return Set.of("shell", "part", "controls").contains(first)
                            ? SliceIdentifier.ignore()
                            : SliceIdentifier.of("part " + first);
                }

                @Override
                public String getDescription() {
                    return "the parts under ui (stepper, lab, explorer, queue, pool and any later one)";
                }
            })
            .should().notDependOnEachOther()
            .because("parts meet only in the shell's composition root and coordinator");

    @ArchTest
    static final ArchRule partsAndControlsNeverReachUpIntoTheShell = noClasses()
            .that().resideInAPackage("org.racelab.ui..")
            .and().resideOutsideOfPackage("org.racelab.ui.shell..")
            .should().dependOnClassesThat().resideInAPackage("org.racelab.ui.shell..")
            .because("the shell composes the parts; a part talks to it only through the Part interface");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices()
            .matching("org.racelab.(**)")
            .should().beFreeOfCycles()
            .because("every package depends one way; a cycle would make them one package in disguise");

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
