package org.losslab.engine.surface.expr;

/**
 * A compiled expression: a straight-line register program whose registers are second-order dual
 * numbers, so one pass gives f, ∇f and the Hessian exactly (forward-mode automatic
 * differentiation; Griewank &amp; Walther, <i>Evaluating Derivatives</i>, 2nd ed., 2008, ch. 3 and 13).
 *
 * <p>Slot k of a scratch array {@code s} holds {@code s[6k .. 6k+5] = (f, f_x, f_y, f_xx, f_xy, f_yy)}.
 * Each instruction computes {@code r = g(u, v)} from two slots (unary functions read a slot
 * that is always zero as v) together with the local partials g_u, g_v, g_uu, g_uv, g_vv, and
 * the chain rule gives, for a, b ∈ {x, y},
 * <pre>
 *   r_a  = g_u·u_a + g_v·v_a
 *   r_ab = g_uu·u_a·u_b + g_uv·(u_a·v_b + v_a·u_b) + g_vv·v_a·v_b + g_u·u_ab + g_v·v_ab
 * </pre>
 * A term is left out, not multiplied by zero, when its operand does not depend on a or b at all
 * (each instruction carries the x/y dependence of its operands). That is what reverse mode does
 * in torch: {@code sqrt(x) + y} has ∂/∂y = 1 at x = 0, not 0·∞ = NaN. Where an operand does
 * depend on a variable, the product is taken as torch takes it, NaN included (e.g.
 * {@code max(sqrt(x), 1)} has ∂/∂x = 0·∞ = NaN at x = 0, as in torch).
 *
 * <p>Local partials follow torch's derivative formulas ({@code tools/autograd/derivatives.yaml}
 * and {@code FunctionsManual.cpp}, PyTorch 1.13), including where they pick a value at a kink:
 * |u|' = sgn(u) (0 at 0); min/max split the gradient half/half on a tie; (u^v)_u = 0 where
 * v = 0 and (u^v)_v = 0 where u = 0 and v ≥ 0; √u' = ∞ at 0; softplus' = 1 for u &gt; 20 and
 * softplus'' = 0 for u ≥ 20. Second derivatives are the exact ones of the same formulas; torch's
 * own Hessian of a formula can show NaN at such kinks where this one is finite.
 *
 * <p>Instructions {@code [0, prefix)} depend on t alone (not on x or y); they run once per batch,
 * values only. Constant subexpressions were folded away by the {@link Compiler}.
 *
 * <p>A program is immutable and may be shared between threads; each thread evaluates with its own
 * scratch from {@link #newScratch()}. Evaluation allocates nothing.
 */
final class Program {

    /** Doubles per slot: value, two first and three second derivatives. */
    static final int WIDTH = 6;
    static final int V = 0, DX = 1, DY = 2, DXX = 3, DXY = 4, DYY = 5;

    /** Dependence bits of a slot: on x, on y. */
    static final int X = 1, Y = 2;

    /** Slots that every program has: the variables, and an all-zero slot for unary instructions. */
    static final int SLOT_X = 0, SLOT_Y = 1, SLOT_T = 2, SLOT_ZERO = 3, FIXED_SLOTS = 4;

    // Linear instructions: r = u + v, u − v, −u.
    static final int ADD = 0, SUB = 1, NEG = 2;
    // r = u·v; u/v; c/u (as torch's Tensor.__rtruediv__: reciprocal(u)·c); u^v (both tensors);
    // u^c (a plain-number exponent, torch's pow(Tensor, Scalar)); torch.minimum; torch.maximum.
    static final int MUL = 3, DIV = 4, RDIV = 5, POW = 6, POWC = 7, MIN = 8, MAX = 9;
    // One-argument functions.
    static final int SIN = 10, COS = 11, TAN = 12, ASIN = 13, ACOS = 14, ATAN = 15, SINH = 16, COSH = 17,
            TANH = 18, EXP = 19, LOG = 20, SQRT = 21, ABS = 22, SIGMOID = 23, SOFTPLUS = 24;

