package org.losslab.engine.surface.expr;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The syntax tree of a formula, as the {@link Parser} reads it. {@link #toString()} prints it fully
 * parenthesized, which makes precedence visible: {@code -x^2} prints as {@code (-(x ^ 2))}.
 */
sealed interface Node {

    /** A plain number: a literal, {@code pi}, {@code e} or a param; {@code text} is how the source spells it. */
    record Num(double value, String text) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    /** One of the variables x, y, t. */
    record Var(char name) implements Node {
        @Override
        public String toString() {
            return String.valueOf(name);
        }
    }

    /** Unary minus (unary plus is the identity and leaves no node). */
    record Neg(Node operand) implements Node {
        @Override
        public String toString() {
            return "(-" + operand + ")";
        }
    }

    /** {@code left op right} with op one of {@code + - * / ^}. */
    record Bin(char op, Node left, Node right) implements Node {
        @Override
        public String toString() {
            return "(" + left + " " + op + " " + right + ")";
        }
    }

    /** A call of a built-in function with as many arguments as it takes. */
    record Call(Builtin function, List<Node> args) implements Node {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public String toString() {
            return function.label() + args.stream().map(Node::toString).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /** True when the variable ({@code 'x'}, {@code 'y'} or {@code 't'}) occurs anywhere in the tree. */
    default boolean mentions(char variable) {
        if (this instanceof Var v) {
            return v.name() == variable;
        } else if (this instanceof Neg n) {
            return n.operand().mentions(variable);
        } else if (this instanceof Bin b) {
            return b.left().mentions(variable) || b.right().mentions(variable);
        } else if (this instanceof Call c) {
            return c.args().stream().anyMatch(arg -> arg.mentions(variable));
        }
        return false;
    }
}
