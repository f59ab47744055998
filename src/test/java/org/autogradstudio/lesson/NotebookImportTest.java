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
}
