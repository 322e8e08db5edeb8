package org.losslab.engine.surface.expr;

import static org.losslab.engine.surface.expr.Program.WIDTH;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Node} tree into a {@link Program}, choosing each instruction as the PyTorch
 * reference would meet the operation. There x and y are tensors, t is a tensor without gradient,
 * and numbers, {@code pi}, {@code e} and params are Python floats, so:
 * <ul>
 *   <li>a subexpression of plain numbers only is folded here to one number, as Python computes it
 *       before torch sees it (with torch's rules where Python would raise: 1/0 = ∞, (−8)^(1/3) = NaN);
 *   <li>{@code u ^ c} with a plain-number exponent is torch's {@code pow(Tensor, Scalar)}, with its
 *       short cuts ({@link TorchMath#powScalar}); {@code c ^ u} and {@code u ^ v} use C's pow;
 *   <li>{@code c / u} is {@code Tensor.__rtruediv__}, i.e. {@code reciprocal(u) * c};
 *   <li>the rest is one instruction per operation, in the tree's order (no reassociation, no
 *       common-subexpression merging), so rounding follows the reference.
 * </ul>
 * Instructions that depend on t but not on x or y go first so that they run once per batch.
 */
final class Compiler {

    /**
     * A compiled subexpression: a plain number not yet given a slot ({@code slot < 0}), or a slot
     * with the dependence bits of its value on x and y.
     */
    private record Operand(int slot, int mask, double value) {
        static Operand number(double value) {
            return new Operand(-1, 0, value);
        }

        boolean isNumber() {
            return slot < 0;
        }
    }

    private record Instruction(int op, int dst, int a, int b, double c, int ma, int mb) {
    }

    private static final Operand X = new Operand(Program.SLOT_X, Program.X, 0);
    private static final Operand Y = new Operand(Program.SLOT_Y, Program.Y, 0);
    private static final Operand T = new Operand(Program.SLOT_T, 0, 0);
    private static final Operand ZERO = new Operand(Program.SLOT_ZERO, 0, 0);

    private final List<Instruction> timeOnly = new ArrayList<>();
    private final List<Instruction> body = new ArrayList<>();
    /** Slot of each plain number, keyed by its bits. */
    private final Map<Long, Integer> numberSlots = new HashMap<>();
    private int slots = Program.FIXED_SLOTS;

    private Compiler() {
    }

    static Program compile(Node tree) {
        Compiler compiler = new Compiler();
        int out = compiler.slotOf(compiler.emit(tree));
        return compiler.program(out);
    }

    private Program program(int out) {
        List<Instruction> all = new ArrayList<>(timeOnly);
        all.addAll(body);
        int n = all.size();
        int[] op = new int[n], dst = new int[n], a = new int[n], b = new int[n];
        double[] c = new double[n];
        int[] ma = new int[n], mb = new int[n];
        for (int k = 0; k < n; k++) {
            Instruction in = all.get(k);
            op[k] = in.op();
            dst[k] = in.dst();
            a[k] = in.a();
            b[k] = in.b();
            c[k] = in.c();
            ma[k] = in.ma();
            mb[k] = in.mb();
        }
        double[] initial = new double[WIDTH * slots];
        numberSlots.forEach((bits, slot) -> initial[WIDTH * slot] = Double.longBitsToDouble(bits));
        return new Program(op, dst, a, b, c, ma, mb, timeOnly.size(), out, initial);
    }

    private Operand emit(Node node) {
        if (node instanceof Node.Num num) {
            return Operand.number(num.value());
        } else if (node instanceof Node.Var var) {
            return switch (var.name()) {
                case 'x' -> X;
                case 'y' -> Y;
                case 't' -> T;
                default -> throw new IllegalStateException("variable " + var.name());
            };
        } else if (node instanceof Node.Neg neg) {
            return unary(Program.NEG, emit(neg.operand()));
        } else if (node instanceof Node.Bin bin) {
            Operand u = emit(bin.left());
            Operand v = emit(bin.right());
            return switch (bin.op()) {
                case '+' -> binary(Program.ADD, u, v);
                case '-' -> binary(Program.SUB, u, v);
                case '*' -> binary(Program.MUL, u, v);
                case '/' -> divide(u, v);
                case '^' -> power(u, v);
                default -> throw new IllegalStateException("operator " + bin.op());
            };
        } else if (node instanceof Node.Call call) {
            Builtin f = call.function();
            Operand u = emit(call.args().get(0));
            if (f.arity() == 1) {
                return unary(f.opcode(), u);
            }
            Operand v = emit(call.args().get(1));
            return f == Builtin.POW ? power(u, v) : binary(f.opcode(), u, v);
        }
        throw new IllegalStateException("node " + node);
    }

    private Operand unary(int op, Operand u) {
        if (u.isNumber()) {
            return Operand.number(Program.fold(op, u.value(), 0, 0));
        }
        return instruction(op, u, ZERO, 0);
    }

    private Operand binary(int op, Operand u, Operand v) {
        if (u.isNumber() && v.isNumber()) {
            return Operand.number(Program.fold(op, u.value(), v.value(), 0));
        }
        return instruction(op, u, v, 0);
    }

    private Operand divide(Operand u, Operand v) {
        if (u.isNumber() && !v.isNumber()) {
            return instruction(Program.RDIV, v, ZERO, u.value());
        }
        return binary(Program.DIV, u, v);
    }

    private Operand power(Operand u, Operand v) {
        if (v.isNumber() && !u.isNumber()) {
            return instruction(Program.POWC, u, ZERO, v.value());
        }
        return binary(Program.POW, u, v);
    }

    private Operand instruction(int op, Operand u, Operand v, double c) {
        int mask = u.mask() | v.mask();
        Instruction in = new Instruction(op, slots++, slotOf(u), slotOf(v), c, u.mask(), v.mask());
        (mask == 0 ? timeOnly : body).add(in);
        return new Operand(in.dst(), mask, 0);
    }

    private int slotOf(Operand o) {
        if (!o.isNumber()) {
            return o.slot();
        }
        return numberSlots.computeIfAbsent(Double.doubleToRawLongBits(o.value()), bits -> slots++);
    }
}
