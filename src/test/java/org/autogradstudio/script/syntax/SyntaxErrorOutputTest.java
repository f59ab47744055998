package org.autogradstudio.script.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.autogradstudio.script.Interpreter;
import org.autogradstudio.script.RunResult;
import org.autogradstudio.script.ScriptSession;
import org.junit.jupiter.api.Test;

/**
 * Syntax errors print exactly what CPython 3.11 printed for the same file (captured with python3
 * on this machine): location line, source line, caret(s) and message.
 */
class SyntaxErrorOutputTest {

    private static void check(String source, String expected) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        String file = expected.substring(expected.indexOf('"') + 1, expected.indexOf('"', expected.indexOf('"') + 1));
        try (ScriptSession s = new Interpreter().newSession(out, err)) {
            RunResult r = s.runScript(source, file);
            assertFalse(r.ok());
            assertEquals(expected, r.traceback());
            assertEquals(expected, err.toString());
        }
    }

    @Test
    void errorsMatchCPython() {
        check("x = = 2\n",
                "  File \"/tmp/pyt/e2.py\", line 1\n    x = = 2\n        ^\nSyntaxError: invalid syntax\n");
        check("if x:\n  a=1\n    b=2\n",
                "  File \"/tmp/pyt/e3.py\", line 3\n    b=2\nIndentationError: unexpected indent\n");
        check("if x:\n    a=1\n  b=2\n",
                "  File \"/tmp/pyt/e4.py\", line 3\n    b=2\n       ^\nIndentationError: unindent does not match any outer indentation level\n");
        check("x = 'abc\n",
                "  File \"/tmp/pyt/e5.py\", line 1\n    x = 'abc\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n");
        check("print((1,\n 2\n",
                "  File \"/tmp/pyt/e6.py\", line 1\n    print((1,\n          ^\nSyntaxError: '(' was never closed\n");
        check("print(1) foo\n",
                "  File \"/tmp/pyt/e7.py\", line 1\n    print(1) foo\n             ^^^\nSyntaxError: invalid syntax\n");
        check("f(a b)\n",
                "  File \"/tmp/pyt/e8.py\", line 1\n    f(a b)\n      ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
        check("if x\n  pass\n",
                "  File \"/tmp/pyt/e9.py\", line 1\n    if x\n        ^\nSyntaxError: expected ':'\n");
        check("if x:\npass\n",
                "  File \"/tmp/pyt/e10.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'if' statement on line 1\n");
        check("x = \"\"\"abc\n\nfoo\n",
                "  File \"/tmp/pyt/e11.py\", line 1\n    x = \"\"\"abc\n        ^\nSyntaxError: unterminated triple-quoted string literal (detected at line 3)\n");
        check("1 = x\n",
                "  File \"/tmp/pyt/e12.py\", line 1\n    1 = x\n    ^\nSyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n");
        check("print \"hi\"\n",
                "  File \"/tmp/pyt/e13.py\", line 1\n    print \"hi\"\n    ^^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n");
        check("x = (1]\n",
                "  File \"/tmp/pyt/e14.py\", line 1\n    x = (1]\n          ^\nSyntaxError: closing parenthesis ']' does not match opening parenthesis '('\n");
        check("x = 1)\n",
                "  File \"/tmp/pyt/e15.py\", line 1\n    x = 1)\n         ^\nSyntaxError: unmatched ')'\n");
        check("def f(x):\n    return x +\n",
                "  File \"/tmp/pyt/e16.py\", line 2\n    return x +\n              ^\nSyntaxError: invalid syntax\n");
        check("for x in range(3):\n    pass\nbreak\n",
                "  File \"/tmp/pyt/e17.py\", line 3\n    break\n    ^^^^^\nSyntaxError: 'break' outside loop\n");
        check("x = [1, 2\ny = 3\n",
                "  File \"/tmp/pyt/e19.py\", line 1\n    x = [1, 2\n        ^\nSyntaxError: '[' was never closed\n");
        check("def f(a=1, b):\n  pass\n",
                "  File \"/tmp/pyt/e20.py\", line 1\n    def f(a=1, b):\n               ^\nSyntaxError: non-default argument follows default argument\n");
        check("x = 1\nif x = 2:\n    pass\n",
                "  File \"/tmp/pyt/e30.py\", line 2\n    if x = 2:\n       ^^^^^\nSyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n");
        check("n = 0\nwhile n = n + 1:\n    pass\n",
                "  File \"/tmp/pyt/e31.py\", line 2\n    while n = n + 1:\n          ^^^^^^^^^\nSyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n");
        check("x = 1\nyield x\n",
                "  File \"/tmp/gen/t2.py\", line 2\n    yield x\n    ^^^^^^^\nSyntaxError: 'yield' outside function\n");
        check("def f():\n    return [(yield i) for i in range(3)]\n",
                "  File \"/tmp/gen/t3.py\", line 2\n    return [(yield i) for i in range(3)]\n             ^^^^^^^\nSyntaxError: 'yield' inside list comprehension\n");
        check("class A:\n    yield 2\n",
                "  File \"/tmp/gen/t4.py\", line 2\n    yield 2\n    ^^^^^^^\nSyntaxError: 'yield' outside function\n");
        check("x := 1\n",
                "  File \"/tmp/gen/w2.py\", line 1\n    x := 1\n      ^^\nSyntaxError: invalid syntax\n");
        check("y = x := 1\n",
                "  File \"/tmp/gen/w3.py\", line 1\n    y = x := 1\n          ^^\nSyntaxError: invalid syntax\n");
        check("class A:\n    r = [(q := 1) for i in range(2)]\n",
                "  File \"/tmp/gen/w4.py\", line 2\n    r = [(q := 1) for i in range(2)]\n          ^\nSyntaxError: assignment expression within a comprehension cannot be used in a class body\n");
    }

    /** A file whose compilation prints CPython's SyntaxWarning on stderr (before its output or its SyntaxError). */
    private static void checkWarning(String source, String expectedOut, String expectedErr) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        String file = expectedErr.substring(0, expectedErr.indexOf(':'));
        try (ScriptSession s = new Interpreter().newSession(out, err)) {
            s.runScript(source, file);
            assertEquals(expectedOut, out.toString());
            assertEquals(expectedErr, err.toString());
        }
    }

    /**
     * CPython tokenizes as it parses: an error the parser meets first is the one reported (an
     * unexpected indent before an unclosed bracket), yet a later tokenizer error replaces the
     * parser's other errors, and an unclosed bracket does so only when it opened before them.
     */
    @Test
    void tokenizerAndParserErrorsTakePrecedenceAsInCPython() {
        check("x = 1\n    y = 2]\n",
                "  File \"/tmp/ie/a.py\", line 2\n    y = 2]\nIndentationError: unexpected indent\n");
        check("x = 1\n    y = [2\n",
                "  File \"/tmp/ie/g.py\", line 2\n    y = [2\nIndentationError: unexpected indent\n");
        check("x = = 1\ny = 2]\n",
                "  File \"/tmp/ie/h.py\", line 2\n    y = 2]\n         ^\nSyntaxError: unmatched ']'\n");
        check("x = = 1\ny = [2\n",
                "  File \"/tmp/ie/i.py\", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n");
        check("x = 1 +\n    y = 2]\n",
                "  File \"/tmp/ie/j.py\", line 2\n    y = 2]\n         ^\nSyntaxError: unmatched ']'\n");
        check("for x in y\n    y = 2]\n",
                "  File \"/tmp/ie/k.py\", line 2\n    y = 2]\n         ^\nSyntaxError: unmatched ']'\n");
        check("x = 1\n    y = 2 $\n",
                "  File \"/tmp/ie/l.py\", line 2\n    y = 2 $\nIndentationError: unexpected indent\n");
        check("x = 1\n    y = \"abc\n",
                "  File \"/tmp/ie/m.py\", line 2\n    y = \"abc\nIndentationError: unexpected indent\n");
        check("if x\n    pass\ns = \"abc\n",
                "  File \"/tmp/ie/n.py\", line 3\n    s = \"abc\n        ^\nSyntaxError: unterminated string literal (detected at line 3)\n");
        check("f(a b)\nx = 1)\n",
                "  File \"/tmp/ie/o.py\", line 2\n    x = 1)\n         ^\nSyntaxError: unmatched ')'\n");
        check("x = (1,\n2\ny = = 3\n",
                "  File \"/tmp/ie/p.py\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n");
        check("x = 1\ny = = 2\nz = [\n",
                "  File \"/tmp/ie/q.py\", line 2\n    y = = 2\n        ^\nSyntaxError: invalid syntax\n");
        check("print \"hi\"\nz = 3 ?\n",
                "  File \"/tmp/ie/r.py\", line 1\n    print \"hi\"\n    ^^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n");
        check("x = = 1\ny = 2 \\ z\n",
                "  File \"/tmp/ie/s.py\", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n");
        check("x = = 1\nif a:\n    b\n  c\n",
                "  File \"/tmp/ie/t.py\", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n");
        check("x = = 1\ny = 3 \u20ac\n",
                "  File \"/tmp/ie/u.py\", line 2\n    y = 3 \u20ac\n          ^\nSyntaxError: invalid character '\u20ac' (U+20AC)\n");
        check("x = = 1\ny = 09\n",
                "  File \"/tmp/ie/v.py\", line 2\n    y = 09\n        ^\nSyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers\n");
        check("x = = 1\ny = 1_\n",
                "  File \"/tmp/ie/w.py\", line 2\n    y = 1_\n         ^\nSyntaxError: invalid decimal literal\n");
    }

    /** Malformed number literals: CPython's messages, with its caret under the character before the one it stopped at. */
    @Test
    void malformedNumbersReportWhereCPythonsTokenizerStopped() {
        check("y = 1_\nprint(y)\n",
                "  File \"/tmp/ie/num1.py\", line 1\n    y = 1_\n         ^\nSyntaxError: invalid decimal literal\n");
        check("y = 1__0\nprint(y)\n",
                "  File \"/tmp/ie/num2.py\", line 1\n    y = 1__0\n         ^\nSyntaxError: invalid decimal literal\n");
        check("y = 1a\nprint(y)\n",
                "  File \"/tmp/ie/num3.py\", line 1\n    y = 1a\n        ^\nSyntaxError: invalid decimal literal\n");
        check("y = 0x\nprint(y)\n",
                "  File \"/tmp/ie/num4.py\", line 1\n    y = 0x\n         ^\nSyntaxError: invalid hexadecimal literal\n");
        check("y = 0xg\nprint(y)\n",
                "  File \"/tmp/ie/num5.py\", line 1\n    y = 0xg\n         ^\nSyntaxError: invalid hexadecimal literal\n");
        check("y = 0b2\nprint(y)\n",
                "  File \"/tmp/ie/num6.py\", line 1\n    y = 0b2\n          ^\nSyntaxError: invalid digit '2' in binary literal\n");
        check("y = 0o9\nprint(y)\n",
                "  File \"/tmp/ie/num7.py\", line 1\n    y = 0o9\n          ^\nSyntaxError: invalid digit '9' in octal literal\n");
        check("y = 09\nprint(y)\n",
                "  File \"/tmp/ie/num8.py\", line 1\n    y = 09\n        ^\nSyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers\n");
        check("y = 0_7\nprint(y)\n",
                "  File \"/tmp/ie/num9.py\", line 1\n    y = 0_7\n        ^^\nSyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers\n");
        check("y = 1e\nprint(y)\n",
                "  File \"/tmp/ie/num10.py\", line 1\n    y = 1e\n        ^\nSyntaxError: invalid decimal literal\n");
        check("y = 1.5x\nprint(y)\n",
                "  File \"/tmp/ie/num11.py\", line 1\n    y = 1.5x\n          ^\nSyntaxError: invalid decimal literal\n");
        check("y = 1_000_\nprint(y)\n",
                "  File \"/tmp/ie/num12.py\", line 1\n    y = 1_000_\n             ^\nSyntaxError: invalid decimal literal\n");
        check("y = 0b1_\nprint(y)\n",
                "  File \"/tmp/ie/num13.py\", line 1\n    y = 0b1_\n           ^\nSyntaxError: invalid binary literal\n");
        check("y = 0x1g\nprint(y)\n",
                "  File \"/tmp/ie/num14.py\", line 1\n    y = 0x1g\n          ^\nSyntaxError: invalid hexadecimal literal\n");
        check("y = 1.e5x\nprint(y)\n",
                "  File \"/tmp/ie/num15.py\", line 1\n    y = 1.e5x\n           ^\nSyntaxError: invalid decimal literal\n");
        check("y = 1.5e\nprint(y)\n",
                "  File \"/tmp/ie/num16.py\", line 1\n    y = 1.5e\n          ^\nSyntaxError: invalid decimal literal\n");
        check("y = 3\u20ac\nprint(y)\n",
                "  File \"/tmp/ie/num17.py\", line 1\n    y = 3\u20ac\n        ^\nSyntaxError: invalid decimal literal\n");
        check("y = a\u20ac = 1\nprint(y)\n",
                "  File \"/tmp/ie/num18.py\", line 1\n    y = a\u20ac = 1\n         ^\nSyntaxError: invalid character '\u20ac' (U+20AC)\n");
        check("y = 1andy\nprint(y)\n",
                "  File \"/tmp/ie/num19.py\", line 1\n    y = 1andy\n        ^\nSyntaxError: invalid decimal literal\n");
    }

    /** A number running into a keyword ("1if x else 2") is read as a number, with CPython's SyntaxWarning. */
    @Test
    void numberRunningIntoKeywordWarnsAsCPythonDoes() {
        checkWarning("y = 1else 2\nprint(y)\n", "",
                "/tmp/ie/warn20.py:1: SyntaxWarning: invalid decimal literal\n  y = 1else 2\n  File \"/tmp/ie/warn20.py\", line 1\n    y = 1else 2\n         ^^^^\nSyntaxError: invalid syntax\n");
        checkWarning("y = 1ifx\nprint(y)\n", "",
                "/tmp/ie/warn21.py:1: SyntaxWarning: invalid decimal literal\n  y = 1ifx\n  File \"/tmp/ie/warn21.py\", line 1\n    y = 1ifx\n         ^^^\nSyntaxError: invalid syntax\n");
        checkWarning("y = 0x1for x in []\nprint(y)\n", "31\n",
                "/tmp/ie/warn22.py:1: SyntaxWarning: invalid hexadecimal literal\n  y = 0x1for x in []\n");
    }
}
