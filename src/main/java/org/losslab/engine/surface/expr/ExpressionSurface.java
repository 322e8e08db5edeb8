package org.losslab.engine.surface.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.losslab.engine.surface.Surface;
import org.losslab.engine.surface.Window;

/**
 * The spec's {@code expression} surface: f(x, y; t) typed as a formula, e.g.
 * {@code "x^4/4 - x^2 + 0.5*(y - 0.5*x)^2 + 0.1*sin(3*x)"}, in the variables x, y, t (the update
 * number), named params, {@code pi} and {@code e}, with {@code + - * / ^}, parentheses and the
 * functions {@code sin cos tan asin acos atan sinh cosh tanh exp log sqrt abs sigmoid softplus}
 * and {@code min max pow} (two arguments). {@code ^} is right-associative and binds tighter than
 * unary minus: {@code -x^2 = -(x^2)}, {@code 2^3^2 = 512}, {@code 2^-1 = 0.5}.
 *
 * <p>Values and derivatives are those of the PyTorch reference, which evaluates the same string
 * in Python with {@code ^} read as {@code **}, x and y as float64 tensors and the functions from
 * torch: softplus is torch.nn.functional.softplus (threshold 20), |u|' = sgn(u), min and max
 * split the gradient evenly on a tie, √u' = ∞ at 0, and so on (see {@link Program}). The gradient
 * and Hessian are exact, by forward-mode automatic differentiation in second-order dual numbers.
 *
 * <p>The formula is parsed and compiled once; evaluation allocates nothing. <b>Thread safety:</b>
 * a surface may be used from several threads at once; each thread gets its own scratch (a
 * {@link ThreadLocal}), so the only cost of sharing is one thread-local lookup per batch call.
 */
public final class ExpressionSurface implements Surface {

    private final String source;
    private final Map<String, Double> params;
    private final boolean dependsOnTime;
    private final Program program;
    private final ThreadLocal<double[]> scratch;

    private ExpressionSurface(String source, Map<String, Double> params, Node tree) {
        this.source = source;
        this.params = params;
        this.dependsOnTime = tree.mentions('t');
        this.program = Compiler.compile(tree);
        this.scratch = ThreadLocal.withInitial(program::newScratch);
    }

    /**
     * Parses and compiles {@code formula}. This is also the check for a scenario validator: it
     * throws for every formula or param the surface cannot use, and nothing else can fail later.
     *
     * @param formula the formula, as in a scenario's {@code "f"}
     * @param params  named numbers the formula may use (may be empty). Not modified; copied.
     * @return the surface
     * @throws ExpressionException with the 1-based {@link ExpressionException#column() column} of
     *                             the formula where it goes wrong, or the offending
     *                             {@link ExpressionException#param() param}
     */
    public static ExpressionSurface parse(String formula, Map<String, Double> params) {
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(params, "params");
        Map<String, Double> copy = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        return new ExpressionSurface(formula, copy, Parser.parse(formula, copy));
    }

    /** {@link #parse(String, Map)} without params. */
    public static ExpressionSurface parse(String formula) {
        return parse(formula, Map.of());
    }

    /** The formula as given. */
    public String source() {
        return source;
    }

    /** The params as given (unmodifiable, in the given order). */
    public Map<String, Double> params() {
        return params;
    }

    @Override
    public String type() {
        return "expression";
    }

    @Override
    public Window defaultView() {
        return Window.square(3);
    }

    /** True iff the formula mentions t. */
    @Override
    public boolean dependsOnTime() {
        return dependsOnTime;
    }

    @Override
    public void evaluate(int n, int stride, double[] p, double t, double[] f, double[] g) {
        program.evaluate(n, stride, p, t, f, g, scratch.get());
    }

    @Override
    public void value(int n, int stride, double[] p, double t, double[] f) {
        program.value(n, stride, p, t, f, scratch.get());
    }

    @Override
    public void hessian(int n, int stride, double[] p, double t, double[] h) {
        program.hessian(n, stride, p, t, h, scratch.get());
    }

    @Override
    public String toString() {
        return "expression " + source + (params.isEmpty() ? "" : " " + params);
    }
}
