package org.losslab.format;

import static org.losslab.format.Param.integer;
import static org.losslab.format.Param.nonNegative;
import static org.losslab.format.Param.positive;
import static org.losslab.format.Param.real;

import java.util.List;
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
import org.losslab.engine.surface.expr.ExpressionSurface;

/** The surfaces a scenario may name, with their parameters, defaults and formulas. */
public final class SurfaceCatalog {
    private static final Schemas SCHEMAS = new Schemas();

    static {
        SCHEMAS.add("quadratic", "Ill-conditioned quadratic", "½(u² + κv²), u, v the axes rotated by θ",
                positive("kappa", 10.0, "Condition number κ = λmax/λmin: how much steeper the narrow direction is."),
                real("angle", 0.0, "Rotation θ of the valley in degrees (0: aligned with the axes)."));
        SCHEMAS.add("rosenbrock", "Rosenbrock's valley", "(a − x)² + b(y − x²)²",
                real("a", 1.0, "Minimum at (a, a²)."),
                nonNegative("b", 100.0, "Steepness b of the curved valley's walls."));
        SCHEMAS.add("doubleWell", "Double well: a sharp and a flat minimum",
                "−d₁·exp(−|p − c₁|²/2w₁²) − d₂·exp(−|p − c₂|²/2w₂²) + k|p|²",
                real("sharpCenter", -1.5, "x of the sharp well's centre."),
                positive("sharpWidth", 0.3, "Width of the sharp well (small: high curvature)."),
                real("sharpDepth", 1.0, "Depth of the sharp well."),
                real("flatCenter", 1.5, "x of the flat well's centre."),
                positive("flatWidth", 1.0, "Width of the flat well (large: low curvature)."),
                real("flatDepth", 1.0, "Depth of the flat well."),
                real("confinement", 0.05, "Strength k of the bowl k(x² + y²) that keeps runs near the wells."));
        SCHEMAS.add("saddle", "Saddle point", "½a·x² − ½b·y² + ¼c·y⁴",
                real("a", 1.0, "Curvature along x (positive: a valley)."),
                real("b", 1.0, "Negative curvature along y (positive: a ridge)."),
                real("c", 0.0, "Quartic term c·y⁴/4: with c > 0 the ridge falls into two valleys."));
        SCHEMAS.add("monkeySaddle", "Monkey saddle", "x³ − 3xy²");
        SCHEMAS.add("beale", "Beale's function", "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²");
        SCHEMAS.add("himmelblau", "Himmelblau's function", "(x² + y − 11)² + (x + y² − 7)²");
        SCHEMAS.add("rastrigin", "Rastrigin's function", "2A + x² − A cos 2πx + y² − A cos 2πy",
                real("A", 10.0, "Amplitude A of the ripples (many local minima)."));
        SCHEMAS.add("ackley", "Ackley's function", "−20·exp(−0.2√(½(x²+y²))) − exp(½(cos 2πx + cos 2πy)) + e + 20");
        SCHEMAS.add("booth", "Booth's function", "(x + 2y − 7)² + (2x + y − 5)²");
        SCHEMAS.add("sixHumpCamel", "Six-hump camel", "(4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²");
        SCHEMAS.add("styblinskiTang", "Styblinski–Tang", "½(x⁴ − 16x² + 5x + y⁴ − 16y² + 5y)");
        SCHEMAS.add("goldsteinPrice", "Goldstein–Price", "the standard Goldstein–Price function");
        SCHEMAS.add("regression", "Linear regression (least squares)", "(1/2n)·Σ(w·aᵢ + b − bᵢ)² over n noisy points",
                integer("n", 64L, 2, 1_000_000, "Number of data points n."),
                nonNegative("noise", 0.5, "Standard deviation of the label noise."),
                integer("dataSeed", 7L, Long.MIN_VALUE, Long.MAX_VALUE, "Seed of the generated data."),
                real("trueW", 2.0, "Slope of the line the data come from."),
                real("trueB", -1.0, "Intercept of the line the data come from."));
        SCHEMAS.add("expression", "Your own formula", "f(x, y, t) as typed",
                Param.string("f", "The formula in x, y, t (update number) and named params; e.g. x^2 + 10*y^2.").required(),
                Param.numberMap("params", "Named numbers the formula may use, e.g. {\"k\": 3}."));
    }

    private SurfaceCatalog() {
    }

    public static List<String> types() {
        return SCHEMAS.types();
    }

    public static Schema schema(String type) {
        return SCHEMAS.get(type);
    }

    /** Surfaces that are a mean over examples, so runs may set batchSize. */
    public static boolean isFiniteSum(String type) {
        return type.equals("regression");
    }

    /**
     * The engine surface for a checked surface object.
     *
     * @throws ExpressionException if a typed formula does not parse (with its column)
     */
    public static Surface build(Typed t) {
        Schema s = SCHEMAS.get(t.type());
        switch (t.type()) {
            case "quadratic":
                return new Quadratic(s.number(t, "kappa"), s.number(t, "angle"));
            case "rosenbrock":
                return new Rosenbrock(s.number(t, "a"), s.number(t, "b"));
            case "doubleWell":
                return new DoubleWell(s.number(t, "sharpCenter"), s.number(t, "sharpWidth"), s.number(t, "sharpDepth"),
                        s.number(t, "flatCenter"), s.number(t, "flatWidth"), s.number(t, "flatDepth"),
                        s.number(t, "confinement"));
            case "saddle":
                return new Saddle(s.number(t, "a"), s.number(t, "b"), s.number(t, "c"));
            case "monkeySaddle":
                return new MonkeySaddle();
            case "beale":
                return new Beale();
            case "himmelblau":
                return new Himmelblau();
            case "rastrigin":
                return new Rastrigin(s.number(t, "A"));
            case "ackley":
                return new Ackley();
            case "booth":
                return new Booth();
            case "sixHumpCamel":
                return new SixHumpCamel();
            case "styblinskiTang":
                return new StyblinskiTang();
            case "goldsteinPrice":
                return new GoldsteinPrice();
            case "regression":
                return new Regression((int) s.integer(t, "n"), s.number(t, "noise"), s.integer(t, "dataSeed"),
                        s.number(t, "trueW"), s.number(t, "trueB"));
            case "expression":
                return ExpressionSurface.parse(s.string(t, "f"), s.numberMap(t, "params"));
            default:
                throw new IllegalArgumentException("unknown surface " + t.type());
        }
    }
}
