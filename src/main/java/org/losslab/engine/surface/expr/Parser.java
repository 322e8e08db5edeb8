package org.losslab.engine.surface.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a formula into a {@link Node} tree by recursive descent over this grammar (the spec's,
 * which is Python's once {@code ^} is read as {@code **}):
 * <pre>
 *   sum     = product { ("+" | "-") product }
 *   product = signed { ("*" | "/") signed }
 *   signed  = ("+" | "-") signed | power
 *   power   = primary [ "^" signed ]          (so ^ is right-associative, binds tighter than a
 *                                              unary minus on its left, and allows one on its right)
 *   primary = number | name | name "(" [ sum { "," sum } ] ")" | "(" sum ")"
 *   number  = digits [ "." [digits] ] [ exponent ] | "." digits [ exponent ]
 *   exponent = ("e" | "E") [ "+" | "-" ] digits
 * </pre>
 * Names are x, y, t, pi, e, the params and the {@link Builtin} functions. Whitespace may appear
 * anywhere between tokens. Columns in errors are 1-based and count Unicode code points.
 */
final class Parser {

    /** How deep signs, powers and parentheses may nest (CPython's parser stops at 200 too). */
    static final int MAX_NESTING = 200;
    /** Longest formula in tokens; it bounds the tree's depth for the recursive compiler. */
    static final int MAX_TOKENS = 2000;

    private static final Set<String> VARIABLES = Set.of("x", "y", "t");
    private static final Set<String> CONSTANTS = Set.of("pi", "e");
    /** Names the PyTorch reference's {@code eval} could not bind as params. */
    private static final Set<String> PYTHON_KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert",
            "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally",
            "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
            "raise", "return", "try", "while", "with", "yield");

    private enum Kind { NUMBER, NAME, SYMBOL, END }

    private record Token(Kind kind, String text, int column, double number) {
        boolean is(char symbol) {
            return kind == Kind.SYMBOL && text.charAt(0) == symbol;
        }

        boolean startsOperand() {
            return kind == Kind.NUMBER || kind == Kind.NAME || is('(');
        }

        String quoted() {
            return "'" + text + "'";
        }
    }

    private final int[] source;
    private final Map<String, Double> params;
    private int pos;
    private int tokens;
    private int nesting;
    private Token token;

    private Parser(String source, Map<String, Double> params) {
        this.source = source.codePoints().toArray();
        this.params = params;
    }

    /**
     * The tree of {@code formula}, with params replaced by their values.
     *
     * @param params named numbers. Not modified.
     * @throws ExpressionException naming the column, or the param, where it goes wrong
     */
    static Node parse(String formula, Map<String, Double> params) {
        checkParams(params);
        Parser parser = new Parser(formula, params);
        parser.advance();
        Node tree = parser.sum();
        if (parser.token.kind != Kind.END) {
            throw parser.leftover();
        }
        return tree;
    }

    /** Rejects a param whose name is not a name, or would shadow a variable, constant, function or Python keyword. */
    static void checkParams(Map<String, Double> params) {
        for (Map.Entry<String, Double> p : params.entrySet()) {
            String name = p.getKey();
            if (name == null || !isName(name)) {
                throw ExpressionException.inParam(name, "not a name (use letters, digits and _, not starting with a digit)");
            } else if (p.getValue() == null) {
                throw ExpressionException.inParam(name, "has no value");
            } else if (VARIABLES.contains(name)) {
                throw ExpressionException.inParam(name, "shadows the variable " + name);
            } else if (CONSTANTS.contains(name)) {
                throw ExpressionException.inParam(name, "shadows the constant " + name);
            } else if (Builtin.named(name) != null) {
                throw ExpressionException.inParam(name, "shadows the function " + name);
            } else if (PYTHON_KEYWORDS.contains(name)) {
                throw ExpressionException.inParam(name, "is a Python keyword, which the PyTorch reference cannot use as a name");
            }
        }
    }

    private static boolean isName(String s) {
        if (s.isEmpty() || !isNameStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!isNamePart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameStart(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNamePart(int c) {
        return isNameStart(c) || isDigit(c);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    // ---- grammar ----

    private Node sum() {
        Node left = product();
        while (token.is('+') || token.is('-')) {
            char op = token.text.charAt(0);
            advance();
            left = new Node.Bin(op, left, product());
        }
        return left;
    }

    private Node product() {
        Node left = signed();
        while (token.is('*') || token.is('/')) {
            char op = token.text.charAt(0);
            advance();
            left = new Node.Bin(op, left, signed());
        }
        return left;
    }

    /** Every recursion of the grammar passes here, so this is where nesting is bounded. */
    private Node signed() {
        if (++nesting > MAX_NESTING) {
            throw ExpressionException.at(token.column, "expression nested too deeply (more than " + MAX_NESTING + " levels)");
        }
        Node result;
        if (token.is('+')) {
            advance();
            result = signed();
        } else if (token.is('-')) {
            advance();
            result = new Node.Neg(signed());
        } else {
            result = power();
        }
        nesting--;
        return result;
    }

    private Node power() {
        Node base = primary();
        if (token.is('^')) {
            advance();
            return new Node.Bin('^', base, signed());
        }
        return base;
    }

    private Node primary() {
        Token first = token;
        if (first.kind == Kind.NUMBER) {
            advance();
            return new Node.Num(first.number, first.text);
        } else if (first.kind == Kind.NAME) {
            advance();
            return token.is('(') ? call(first) : name(first);
        } else if (first.is('(')) {
            advance();
            Node inner = sum();
            if (!token.is(')')) {
                throw token.startsOperand() ? missingOperator() : ExpressionException.at(token.column, "expected ')'");
            }
            advance();
            return inner;
        } else if (first.kind == Kind.END) {
            throw ExpressionException.at(first.column, "unexpected end of expression");
        }
        throw ExpressionException.at(first.column,
                "expected a number, variable, function or '(' but found " + first.quoted());
    }

    private Node name(Token name) {
        String id = name.text;
        if (VARIABLES.contains(id)) {
            return new Node.Var(id.charAt(0));
        } else if (id.equals("pi")) {
            return new Node.Num(Math.PI, id);
        } else if (id.equals("e")) {
            return new Node.Num(Math.E, id);
        } else if (params.containsKey(id)) {
            return new Node.Num(params.get(id), id);
        } else if (Builtin.named(id) != null) {
            throw ExpressionException.at(token.column, "expected '(' after '" + id + "'");
        }
        throw ExpressionException.at(name.column, "unknown variable '" + id + "' (use x, y, t or a param)");
    }

    /** A call; the current token is its '('. */
    private Node call(Token name) {
        Builtin function = Builtin.named(name.text);
        if (function == null) {
            boolean isValue = VARIABLES.contains(name.text) || CONSTANTS.contains(name.text)
                    || params.containsKey(name.text);
            throw ExpressionException.at(name.column,
                    isValue ? "'" + name.text + "' is not a function" : "unknown function '" + name.text + "'");
        }
        advance();
        List<Node> args = new ArrayList<>();
        if (!token.is(')')) {
            args.add(sum());
            while (token.is(',')) {
                advance();
                args.add(sum());
            }
        }
        if (!token.is(')')) {
            if (token.startsOperand()) {
                throw missingOperator();
            }
            throw ExpressionException.at(token.column, args.size() < function.arity() ? "expected ',' or ')'" : "expected ')'");
        }
        advance();
        if (args.size() != function.arity()) {
            throw ExpressionException.at(name.column, "'" + function.label() + "' takes " + function.arity()
                    + (function.arity() == 1 ? " argument" : " arguments") + ", got " + args.size());
        }
        return new Node.Call(function, args);
    }

    /** The error for a token left over after a whole formula. */
    private ExpressionException leftover() {
        if (token.is(')')) {
            return ExpressionException.at(token.column, "unmatched ')'");
        } else if (token.startsOperand()) {
            return missingOperator();
        }
        return ExpressionException.at(token.column, "unexpected " + token.quoted());
    }

    private ExpressionException missingOperator() {
        return ExpressionException.at(token.column, "missing operator before " + token.quoted());
    }

    // ---- tokens ----

    private void advance() {
        while (pos < source.length && Character.isWhitespace(source[pos])) {
            pos++;
        }
        final int start = pos;
        final int column = start + 1;
        if (pos == source.length) {
            token = new Token(Kind.END, "", column, 0);
            return;
        }
        if (++tokens > MAX_TOKENS) {
            throw ExpressionException.at(column, "expression too long (more than " + MAX_TOKENS + " symbols)");
        }
        final int c = source[pos];
        if (isDigit(c) || c == '.' && pos + 1 < source.length && isDigit(source[pos + 1])) {
            token = number(start);
        } else if (isNameStart(c)) {
            while (pos < source.length && isNamePart(source[pos])) {
                pos++;
            }
            token = new Token(Kind.NAME, text(start, pos), column, 0);
        } else if ("+-*/^(),".indexOf(c) >= 0) {
            if (c == '*' && pos + 1 < source.length && source[pos + 1] == '*') {
                throw ExpressionException.at(column, "use '^' for powers, not '**'");
            }
            pos++;
            token = new Token(Kind.SYMBOL, text(start, pos), column, 0);
        } else {
            throw ExpressionException.at(column, "unexpected character '" + text(start, start + 1) + "'");
        }
    }

    private Token number(int start) {
        skipDigits();
        if (pos < source.length && source[pos] == '.') {
            pos++;
            skipDigits();
        }
        if (pos < source.length && (source[pos] == 'e' || source[pos] == 'E')) {
            pos++;
            if (pos < source.length && (source[pos] == '+' || source[pos] == '-')) {
                pos++;
            }
            if (pos == source.length || !isDigit(source[pos])) {
                throw ExpressionException.at(start + 1, "malformed number '" + text(start, pos) + "' (the exponent needs digits)");
            }
            skipDigits();
        }
        String text = text(start, pos);
        return new Token(Kind.NUMBER, text, start + 1, Double.parseDouble(text));
    }

    private void skipDigits() {
        while (pos < source.length && isDigit(source[pos])) {
            pos++;
        }
    }

    private String text(int from, int to) {
        return new String(source, from, to - from);
    }
}
