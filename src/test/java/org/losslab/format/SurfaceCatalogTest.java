package org.losslab.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.losslab.engine.surface.Ackley;
import org.losslab.engine.surface.Beale;
import org.losslab.engine.surface.Booth;
import org.losslab.engine.surface.DoubleWell;
import org.losslab.engine.surface.GoldsteinPrice;
import org.losslab.engine.surface.Himmelblau;
import org.losslab.engine.surface.MonkeySaddle;
import org.losslab.engine.surface.Quadratic;
import org.losslab.engine.surface.Rastrigin;
import org.losslab.engine.surface.Regression;
import org.losslab.engine.surface.Rosenbrock;
import org.losslab.engine.surface.Saddle;
import org.losslab.engine.surface.SixHumpCamel;
import org.losslab.engine.surface.StyblinskiTang;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;

/** Type names and default views exactly as the spec's surface table gives them. */
class SurfaceCatalogTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(Quadratic.defaults(), "quadratic", Window.square(3)),
                Arguments.of(new Rosenbrock(1, 100), "rosenbrock", new Window(-2, 2, -1, 3)),
                Arguments.of(DoubleWell.defaults(), "doubleWell", new Window(-3.5, 3.5, -2.5, 2.5)),
                Arguments.of(Saddle.defaults(), "saddle", Window.square(2)),
                Arguments.of(new MonkeySaddle(), "monkeySaddle", Window.square(1.5)),
                Arguments.of(new Beale(), "beale", Window.square(4.5)),
                Arguments.of(new Himmelblau(), "himmelblau", Window.square(5)),
                Arguments.of(Rastrigin.defaults(), "rastrigin", Window.square(5.12)),
                Arguments.of(new Ackley(), "ackley", Window.square(5)),
                Arguments.of(new Booth(), "booth", Window.square(10)),
                Arguments.of(new SixHumpCamel(), "sixHumpCamel", new Window(-2, 2, -1, 1)),
                Arguments.of(new StyblinskiTang(), "styblinskiTang", Window.square(5)),
                Arguments.of(new GoldsteinPrice(), "goldsteinPrice", Window.square(2)),
                Arguments.of(Regression.defaults(), "regression", new Window(-1, 5, -4, 2)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("table")
    void typeAndDefaultViewFollowTheSpec(Surface s, String type, Window view) {
        assertEquals(type, s.type());
        assertEquals(view, s.defaultView());
        assertEquals(false, s.dependsOnTime());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("table")
    void defaultParametersFollowTheSpec(Surface s, String type, Window view) {
        switch (type) {
            case "quadratic" -> {
                assertEquals(10, ((Quadratic) s).kappa());
                assertEquals(0, ((Quadratic) s).angle());
            }
            case "doubleWell" -> {
                DoubleWell d = (DoubleWell) s;
                assertEquals(-1.5, d.sharpCenter());
                assertEquals(0.3, d.sharpWidth());
                assertEquals(1, d.sharpDepth());
                assertEquals(1.5, d.flatCenter());
                assertEquals(1, d.flatWidth());
                assertEquals(1, d.flatDepth());
                assertEquals(0.05, d.confinement());
            }
            case "saddle" -> {
                Saddle q = (Saddle) s;
                assertEquals(1, q.a());
                assertEquals(1, q.b());
                assertEquals(0, q.c());
            }
            case "rastrigin" -> assertEquals(10, ((Rastrigin) s).a());
            case "regression" -> {
                Regression r = (Regression) s;
                assertEquals(64, r.n());
                assertEquals(0.5, r.noise());
                assertEquals(7, r.dataSeed());
                assertEquals(2, r.trueW());
                assertEquals(-1, r.trueB());
            }
            default -> assertEquals(type, s.type(), "a surface without parameters");
        }
    }
}
