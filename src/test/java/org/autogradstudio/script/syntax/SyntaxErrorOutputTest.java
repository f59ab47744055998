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
}
