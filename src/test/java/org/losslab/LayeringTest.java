package org.losslab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dependencies point inward (file → engine → trajectories → views), checked on the compiled classes
 * with ArchUnit, so a fully-qualified name, a same-package reference or a lambda counts as much as
 * an import. The layers, inner to outer:
 * <pre>
 *   engine ← io ← format ← render ← cli
 *                                  ← app
 * </pre>
 * Every package of the main code is in exactly one row below, and no two packages depend on each
 * other in a cycle. These fail the build the day someone takes a shortcut.
 */
class LayeringTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("org.losslab");
    }

    /** Each row: the packages (ArchUnit's syntax, {@code ..} is any depth) and what they may not touch. */
    @ParameterizedTest(name = "{0} uses none of {1}")
    @CsvSource(delimiter = ';', textBlock = """
            org.losslab.engine..      ; javafx.. | java.awt.. | javax.swing.. | javax.imageio.. | org.fxyz3d.. | com.fasterxml.. | org.losslab.io.. | org.losslab.format.. | org.losslab.render.. | org.losslab.cli.. | org.losslab.app..
            org.losslab.io..          ; javafx.. | java.awt.. | javax.imageio.. | org.fxyz3d.. | org.losslab.format.. | org.losslab.render.. | org.losslab.cli.. | org.losslab.app..
            org.losslab.format..      ; javafx.. | java.awt.. | javax.imageio.. | org.fxyz3d.. | org.losslab.render.. | org.losslab.cli.. | org.losslab.app..
            org.losslab.render..      ; javafx.. | org.fxyz3d.. | org.losslab.cli.. | org.losslab.app..
            org.losslab.cli..         ; javafx.. | org.fxyz3d.. | org.losslab.app..
            org.losslab.app..         ; org.losslab.cli..
            """)
    void layerUsesNothingOutward(String layer, String forbidden) {
        String[] packages = forbidden.trim().split("\\s*\\|\\s*");
        noClasses().that().resideInAPackage(layer.trim()).should().dependOnClassesThat().resideInAnyPackage(packages)
                .check(main);
    }

    /**
     * View models (every {@code model} package under {@code app}) know no view: no scene graph, no
     * window, and nothing of the app outside the view models, so they are unit-testable headless.
     */
    @Test
    void viewModelsKnowNoView() {
        DescribedPredicate<JavaClass> view = new DescribedPredicate<>("a scene-graph class or an app class outside a model package") {
            @Override
            public boolean test(JavaClass c) {
                String p = c.getPackageName();
                return p.startsWith("javafx.scene") || p.startsWith("javafx.stage") || p.startsWith("javafx.embed")
                        || p.startsWith("java.awt") || p.startsWith("org.fxyz3d")
                        || (p.startsWith("org.losslab.app") && !p.matches("org\\.losslab\\.app(\\..+)?\\.model(\\..+)?"));
            }
        };
        noClasses().that().resideInAPackage("org.losslab.app..model..").should().dependOnClassesThat(view).check(main);
    }

    /** Every package of the main code belongs to one of the layers above. */
    @Test
    void everyPackageIsInALayer() {
        List<String> layers = List.of("org.losslab", "org.losslab.engine", "org.losslab.io", "org.losslab.format",
                "org.losslab.render", "org.losslab.cli", "org.losslab.app");
        List<String> strays = main.stream().map(JavaClass::getPackageName).distinct()
                .filter(p -> layers.stream().noneMatch(l -> p.equals(l) || (!l.equals("org.losslab") && p.startsWith(l + "."))))
                .sorted().toList();
        assertEquals(List.of(), strays, "packages outside every layer: add them to a layer and to docs/implementation-notes.md");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.losslab.(**)").should().beFreeOfCycles().check(main);
    }

    /**
     * Lessons sit on top of their layer: {@code engine.lesson} measures what the rest of the engine
     * computes and {@code format.lesson} points at the other file kinds, never the other way round.
     */
    @ParameterizedTest(name = "{0} uses none of {1}")
    @CsvSource(delimiter = ';', textBlock = """
            org.losslab.engine.sim..      ; org.losslab.engine.lesson..
            org.losslab.engine.mlp..      ; org.losslab.engine.lesson..
            org.losslab.engine.analysis.. ; org.losslab.engine.lesson..
            org.losslab.engine.update..   ; org.losslab.engine.lesson..
            org.losslab.engine.optim..    ; org.losslab.engine.lesson..
            org.losslab.format.scenario.. ; org.losslab.format.lesson..
            org.losslab.format.train..    ; org.losslab.format.lesson..
            org.losslab.format.sweep..    ; org.losslab.format.lesson..
            org.losslab.format.escape..   ; org.losslab.format.lesson..
            """)
    void lessonsAreOnTopOfTheirLayer(String layer, String forbidden) {
        layerUsesNothingOutward(layer, forbidden);
    }
}
