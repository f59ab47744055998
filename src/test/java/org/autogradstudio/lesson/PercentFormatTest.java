package org.autogradstudio.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentFormatTest {
    private static final String TEXT = String.join("\n",
            "# %% [markdown]",
            "# # The chain rule",
            "# For $y = \\sin(x^2)$:",
            "#",
            "# $\\frac{dy}{dx} = 2x\\cos(x^2)$",
            "",
            "# %%",
            "import torch",
            "x = torch.tensor(2.0, requires_grad=True)",
            "",
            "# %%",
            "y = torch.sin(x ** 2)",
            "y.backward()",
            "");

    @Test
    void readsMarkdownAndCodeCellsWithTheirLines() {
        Lesson lesson = PercentFormat.read("03_chain_rule.py", TEXT);
        assertEquals("The chain rule", lesson.title());
        assertEquals(List.of(Cell.Kind.MARKDOWN, Cell.Kind.CODE, Cell.Kind.CODE),
                lesson.cells().stream().map(Cell::kind).toList());
        assertEquals("# The chain rule\nFor $y = \\sin(x^2)$:\n\n$\\frac{dy}{dx} = 2x\\cos(x^2)$", lesson.cells().get(0).source());
        assertEquals("import torch\nx = torch.tensor(2.0, requires_grad=True)", lesson.cells().get(1).source());
        assertEquals(8, lesson.cells().get(1).firstLine());
        assertEquals(12, lesson.cells().get(2).firstLine());
    }

    @Test
    void writingWhatWasReadGivesTheSameFile() {
        assertEquals(TEXT, PercentFormat.write(PercentFormat.read("x.py", TEXT)));
    }

    @Test
    void aPlainScriptIsOneCodeCellTitledByItsName() {
        Lesson lesson = PercentFormat.read("07_accumulation.py", "print(1)\nprint(2)\n");
        assertEquals(1, lesson.cells().size());
        assertEquals("accumulation", lesson.title());
        assertEquals("print(1)\nprint(2)", lesson.cells().get(0).source());
    }
}
