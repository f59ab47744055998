package org.autogradstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import org.autogradstudio.graph.FunctionSymbols;
import org.autogradstudio.ui.graph.NumberText;
import org.autogradstudio.ui.lesson.LatexText;
import org.autogradstudio.ui.lesson.MarkdownRenderer;
import org.autogradstudio.ui.lesson.MarkdownRenderer.Block;
import org.autogradstudio.ui.lesson.PythonHighlighter;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

/** Markdown blocks, Python colouring, LaTeX as text, numbers and symbols on graph labels. */
class TextRenderingTest {
    @Test
    void markdownSplitsHeadingsParagraphsListsAndCode() {
        List<Block> b = MarkdownRenderer.blocks("# Title\n\nSome text\ncontinued `x`.\n\n- one\n- two\n\n```\ncode\n```\n## Sub");
        assertEquals(List.of(new Block("h1", "Title"), new Block("p", "Some text continued `x`."), new Block("li", "\u2022  one"),
                new Block("li", "\u2022  two"), new Block("code", "code"), new Block("h2", "Sub")), b);
    }

    /** Lesson 4's bullets go on over a second, indented line: one item each, not an item and a paragraph. */
    @Test
    void aListItemContinuesOverItsFollowingLines() {
        List<Block> b = MarkdownRenderer.blocks("- **Leaf nodes** are inputs. Their\n  gradients are kept.\n- next\n\nAfter");
        assertEquals(List.of(new Block("li", "\u2022  **Leaf nodes** are inputs. Their gradients are kept."),
                new Block("li", "\u2022  next"), new Block("p", "After")), b);
    }

    @Test
    void markdownTablesKeepTheirRowsAndDropTheRule() {
        List<Block> b = MarkdownRenderer.blocks("Data:\n\n| cgpa ($x$) | placed |\n| --- | :---: |\n| 6.7 | 0 |\n| 7.6 | 1 |\n\nAfter");
        assertEquals(List.of(new Block("p", "Data:"), new Block("table", " cgpa ($x$) | placed \n 6.7 | 0 \n 7.6 | 1 "),
                new Block("p", "After")), b);
    }

    @Test
    void partialDerivativesReadAsFractions() {
        assertEquals("\u2202L/\u2202w = \u2202L/\u2202\u0177", LatexText.toUnicode("\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial \\hat{y}}"));
        assertEquals("L = -[y ln(\u0177)]", LatexText.toUnicode("L = -[y \\ln(\\hat{y})]"));
        // lesson 14's update rule: \leftarrow is an arrow, not \left followed by "arrow"
        assertEquals("p \u2190 p - \u03b7 \u2207 p", LatexText.toUnicode("p \\leftarrow p - \\eta \\nabla p"));
        assertEquals("(x) \u21d2 \u221e", LatexText.toUnicode("\\left(x\\right) \\Rightarrow \\infty"));
        assertEquals("\u2113\u1d62 \u03bc", LatexText.toUnicode("\\ell_i \\mu"));
        assertEquals("\u0177\u1d62 - y\u1d62 x\u2081\u2080", LatexText.toUnicode("\\hat{y}_i - y_{i} \\qquad x_{10}"));
    }

    @Test
    void latexBecomesReadableText() {
        assertEquals("dL/dw = (\u0177 - y) \u00b7 x", LatexText.toUnicode("\\frac{dL}{dw} = (\\hat{y} - y)\\cdot x"));
        assertEquals("\u03c3(z) = 1/(1 + e^-z)", LatexText.toUnicode("\\sigma(z) = \\frac{1}{1 + e^{-z}}"));
        assertEquals("x\u00b2", LatexText.toUnicode("x^2"));
        // a \text{} inside a fraction (lesson 17) no longer leaves the \frac unread
        assertEquals("\u2202L/\u2202output", LatexText.toUnicode("\\frac{\\partial L}{\\partial \\text{output}}"));
    }

    private static String styled(String code, String token) {
        StyleSpans<Collection<String>> spans = PythonHighlighter.highlight(code);
        int pos = 0;
        for (StyleSpan<Collection<String>> s : spans) {
            String text = code.substring(pos, pos + s.getLength());
            if (text.equals(token)) {
                return s.getStyle().isEmpty() ? "" : s.getStyle().iterator().next();
            }
            pos += s.getLength();
        }
        return null;
    }

    @Test
    void pythonKeywordsStringsCommentsNumbersAreColoured() {
        String code = "def f(x):\n    return x * 2.5  # twice\nprint(f\"{w}\", 'a')\nif True: pass";
        assertEquals("py-keyword", styled(code, "def"));
        assertEquals("py-def", styled(code, "f"));
        assertEquals("py-keyword", styled(code, "return"));
        assertEquals("py-number", styled(code, "2.5"));
        assertEquals("py-comment", styled(code, "# twice"));
        assertEquals("py-builtin", styled(code, "print"));
        assertEquals("py-string", styled(code, "f\"{w}\""));
        assertEquals("py-string", styled(code, "'a'"));
        assertEquals("py-keyword", styled(code, "True"));
        int total = 0;
        for (StyleSpan<Collection<String>> s : PythonHighlighter.highlight(code)) {
            total += s.getLength();
        }
        assertEquals(code.length(), total);
        assertTrue(PythonHighlighter.highlight("s = '''open").length() > 0, "an unterminated string still colours");
    }

    @Test
    void numbersAreFormattedAsPyTorchPrintsScalars() {
        assertEquals("6.6918", NumberText.format(6.691761970520020));
        assertEquals("0.9988", NumberText.format(0.998770534992218));
        assertEquals("1.0240e+04", NumberText.format(10240));
        assertEquals("1.0000e-08", NumberText.format(1e-8));
        assertEquals("-0.0000", NumberText.format(-0.0));
        assertEquals("nan", NumberText.format(Double.NaN));
    }

    @Test
    void functionVerticesShowTheirSymbol() {
        assertEquals("\u00d7", FunctionSymbols.of("MulBackward0"));
        assertEquals("+", FunctionSymbols.of("AddBackward0"));
        assertEquals("\u03c3", FunctionSymbols.of("SigmoidBackward0"));
        assertEquals("clamp", FunctionSymbols.of("ClampBackward1"));
        assertEquals("@", FunctionSymbols.of("MmBackward0"));
        assertEquals("BCE", FunctionSymbols.of("BinaryCrossEntropyWithLogitsBackward0"));
        assertEquals("Weird", FunctionSymbols.of("WeirdBackward0"));
    }
}
