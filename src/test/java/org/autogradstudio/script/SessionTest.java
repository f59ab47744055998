package org.autogradstudio.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Script and cell modes, echo, tracebacks, the cell splitter and kernel reset. */
class SessionTest {

    @Test
    void tracebackHasPythonsFormat() {
        StringBuilder err = new StringBuilder();
        ScriptSession s = new Interpreter().newSession(new StringBuilder(), err);
        RunResult r = s.runScript("def f(x):\n    return 1/0\n\ny = 2\nf(y)\n", "/path/to/file.py");
        String expected = "Traceback (most recent call last):\n"
                + "  File \"/path/to/file.py\", line 5, in <module>\n"
                + "    f(y)\n"
                + "  File \"/path/to/file.py\", line 2, in f\n"
                + "    return 1/0\n"
                + "           ~^~\n"
                + "ZeroDivisionError: division by zero\n";
        assertEquals(expected, r.traceback());
        assertEquals(expected, err.toString());
        assertEquals(2, r.errorLine());
    }

    @Test
    void aSemicolonAfterACellsLastExpressionKeepsItQuiet() {
        ScriptSession s = new Interpreter().newSession(new StringBuilder(), new StringBuilder());
        RunResult quiet = s.runCell("xs = []\nxs.append(1) or len(xs);", "c.py", 1);
        assertTrue(quiet.ok());
        assertNull(quiet.echo(), "IPython shows nothing for a cell ending in ';'");
        assertEquals("1", s.runCell("len(xs)", "c.py", 1).echo(), "the quiet expression still ran");
        assertNull(s.runCell("len(xs);  # a comment after it", "c.py", 1).echo());
        assertEquals("1", s.runCell("len(xs)  # ; in a comment", "c.py", 1).echo());
        assertEquals("';'", s.runCell("';'", "c.py", 1).echo());
    }

    @Test
    void systemExitEndsAScriptAsPython3Does() {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        ScriptSession s = new Interpreter().newSession(out, err);
        RunResult r = s.runScript("print('before')\nraise SystemExit(3)\nprint('after')\n", "x.py");
        assertEquals("before\n", out.toString());
        assertEquals("", err.toString(), "no traceback");
        assertEquals(3, r.exitStatus());
        assertEquals(0, s.runScript("raise SystemExit\n", "x.py").exitStatus());
        assertEquals(0, s.runScript("raise SystemExit(None)\n", "x.py").exitStatus());
        assertEquals(1, s.runScript("raise SystemExit('bye')\n", "x.py").exitStatus());
        assertEquals("bye\n", err.toString(), "a message is printed instead of a code");
        assertEquals(1, s.runScript("1/0\n", "x.py").exitStatus());
        assertEquals(0, s.runScript("try:\n    raise SystemExit(2)\nexcept SystemExit as e:\n    print(e.code if hasattr(e, 'code') else e)\n", "x.py").exitStatus());
        assertTrue(s.runCell("raise SystemExit(4)", "c.py", 1).traceback().endsWith("SystemExit: 4\n"),
                "a notebook cell shows the exception");
    }

    @Test
    void cellsShareANamespaceAndEchoTheLastExpression() {
        String nb = "# %% [markdown]\n# Title\n\n# %%\nx = 3\nx\n\n# %%\n# only a comment\n\n# %%\ny = x * 2\n"
                + "print('y is', y)\ny + 1\n\n# %%\nNone\n\n# %%\n[x, 'a']\n";
        StringBuilder out = new StringBuilder();
        ScriptSession s = new Interpreter().newSession(out, new StringBuilder());
        List<RunResult> results = s.runCells(nb, "nb.py");
        assertEquals(4, results.size());
        assertEquals("3", results.get(0).echo());
        assertEquals("7", results.get(1).echo());
        assertNull(results.get(2).echo());
        assertEquals("3\ny is 6\n7\n[3, 'a']\n", out.toString());
    }

    @Test
    void cellSplitterMatchesTheConformanceRunner() {
        List<Cells.Cell> cells = Cells.split("# %% [markdown]\n# text\n# %%\na = 1\n# %%\n\n# %%\nb = 2\n");
        assertEquals(2, cells.size());
        assertEquals("a = 1\n", cells.get(0).source());
        assertEquals(4, cells.get(0).firstLine());
        assertEquals(8, cells.get(1).firstLine());
    }

    @Test
    void errorsInCellsReportFileLinesAndStopTheRun() {
        StringBuilder out = new StringBuilder();
        ScriptSession s = new Interpreter().newSession(out, new StringBuilder());
        List<RunResult> results = s.runCells("# %%\na = 1\n# %%\nb = 2\nc = a / 0\n# %%\nprint('never')\n", "nb.py");
        assertEquals(2, results.size());
        RunResult r = results.get(1);
        assertEquals("ZeroDivisionError", r.errorType());
        assertEquals(5, r.errorLine());
        assertTrue(r.traceback().contains("  File \"nb.py\", line 5, in <module>\n    c = a / 0\n"), r.traceback());
        assertEquals("", out.toString());
    }

    @Test
    void cellsCanBeRunOneAtATimeAndReset() {
        ScriptSession s = new Interpreter().newSession(new StringBuilder(), new StringBuilder());
        assertTrue(s.runCell("def sq(v):\n    return v * v\n", "c1", 1).ok());
        assertEquals("16", s.runCell("sq(4)", "c2", 1).echo());
        s.reset();
        RunResult r = s.runCell("sq(4)", "c3", 1);
        assertEquals("NameError: name 'sq' is not defined", r.errorSummary());
    }

    @Test
    void syntaxErrorInACellPointsAtTheFileLine() {
        ScriptSession s = new Interpreter().newSession(new StringBuilder(), new StringBuilder());
        RunResult r = s.runCell("x = 1\nif x\n    pass\n", "nb.py", 10);
        assertEquals("SyntaxError", r.errorType());
        assertEquals(11, r.errorLine());
        assertEquals("  File \"nb.py\", line 11\n    if x\n        ^\nSyntaxError: expected ':'\n", r.traceback());
    }

    @Test
    void printSepEndAndStderrIsSeparate() {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        ScriptSession s = new Interpreter().newSession(out, err);
        s.runScript("print(1, 2, sep='-', end='|')\nprint()\nprint('a', None, True)\n", "p.py");
        assertEquals("1-2|\na None True\n", out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void seedScriptsWithoutTorchRun() {
        StringBuilder out = new StringBuilder();
        ScriptSession s = new Interpreter().newSession(out, new StringBuilder());
        RunResult r = s.runScript("import math\n\ndef dy_dx(x):\n    return 2*x\n\nx_value = 55\n"
                + "print(f\"dy/dx at x={x_value}: {dy_dx(x_value)}\")\n"
                + "n = 200\nxs, ys = [], []\nfor i in range(n):\n    t = math.pi * (i % 100) / 99\n"
                + "    if i < 100:\n        xs.append([math.cos(t), math.sin(t)]); ys.append(0.0)\n"
                + "    else:\n        xs.append([1 - math.cos(t), 0.5 - math.sin(t)]); ys.append(1.0)\n"
                + "vals = [[round(math.sin(1 + 1.7 * r + 0.37 * c) * 0.5, 2) for c in range(3)] for r in range(2)]\n"
                + "print(len(xs), len(ys), sum(ys))\n", "seed.py");
        assertTrue(r.ok(), r.traceback());
        assertTrue(out.toString().startsWith("dy/dx at x=55: 110\n200 200 "), out.toString());
    }
}