    /**
     * Instruction k is {@code code[4k .. 4k+3] = (opcode | operand dependence << 8, 6·result slot,
     * 6·slot of u, 6·slot of v)}: one array read in order keeps the interpreter loop tight.
     */
    private final int[] code;
    /** The plain-number operand of RDIV and POWC, per instruction. */
    private final double[] c;
    private final int length;
    private final int prefix;
    private final int out;
    /** Scratch as it starts: constants' values and the seeds ∂x/∂x = ∂y/∂y = 1. */
    private final double[] initial;

    // Operand dependence bits in an instruction word: u on x, u on y, v on x, v on y.
    private static final int UX = 1 << 8, UY = 2 << 8, VX = 4 << 8, VY = 8 << 8, OPCODE = 0xff;

    /**
     * @param op      opcodes. Not modified.
     * @param dst     result slot of each instruction. Not modified.
     * @param a       first operand slot. Not modified.
     * @param b       second operand slot ({@link #SLOT_ZERO} for unary instructions). Not modified.
     * @param c       plain-number operand. Not modified; kept.
     * @param ma      dependence bits ({@link #X}, {@link #Y}) of operand a. Not modified.
     * @param mb      dependence bits of operand b. Not modified.
     * @param prefix  number of leading instructions that depend on t only
     * @param out     the slot holding f
     * @param initial scratch template with constants' values in their slots. Modified (seeds); kept.
     */
    Program(int[] op, int[] dst, int[] a, int[] b, double[] c, int[] ma, int[] mb, int prefix, int out,
            double[] initial) {
        this.length = op.length;
        this.code = new int[4 * length];
        for (int k = 0; k < length; k++) {
            code[4 * k] = op[k] | (ma[k] | mb[k] << 2) << 8;
            code[4 * k + 1] = WIDTH * dst[k];
            code[4 * k + 2] = WIDTH * a[k];
            code[4 * k + 3] = WIDTH * b[k];
        }
        this.c = c;
        this.prefix = prefix;
        this.out = out;
        this.initial = initial;
        initial[WIDTH * SLOT_X + DX] = 1;
        initial[WIDTH * SLOT_Y + DY] = 1;
    }

    /** A fresh scratch array for one thread's evaluations. */
    double[] newScratch() {
        return initial.clone();
    }

    /** Number of instructions (after constant folding). */
    int length() {
        return length;
    }

    /**
     * f and ∇f at points {@code 0 <= i < n} in the layout of
     * {@link org.losslab.engine.surface.Surface#evaluate}.
     *
     * @param p points. Not modified.
     * @param f values. Modified.
     * @param g gradients. Modified.
     * @param s scratch from {@link #newScratch()}. Modified.
     */
    void evaluate(int n, int stride, double[] p, double t, double[] f, double[] g, double[] s) {
        startBatch(s, t);
        final int o = WIDTH * out;
        for (int i = 0; i < n; i++) {
            s[WIDTH * SLOT_X] = p[i];
            s[WIDTH * SLOT_Y] = p[stride + i];
            duals(s, 1, code, c, prefix, length);
            f[i] = s[o];
            g[i] = s[o + DX];
            g[stride + i] = s[o + DY];
        }
    }

    /**
     * f at points {@code 0 <= i < n}.
     *
     * @param p points. Not modified.
     * @param f values. Modified.
     * @param s scratch. Modified.
     */
    void value(int n, int stride, double[] p, double t, double[] f, double[] s) {
        startBatch(s, t);
        final int o = WIDTH * out;
        for (int i = 0; i < n; i++) {
            s[WIDTH * SLOT_X] = p[i];
            s[WIDTH * SLOT_Y] = p[stride + i];
            values(s, code, c, prefix, length);
            f[i] = s[o];
        }
    }

