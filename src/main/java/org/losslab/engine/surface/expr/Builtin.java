package org.losslab.engine.surface.expr;

import java.util.HashMap;
import java.util.Map;

/**
 * The functions an expression may call, each named as in the PyTorch reference's namespace
 * ({@code torch.sin}, …, {@code torch.nn.functional.softplus}, {@code torch.minimum},
 * {@code torch.maximum}, {@code torch.pow}).
 */
enum Builtin {
    SIN("sin", 1, Program.SIN),
    COS("cos", 1, Program.COS),
    TAN("tan", 1, Program.TAN),
    ASIN("asin", 1, Program.ASIN),
    ACOS("acos", 1, Program.ACOS),
    ATAN("atan", 1, Program.ATAN),
    SINH("sinh", 1, Program.SINH),
    COSH("cosh", 1, Program.COSH),
    TANH("tanh", 1, Program.TANH),
    EXP("exp", 1, Program.EXP),
    LOG("log", 1, Program.LOG),
    SQRT("sqrt", 1, Program.SQRT),
    ABS("abs", 1, Program.ABS),
    SIGMOID("sigmoid", 1, Program.SIGMOID),
    SOFTPLUS("softplus", 1, Program.SOFTPLUS),
    MIN("min", 2, Program.MIN),
    MAX("max", 2, Program.MAX),
    /** torch.pow(a, b): the same operation as {@code a ^ b}. */
    POW("pow", 2, Program.POW);

    private static final Map<String, Builtin> BY_NAME = new HashMap<>();

    static {
        for (Builtin b : values()) {
            BY_NAME.put(b.label, b);
        }
    }

    private final String label;
    private final int arity;
    private final int opcode;

    Builtin(String label, int arity, int opcode) {
        this.label = label;
        this.arity = arity;
        this.opcode = opcode;
    }

    /** The function of that name, or null. */
    static Builtin named(String name) {
        return BY_NAME.get(name);
    }

    /** The name written in formulas, e.g. {@code "softplus"}. */
    String label() {
        return label;
    }

    int arity() {
        return arity;
    }

    /** The {@link Program} instruction that computes it. */
    int opcode() {
        return opcode;
    }
}
