package org.losslab.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON library's parse errors in our words. Jackson's messages name its own classes and
 * settings ({@code StreamReadConstraints.getMaxNestingDepth()}, {@code JsonReadFeature...}), which a
 * user cannot act on; each kind of error it reports is mapped here to what is wrong in the file
 * (the caller adds the line and column). A message no rule knows is kept with the library's names cut out.
 */
public final class JsonErrors {
    private record Rule(Pattern pattern, Function<Matcher, String> words) {
        Rule(String regex, Function<Matcher, String> words) {
            this(Pattern.compile(regex, Pattern.DOTALL), words);
        }
    }

    /** The library's "Unexpected character ('c' (code n))" or "((CTRL-CHAR, code n))"; the code is group 1 or 2. */
    private static final String CHARACTER = "Unexpected character \\((?:'.*' \\(code (\\d+)[^)]*\\)|\\(CTRL-CHAR, code (\\d+)\\))\\)";

    private static final String VALUE = "a value (a string in double quotes, a number, a list, an object, true, false or null)";

    /** What follows "Unexpected character ('c' (code n)):" in the library's messages. */
    private static final List<Rule> EXPECTED = List.of(
            new Rule("was expecting double-quote to start field name.*", m -> "expected a key in double quotes"),
            new Rule("was expecting a colon to separate field name and value.*", m -> "expected a colon after the key"),
            new Rule("was expecting comma to separate (Object|Array) entries.*", m -> "expected a comma between "
                    + (m.group(1).equals("Object") ? "the entries of an object" : "the items of a list")),
            new Rule("expected a valid value.*", m -> "expected " + VALUE),
            new Rule("maybe a \\(non-standard\\) comment\\?.*", m -> "JSON has no comments"),
            new Rule(".*does not allow numbers to have plus signs.*", m -> "a number may not start with +"),
            new Rule("expected digit \\(0-9\\) to follow minus sign.*", m -> "a digit must follow the minus sign"),
            new Rule("Decimal point not followed by a digit.*", m -> "a digit must follow the decimal point"),
            new Rule("Exponent indicator not followed by a digit.*", m -> "a digit must follow the exponent"),
            new Rule("expected a hex-digit for character escape sequence.*", m -> "\\u must be followed by four hex digits"),
            new Rule("expected a digit for number exponent.*", m -> "a digit must follow the exponent"));

    private static final List<Rule> RULES = List.of(
            new Rule("Unexpected end-of-input: expected close marker for (Object|Array) \\(start marker at .*line: (\\d+), column: (\\d+)\\].*",
                    m -> "the file ends inside " + (m.group(1).equals("Object") ? "the object" : "the list") + " that opens at line "
                            + m.group(2) + ", column " + m.group(3) + " (a " + (m.group(1).equals("Object") ? "}" : "]") + " is missing)"),
            new Rule("Unexpected end-of-input.*(string|String).*", m -> "the file ends inside a string (a closing \" is missing)"),
            new Rule("Unexpected end-of-input.*", m -> "the file ends before the JSON is complete"),
            new Rule("Non-standard token '(.*)'.*", m -> m.group(1) + " is not a JSON number; JSON numbers are finite"),
            new Rule("Unrecognized token '(.*)': was expecting.*", m -> "unexpected word '" + m.group(1) + "'; expected " + VALUE),
            new Rule("Invalid numeric value: Leading zeroes not allowed.*", m -> "a number may not start with 0 unless it is 0 or 0.…"),
            new Rule("Invalid numeric value: (.*)", m -> "invalid number: " + cut(m.group(1))),
            new Rule("Unexpected close marker '(.)': no open (Object|Array) to close.*", m -> "'" + m.group(1) + "' closes nothing; remove it"),
            new Rule("Unexpected close marker '(.)': expected '(.)' \\(for (Object|Array) starting at .*line: (\\d+), column: (\\d+)\\].*",
                    m -> "'" + m.group(1) + "' where '" + m.group(2) + "' should close the " + (m.group(3).equals("Object") ? "object" : "list")
                            + " that opens at line " + m.group(4) + ", column " + m.group(5)),
            new Rule("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
                    m -> String.format("control character U+%04X inside a string; write it as an escape such as \\n, \\t or \\u0001",
                            Integer.parseInt(m.group(1)))),
            new Rule("Unrecognized character escape (?:'.*' \\(code (\\d+)[^)]*\\)|\\(CTRL-CHAR, code (\\d+)\\)).*",
                    m -> "unknown escape: a backslash before " + character(m) + " in a string; JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"),
            new Rule(CHARACTER + " in numeric value: (.*)", m -> "bad number at " + character(m) + ": " + expected(m.group(3))),
            new Rule(CHARACTER + ": (.*)", m -> "unexpected " + character(m) + ": " + expected(m.group(3))),
            new Rule("Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*", m -> String.format(
                    "control character U+%04X between values; only spaces, tabs and line breaks may stand there", Integer.parseInt(m.group(1)))),
            new Rule("Trailing token .*", m -> "more text after the end of the JSON value"),
            new Rule("Invalid UTF-8 .*", m -> "not UTF-8 text; save the file as UTF-8"));