    /**
     * Hessians at points {@code 0 <= i < n}: f_xx in {@code h[i]}, f_xy in {@code h[stride + i]},
     * f_yy in {@code h[2 * stride + i]}.
     *
     * @param p points. Not modified.
     * @param h Hessian entries. Modified.
     * @param s scratch. Modified.
     */
    void hessian(int n, int stride, double[] p, double t, double[] h, double[] s) {
        startBatch(s, t);
        final int o = WIDTH * out;
        for (int i = 0; i < n; i++) {
            s[WIDTH * SLOT_X] = p[i];
            s[WIDTH * SLOT_Y] = p[stride + i];
            duals(s, 2, code, c, prefix, length);
            h[i] = s[o + DXX];
            h[stride + i] = s[o + DXY];
            h[2 * stride + i] = s[o + DYY];
        }
    }

    /** Sets t and computes the instructions that depend on t alone. */
    private void startBatch(double[] s, double t) {
        s[WIDTH * SLOT_T] = t;
        values(s, code, c, 0, prefix);
    }

    /** The value of one instruction on plain numbers (the compiler folds constants with it). */
    static double fold(int opcode, double u, double v, double c) {
        return apply(opcode, u, v, c);
    }

    /**
     * Values only of instructions {@code [from, to)}.
     *
     * @param s scratch. Modified.
     */
    private static void values(double[] s, int[] code, double[] c, int from, int to) {
        for (int k = from; k < to; k++) {
            final int w = 4 * k;
            s[code[w + 1]] = apply(code[w] & OPCODE, s[code[w + 2]], s[code[w + 3]], c[k]);
        }
    }

    /** r = g(u, v) for one instruction; {@link #duals} computes the same r along with its partials. */
    private static double apply(int opcode, double u, double v, double c) {
        return switch (opcode) {
            case ADD -> u + v;
            case SUB -> u - v;
            case NEG -> -u;
            case MUL -> u * v;
            case DIV -> u / v;
            case RDIV -> (1 / u) * c;
            case POW -> TorchMath.pow(u, v);
            case POWC -> TorchMath.powScalar(u, c);
            case MIN -> TorchMath.minimum(u, v);
            case MAX -> TorchMath.maximum(u, v);
            case SIN -> Math.sin(u);
            case COS -> Math.cos(u);
            case TAN -> Math.tan(u);
            case ASIN -> Math.asin(u);
            case ACOS -> Math.acos(u);
            case ATAN -> Math.atan(u);
            case SINH -> Math.sinh(u);
            case COSH -> Math.cosh(u);
            case TANH -> Math.tanh(u);
            case EXP -> Math.exp(u);
            case LOG -> Math.log(u);
            case SQRT -> Math.sqrt(u);
            case ABS -> Math.abs(u);
            case SIGMOID -> TorchMath.sigmoid(u);
            case SOFTPLUS -> TorchMath.softplus(u);
            default -> throw new IllegalStateException("opcode " + opcode);
        };
    }

