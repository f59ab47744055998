package org.autogradstudio.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Stream;
import org.autogradstudio.script.torch.TorchModules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Tracebacks as CPython 3.11 prints them: the carets under the failing part of each line ({@code ~}
 * under the operands of an operator, {@code ^} under it), its "Did you mean" for a misspelt name or
 * attribute (and none once the error is caught and printed: the hint is not part of the message),
 * and no frame for a call whose arguments did not bind. The expected outputs are what python3 3.11
 * with PyTorch 1.13 printed on this machine for the same file.
 */
class TracebackTest {
    private static final String[][] CASES = {
                {"name_local", "def f():\n    learning_rate = 1\n    return learnin_rate\nf()\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 4, in <module>\n    f()\n  File \"/tmp/tb/t.py\", line 3, in f\n    return learnin_rate\n           ^^^^^^^^^^^^\nNameError: name 'learnin_rate' is not defined. Did you mean: 'learning_rate'?\n"},
                {"name_builtin", "pritn(1)\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 1, in <module>\n    pritn(1)\n    ^^^^^\nNameError: name 'pritn' is not defined. Did you mean: 'print'?\n"},
                {"name_local_first", "zz = 1\ndef f():\n    zy = 2\n    return zx\nf()\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 5, in <module>\n    f()\n  File \"/tmp/tb/t.py\", line 4, in f\n    return zx\n           ^^\nNameError: name 'zx' is not defined. Did you mean: 'zy'?\n"},
                {"name_far", "length = 3\nprint(zzzzzz)\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 2, in <module>\n    print(zzzzzz)\n          ^^^^^^\nNameError: name 'zzzzzz' is not defined\n"},
                {"attr_module", "import math\nmath.sqr(2)\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 2, in <module>\n    math.sqr(2)\n    ^^^^^^^^\nAttributeError: module 'math' has no attribute 'sqr'. Did you mean: 'sqrt'?\n"},
                {"attr_instance", "class A:\n    def __init__(self):\n        self.weight = 1\nA().wieght\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 4, in <module>\n    A().wieght\nAttributeError: 'A' object has no attribute 'wieght'. Did you mean: 'weight'?\n"},
                {"attr_tensor", "import torch\nx = torch.ones(2)\nx.requires_gard\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 3, in <module>\n    x.requires_gard\nAttributeError: 'Tensor' object has no attribute 'requires_gard'. Did you mean: 'requires_grad'?\n"},
                {"method_tensor", "import torch\nx = torch.ones(2)\nx.sizee()\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 3, in <module>\n    x.sizee()\n    ^^^^^^^\nAttributeError: 'Tensor' object has no attribute 'sizee'. Did you mean: 'size'?\n"},
                {"attr_submodule", "import torch\ntorch.nn.functionl\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 2, in <module>\n    torch.nn.functionl\nAttributeError: module 'torch.nn' has no attribute 'functionl'. Did you mean: 'functional'?\n"},
                {"bad_call", "def f(a):\n    return a\nf(1, 2)\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 3, in <module>\n    f(1, 2)\nTypeError: f() takes 1 positional argument but 2 were given\n"},
                {"caught_has_no_hint", "try:\n    pritn(1)\nexcept NameError as e:\n    print(e)\n", "name 'pritn' is not defined\n", ""},
                {"carets_subscript_in_binop", "d = {'a': 1}\ny = 1 + d['b'] * 2\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 2, in <module>\n    y = 1 + d['b'] * 2\n            ~^^^^^\nKeyError: 'b'\n"},
                {"carets_parenthesised_left", "y = (1 + 2) * 'a' - 3\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 1, in <module>\n    y = (1 + 2) * 'a' - 3\n        ~~~~~~~~~~~~~~^~~\nTypeError: unsupported operand type(s) for -: 'str' and 'int'\n"},
                {"carets_store_subscript", "x = [1, 2]\nx[5] = 1\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 2, in <module>\n    x[5] = 1\n    ~^^^\nIndexError: list assignment index out of range\n"},
                {"carets_unary", "y = -{}\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 1, in <module>\n    y = -{}\n        ^^^\nTypeError: bad operand type for unary -: 'dict'\n"},
                {"carets_compare", "y = {} < 3\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 1, in <module>\n    y = {} < 3\n        ^^^^^^\nTypeError: '<' not supported between instances of 'dict' and 'int'\n"},
                {"carets_call_in_binop", "def f(a):\n    return a\ny = f(1, 2) + 1\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 3, in <module>\n    y = f(1, 2) + 1\n        ^^^^^^^\nTypeError: f() takes 1 positional argument but 2 were given\n"},
                {"carets_builtin_call", "print(len(5))\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 1, in <module>\n    print(len(5))\n          ^^^^^^\nTypeError: object of type 'int' has no len()\n"},
                {"carets_unpack", "a, b = [1, 2, 3]\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 1, in <module>\n    a, b = [1, 2, 3]\n    ^^^^\nValueError: too many values to unpack (expected 2)\n"},
                {"carets_method_lookup", "x = [1]\ny = x.append(1).bar\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 2, in <module>\n    y = x.append(1).bar\n        ^^^^^^^^^^^^^^^\nAttributeError: 'NoneType' object has no attribute 'bar'\n"},
                {"carets_matmul", "import torch\nt = torch.ones(2)\ny = t @ torch.ones(3)\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 3, in <module>\n    y = t @ torch.ones(3)\n        ~~^~~~~~~~~~~~~~~\nRuntimeError: inconsistent tensor size, expected tensor [2] and src [3] to have the same number of elements, but got 2 and 3 elements respectively\n"},
                {"carets_assert", "assert 1 == 2, 'nope'\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 1, in <module>\n    assert 1 == 2, 'nope'\n           ^^^^^^\nAssertionError: nope\n"},
                {"carets_fstring", "print(f\"{1/0}\")\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 1, in <module>\n    print(f\"{1/0}\")\n             ~^~\nZeroDivisionError: division by zero\n"},
                {"carets_nested_frames", "def inner(v):\n    return v['k'] + 1\ndef outer():\n    return [inner(v) for v in [{'k': 1}, {}]]\nprint(outer())\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 5, in <module>\n    print(outer())\n          ^^^^^^^\n  File \"/tmp/tb/t.py\", line 4, in outer\n    return [inner(v) for v in [{'k': 1}, {}]]\n           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  File \"/tmp/tb/t.py\", line 4, in <listcomp>\n    return [inner(v) for v in [{'k': 1}, {}]]\n            ^^^^^^^^\n  File \"/tmp/tb/t.py\", line 2, in inner\n    return v['k'] + 1\n           ~^^^^^\nKeyError: 'k'\n"},
                {"carets_none_whole_line", "def g():\n    raise ValueError('x')\ng()\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 3, in <module>\n    g()\n  File \"/tmp/tb/t.py\", line 2, in g\n    raise ValueError('x')\nValueError: x\n"},
                {"carets_multiline_call", "def h(a, b):\n    return a / b\ny = h(1,\n      0)\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 3, in <module>\n    y = h(1,\n        ^^^^\n  File \"/tmp/tb/t.py\", line 2, in h\n    return a / b\n           ~~^~~\nZeroDivisionError: division by zero\n"},
                {"import_name_location", "from torch import tensr\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 1, in <module>\n    from torch import tensr\nImportError: cannot import name 'tensr' from 'torch' (/usr/lib/python3/dist-packages/torch/__init__.py)\n"},
                {"no_suggestion_for_torch", "import torch\ntorch.sigmod(torch.ones(1))\n", "", "Traceback (most recent call last):\n  File \"/tmp/tb/t.py\", line 2, in <module>\n    torch.sigmod(torch.ones(1))\n    ^^^^^^^^^^^^\nAttributeError: module 'torch' has no attribute 'sigmod'\n"},
                {"module_reprs", "import torch, math\nprint(torch, torch.nn.functional, torch.optim, math)\n", "<module 'torch' from '/usr/lib/python3/dist-packages/torch/__init__.py'> <module 'torch.nn.functional' from '/usr/lib/python3/dist-packages/torch/nn/functional.py'> <module 'torch.optim' from '/usr/lib/python3/dist-packages/torch/optim/__init__.py'> <module 'math' (built-in)>\n", ""}
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
