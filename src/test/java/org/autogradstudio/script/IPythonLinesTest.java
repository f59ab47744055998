package org.autogradstudio.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autogradstudio.script.torch.TorchModules;
import org.junit.jupiter.api.Test;

/** A pasted notebook cell's IPython lines are skipped, with a notice, and nothing else is touched. */
class IPythonLinesTest {
    @Test
    void magicsAndShellEscapesAtTheStartOfALogicalLineOnly() {
        String cell = "%matplotlib inline\nif True:\n    !pip install torch\ns = '''\n%d items\n'''\nx = (1,\n     !2)\ny = 5 % 2\n";
        String expected = "pass  # %matplotlib inline\nif True:\n    pass  # !pip install torch\ns = '''\n%d items\n'''\nx = (1,\n     !2)\ny = 5 % 2\n";
        assertEquals(expected, IPythonLines.transform(cell, IPythonLines::asPass));
    }

    @Test
    void aCellRunsWithoutItsMagicsAndSaysWhatItSkipped() {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        try (ScriptSession s = TorchModules.newInterpreter(null).newSession(out, err)) {
            RunResult r = s.runCell("%matplotlib inline\nimport torch\nprint(torch.ones(2))\n!nvidia-smi\n", "cell.py", 1);
            assertTrue(r.ok(), r.traceback());
        }
        assertEquals("tensor([1., 1.])\n", out.toString());
        assertEquals("Autograd Studio: skipped '%matplotlib inline' (IPython magics and shell commands do not run here)\n"
                + "Autograd Studio: skipped '!nvidia-smi' (IPython magics and shell commands do not run here)\n", err.toString());
    }

    @Test
    void aScriptIsPythonAndAMagicThereIsASyntaxError() {
        try (ScriptSession s = TorchModules.newInterpreter(null).newSession(new StringBuilder(), new StringBuilder())) {
            assertEquals("SyntaxError", s.runScript("%matplotlib inline\n", "t.py").errorType());
        }
    }
}