    /**
     * Values and derivatives to order 1 (f_x, f_y) or 2 (also f_xx, f_xy, f_yy) of instructions
     * {@code [from, to)}.
     *
     * @param s scratch. Modified.
     */
    private static void duals(double[] s, int order, int[] code, double[] c, int from, int to) {
        final int last = order == 1 ? DY : DYY;
        for (int k = from; k < to; k++) {
            final int w = 4 * k;
            final int word = code[w], o = code[w + 1], ia = code[w + 2], ib = code[w + 3];
            final double u = s[ia], v = s[ib];
            double r;
            double gu = 0, gv = 0, guu = 0, guv = 0, gvv = 0;
            switch (word & OPCODE) {
                // Linear: derivatives an operand does not have are stored as exact zeros, so
                // adding them needs no dependence check.
                case ADD -> {
                    for (int j = V; j <= last; j++) {
                        s[o + j] = s[ia + j] + s[ib + j];
                    }
                    continue;
                }
                case SUB -> {
                    for (int j = V; j <= last; j++) {
                        s[o + j] = s[ia + j] - s[ib + j];
                    }
                    continue;
                }
                case NEG -> {
                    for (int j = V; j <= last; j++) {
                        s[o + j] = -s[ia + j];
                    }
                    continue;
                }
                case MUL -> {
                    r = u * v;
                    gu = v;
                    gv = u;
                    guv = 1;
                }
                case DIV -> {
                    // torch div backward: grad/v and −grad·((u/v)/v).
                    r = u / v;
                    gu = 1 / v;
                    gv = -(u / v) / v;
                    guv = -1 / (v * v);
                    gvv = 2 * r / (v * v);
                }
                case RDIV -> {
                    // c/u is reciprocal(u)·c; reciprocal' = −q², reciprocal'' = 2q³.
                    final double q = 1 / u;
                    r = q * c[k];
                    gu = -c[k] * (q * q);
                    guu = 2 * c[k] * (q * q * q);
                }
                case POW -> {
                    // pow_backward_self / pow_backward_exponent of FunctionsManual.cpp.
                    r = TorchMath.pow(u, v);
                    final double logU = Math.log(u);
                    final double uVm1 = TorchMath.pow(u, v - 1);
                    final boolean flatInV = u == 0 && v >= 0;
                    gu = v == 0 ? 0 : v * uVm1;
                    gv = flatInV ? 0 : r * logU;
                    if (order == 2) {
                        guu = v == 0 || v == 1 ? 0 : v * ((v - 1) * TorchMath.pow(u, v - 2));
                        guv = uVm1 * (1 + v * logU);
                        gvv = flatInV ? 0 : r * logU * logU;
                    }
                }
                case POWC -> {
                    // pow_backward(grad, u, c) = c·u^(c−1), zero when c = 0; u^(c−1) by torch's pow(Tensor, Scalar).
                    final double e = c[k];
                    r = TorchMath.powScalar(u, e);
                    gu = e == 0 ? 0 : e * TorchMath.powScalar(u, e - 1);
                    if (order == 2) {
                        guu = e == 0 || e == 1 ? 0 : e * ((e - 1) * TorchMath.powScalar(u, e - 2));
                    }
                }
                case MIN -> {
                    // minimum backward: where(u == v, grad/2, grad), masked to 0 on the larger side.
                    r = TorchMath.minimum(u, v);
                    gu = u == v ? 0.5 : u > v ? 0 : 1;
                    gv = u == v ? 0.5 : u < v ? 0 : 1;
                }
                case MAX -> {
                    r = TorchMath.maximum(u, v);
                    gu = u == v ? 0.5 : u < v ? 0 : 1;
                    gv = u == v ? 0.5 : u > v ? 0 : 1;
                }
                case SIN -> {
                    r = Math.sin(u);
                    gu = Math.cos(u);
                    guu = -r;
                }
                case COS -> {
                    r = Math.cos(u);
                    gu = -Math.sin(u);
                    guu = -r;
                }
                case TAN -> {
                    // tan' = 1 + tan², tan'' = 2·tan·(1 + tan²).
                    r = Math.tan(u);
                    gu = 1 + r * r;
                    guu = 2 * r * gu;
                }
                case ASIN -> {
                    // asin' = (1 − u²)^(−½) (torch: rsqrt(−u·u + 1)), asin'' = u·(asin')³.
                    r = Math.asin(u);
                    gu = 1 / Math.sqrt(-u * u + 1);
                    guu = u * gu * gu * gu;
                }
                case ACOS -> {
                    r = Math.acos(u);
                    gu = -(1 / Math.sqrt(-u * u + 1));
                    guu = u * gu * gu * gu;
                }
                case ATAN -> {
                    // atan' = 1/(u² + 1), atan'' = −2u·(atan')².
                    r = Math.atan(u);
                    gu = 1 / (u * u + 1);
                    guu = -2 * u * gu * gu;
                }
                case SINH -> {
                    r = Math.sinh(u);
                    gu = Math.cosh(u);
                    guu = r;
                }
                case COSH -> {
                    r = Math.cosh(u);
                    gu = Math.sinh(u);
                    guu = r;
                }
                case TANH -> {
                    // tanh_backward: 1 − r²; second derivative −2r(1 − r²).
                    r = Math.tanh(u);
                    gu = 1 - r * r;
                    guu = -2 * r * gu;
                }
                case EXP -> {
                    r = Math.exp(u);
                    gu = r;
                    guu = r;
                }
                case LOG -> {
                    r = Math.log(u);
                    gu = 1 / u;
                    guu = -1 / (u * u);
                }
                case SQRT -> {
                    // sqrt backward: grad/(2r), so ∞ at 0; second derivative −1/(4r³).
                    r = Math.sqrt(u);
                    gu = 1 / (2 * r);
                    guu = -1 / (4 * r * r * r);
                }
                case ABS -> {
                    r = Math.abs(u);
                    gu = TorchMath.sgn(u);
                }
                case SIGMOID -> {
                    // sigmoid_backward: (1 − r)·r; second derivative (1 − r)·r·(1 − 2r).
                    r = TorchMath.sigmoid(u);
                    gu = (1 - r) * r;
                    guu = gu * (1 - 2 * r);
                }
                case SOFTPLUS -> {
                    // softplus_backward: z/(z + 1), z = exp(u), or 1 for u > 20;
                    // softplus_double_backward: σ(u)(1 − σ(u)) for u < 20, else 0.
                    r = TorchMath.softplus(u);
                    final double z = Math.exp(u);
                    gu = u > TorchMath.SOFTPLUS_THRESHOLD ? 1 : z / (z + 1);
                    final double sg = TorchMath.sigmoid(u);
                    guu = u < TorchMath.SOFTPLUS_THRESHOLD ? (1 - sg) * sg : 0;
                }
                default -> throw new IllegalStateException("opcode " + (word & OPCODE));
            }
            s[o] = r;
            // First-order chain rule; a term is left out where its operand does not depend on the variable.
            double rx = 0, ry = 0;
            if ((word & UX) != 0) {
                rx = gu * s[ia + DX];
            }
            if ((word & VX) != 0) {
                rx += gv * s[ib + DX];
            }
            if ((word & UY) != 0) {
                ry = gu * s[ia + DY];
            }
            if ((word & VY) != 0) {
                ry += gv * s[ib + DY];
            }
            s[o + DX] = rx;
            s[o + DY] = ry;
            if (order == 2) {
                secondOrder(s, o, ia, ib, word, gu, gv, guu, guv, gvv);
            }
        }
    }