    private JsonErrors() {
    }

    /** What is wrong, without the location (which the caller reports as line and column). */
    public static String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return limit(msg);
        }
        for (Rule r : RULES) {
            Matcher m = r.pattern.matcher(msg);
            if (m.matches()) {
                return r.words.apply(m);
            }
        }
        return cut(msg);
    }

    /** The character of a {@link #CHARACTER} match: quoted when printable, else U+XXXX. */
    private static String character(Matcher m) {
        int c = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
        boolean printable = c > 0x20 && !Character.isISOControl(c) && !Character.isWhitespace(c) && Character.isDefined(c)
                && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.LINE_SEPARATOR
                && Character.getType(c) != Character.PARAGRAPH_SEPARATOR && Character.getType(c) != Character.SURROGATE;
        return printable ? "'" + new String(Character.toChars(c)) + "'" : String.format("U+%04X", c);
    }

    private static String expected(String what) {
        for (Rule r : EXPECTED) {
            Matcher m = r.pattern.matcher(what);
            if (m.matches()) {
                return r.words.apply(m);
            }
        }
        return cut(what);
    }

    /** The reader's size limits, with their values as the reader has them. */
    private static String limit(String msg) {
        StreamReadConstraints c = JsonInput.JSON.getFactory().streamReadConstraints();
        if (msg.contains("NestingDepth")) {
            return "nested more than " + c.getMaxNestingDepth() + " levels deep";
        }
        if (msg.contains("NumberLength")) {
            return "a number longer than " + String.format("%,d", c.getMaxNumberLength()) + " characters";
        }
        if (msg.contains("StringLength")) {
            return "a string longer than " + String.format("%,d", c.getMaxStringLength()) + " characters";
        }
        if (msg.contains("NameLength")) {
            return "a key longer than " + String.format("%,d", c.getMaxNameLength()) + " characters";
        }
        return "the file is larger than the JSON reader accepts";
    }

    /** A message no rule knows: its first line, with the library's names and settings cut out. */
    static String cut(String msg) {
        int nl = msg.indexOf('\n');
        String s = nl >= 0 ? msg.substring(0, nl) : msg;
        s = s.replaceAll(" ?\\(?\\[Source: [^\\]]*\\]\\)?", "")
                .replaceAll(":? ?(enable|disable) `[^`]*`[^:;)]*", "")
                .replaceAll(" ?\\((bound as|through reference chain)[^)]*\\)", "")
                .replaceAll("`[^`]*`", "")
                .replaceAll("com\\.fasterxml\\.[\\w.$]+", "")
                .strip();
        return s.isEmpty() ? "not valid JSON" : s;
    }
}
