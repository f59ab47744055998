package org.autogradstudio.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NotebookImportTest {
    private static final String NOTEBOOK = """
            {
             "cells": [
              {"cell_type": "markdown", "metadata": {}, "source": ["# Autograd\\n", "Why we need it"]},
              {"cell_type": "code", "execution_count": 3, "metadata": {},
               "outputs": [{"output_type": "stream", "name": "stdout", "text": ["tensor(6.)\\n"]}],
               "source": ["%matplotlib inline\\n", "import torch\\n", "x = torch.tensor(3.0, requires_grad=True)"]},
              {"cell_type": "raw", "metadata": {}, "source": "ignored"}
             ],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5
            }
            """;

    @Test
    void keepsCodeAndMarkdownAndIgnoresOutputs() throws LessonFormatException {
        Lesson lesson = NotebookImport.read("autograd.ipynb", NOTEBOOK);
        assertEquals("autograd.py", lesson.name());
        assertEquals("Autograd", lesson.title());
        assertEquals(List.of(Cell.Kind.MARKDOWN, Cell.Kind.CODE), lesson.cells().stream().map(Cell::kind).toList());
        String code = lesson.cells().get(1).source();
        assertTrue(code.startsWith("# %matplotlib inline\nimport torch"), code);
        assertTrue(!code.contains("tensor(6.)"));
    }

    @Test
    void brokenJsonNamesFileAndLine() {
        String broken = NOTEBOOK.replace("\"metadata\": {}, \"nbformat\"", "\"metadata\": {} \"nbformat\"");
        LessonFormatException e = assertThrows(LessonFormatException.class, () -> NotebookImport.read("bad.ipynb", broken));
        assertEquals("bad.ipynb", e.file());
        assertEquals(9, e.line());
    }

    @Test
    void aCellWithoutSourceIsReportedAtItsLine() {
        String noSource = NOTEBOOK.replace("\"source\": \"ignored\"", "\"text\": 1");
        LessonFormatException e = assertThrows(LessonFormatException.class, () -> NotebookImport.read("n.ipynb", noSource));
        assertEquals(7, e.line());
    }

    @Test
    void badCellStructureIsReportedAtTheCellsOwnLine() {
        // line 4: a cell that is not an object; the count of "cell_type" keys would have said line 1
        String notObject = "{\n \"cells\": [\n  {\"cell_type\": \"code\", \"source\": \"x = 1\"},\n  [\"print(x)\"]\n ]\n}";
        LessonFormatException e = assertThrows(LessonFormatException.class, () -> NotebookImport.read("a.ipynb", notObject));
        assertEquals("a.ipynb, line 4: cell 2 is not a JSON object", e.getMessage());
        assertEquals(4, e.line());

        String noType = "{\"cells\": [\n {\"source\": \"x = 1\"},\n {\"cell_type\": \"code\", \"source\": \"y\"}]}";
        e = assertThrows(LessonFormatException.class, () -> NotebookImport.read("b.ipynb", noType));
        assertEquals("b.ipynb, line 2: cell 1 has no \"cell_type\"", e.getMessage());

        String numberInSource = "{\"cells\": [\n {\"cell_type\": \"markdown\", \"source\": [\"# T\"]},\n\n"
                + " {\"cell_type\": \"code\", \"source\": [\"x = \", 1]}]}";
        e = assertThrows(LessonFormatException.class, () -> NotebookImport.read("c.ipynb", numberInSource));
        assertEquals("c.ipynb, line 4: cell 2: \"source\" must be a string or a list of strings, not number", e.getMessage());

        String cellsNotAList = "{\"cells\": {\"cell_type\": \"code\"}}";
        e = assertThrows(LessonFormatException.class, () -> NotebookImport.read("d.ipynb", cellsNotAList));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().startsWith("d.ipynb, line 1: not a Jupyter notebook"), e.getMessage());
    }
}