    /**
     * Writes r_xx, r_xy, r_yy of the result at {@code o}, leaving out the terms of an operand that
     * does not depend on the variable (see the class comment).
     */
    private static void secondOrder(double[] s, int o, int ia, int ib, int word,
                                    double gu, double gv, double guu, double guv, double gvv) {
        final boolean uX = (word & UX) != 0, uY = (word & UY) != 0, vX = (word & VX) != 0, vY = (word & VY) != 0;
        final double ux = s[ia + DX], uy = s[ia + DY], vx = s[ib + DX], vy = s[ib + DY];
        double rxx = 0, rxy = 0, ryy = 0;
        if (uX) {
            rxx = guu * ux * ux + gu * s[ia + DXX];
        }
        if (vX) {
            rxx += gvv * vx * vx + gv * s[ib + DXX];
        }
        if (uX && vX) {
            rxx += 2 * guv * ux * vx;
        }
        if (uX && uY) {
            rxy = guu * ux * uy + gu * s[ia + DXY];
        }
        if (vX && vY) {
            rxy += gvv * vx * vy + gv * s[ib + DXY];
        }
        if (uX && vY) {
            rxy += guv * ux * vy;
        }
        if (vX && uY) {
            rxy += guv * vx * uy;
        }
        if (uY) {
            ryy = guu * uy * uy + gu * s[ia + DYY];
        }
        if (vY) {
            ryy += gvv * vy * vy + gv * s[ib + DYY];
        }
        if (uY && vY) {
            ryy += 2 * guv * uy * vy;
        }
        s[o + DXX] = rxx;
        s[o + DXY] = rxy;
        s[o + DYY] = ryy;
    }
}
