package org.autogradstudio.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Stream;
import org.autogradstudio.script.torch.TorchModules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Tracebacks as CPython 3.11 prints them, with its "Did you mean" for a misspelt name or attribute
 * (and none once the error is caught and printed: the hint is not part of the message), and no
 * frame for a call whose arguments did not bind. The expected outputs are what python3 3.11 with
 * PyTorch 1.13 printed on this machine for the same file, less 3.11's caret lines under the
 * failing expression, which this interpreter does not draw.
 */
class TracebackTest {
    private static final String[][] CASES = {
                {"name_local", "def f():\n    learning_rate = 1\n    return learnin_rate\nf()\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 4, in <module>\n    f()\n  File \"/tmp/tb/t.py\", line 3, in f\n    return learnin_rate\nNameError: name 'learnin_rate' is not defined. Did you mean: 'learning_rate'?\n"},
                {"name_builtin", "pritn(1)\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 1, in <module>\n    pritn(1)\nNameError: name 'pritn' is not defined. Did you mean: 'print'?\n"},
                {"name_local_first", "zz = 1\ndef f():\n    zy = 2\n    return zx\nf()\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 5, in <module>\n    f()\n  File \"/tmp/tb/t.py\", line 4, in f\n    return zx\nNameError: name 'zx' is not defined. Did you mean: 'zy'?\n"},
                {"name_far", "length = 3\nprint(zzzzzz)\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 2, in <module>\n    print(zzzzzz)\nNameError: name 'zzzzzz' is not defined\n"},
                {"attr_module", "import math\nmath.sqr(2)\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 2, in <module>\n    math.sqr(2)\nAttributeError: module 'math' has no attribute 'sqr'. Did you mean: 'sqrt'?\n"},
                {"attr_instance", "class A:\n    def __init__(self):\n        self.weight = 1\nA().wieght\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 4, in <module>\n    A().wieght\nAttributeError: 'A' object has no attribute 'wieght'. Did you mean: 'weight'?\n"},
                {"attr_tensor", "import torch\nx = torch.ones(2)\nx.requires_gard\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 3, in <module>\n    x.requires_gard\nAttributeError: 'Tensor' object has no attribute 'requires_gard'. Did you mean: 'requires_grad'?\n"},
                {"method_tensor", "import torch\nx = torch.ones(2)\nx.sizee()\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 3, in <module>\n    x.sizee()\nAttributeError: 'Tensor' object has no attribute 'sizee'. Did you mean: 'size'?\n"},
                {"attr_submodule", "import torch\ntorch.nn.functionl\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 2, in <module>\n    torch.nn.functionl\nAttributeError: module 'torch.nn' has no attribute 'functionl'. Did you mean: 'functional'?\n"},
                {"bad_call", "def f(a):\n    return a\nf(1, 2)\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 3, in <module>\n    f(1, 2)\nTypeError: f() takes 1 positional argument but 2 were given\n"},
                {"caught_has_no_hint", "try:\n    pritn(1)\nexcept NameError as e:\n    print(e)\n", "name 'pritn' is not defined\n", ""}
    };

    @TestFactory
    Stream<DynamicTest> tracebacksMatchCPython() {
        return Arrays.stream(CASES).map(c -> DynamicTest.dynamicTest(c[0], () -> {
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            try (ScriptSession s = TorchModules.newInterpreter(null).newSession(out, err)) {
                s.runScript(c[1], "/tmp/tb/t.py");
            }
            assertEquals(c[2], out.toString(), "stdout");
            assertEquals(c[3], err.toString(), "stderr");
        }));
    }
}
