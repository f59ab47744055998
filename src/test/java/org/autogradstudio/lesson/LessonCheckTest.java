package org.autogradstudio.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check}: errors, disagreeing comparisons and output that differs from PyTorch's all fail a lesson. */
class LessonCheckTest {
    @TempDir
    Path dir;

    private static final String HOST = "import _studio_host as h\n";

    @Test
    void aGoodLessonPassesAndEachKindOfProblemIsReported() throws Exception {
        Files.createDirectories(dir.resolve("expected"));
        Files.writeString(dir.resolve("01_good.py"), "# %%\nimport torch\nx = torch.tensor(3.0, requires_grad=True)\n"
                + "# %%\ny = x ** 2\ny.backward()\nprint(x.grad)\n" + HOST + "h.compare('dy/dx', 6.0, x.grad, True)\n");
        Files.writeString(dir.resolve("expected/01_good.out"), "tensor(6.)\n");
        Files.writeString(dir.resolve("02_error.py"), "# %%\nprint(1)\n# %%\nundefined\n");
        Files.writeString(dir.resolve("03_mismatch.py"), HOST + "h.compare('dy/dx', 5.0, 6.0, False)\n");
        Files.writeString(dir.resolve("04_output.py"), "print('tensor(6.)')\nprint(2)\n");
        Files.writeString(dir.resolve("expected/04_output.out"), "tensor(6.)\n3\n");
        List<LessonCheck.Result> results = LessonCheck.checkFolder(dir);
        assertEquals(4, results.size());
        assertTrue(results.get(0).passed(), results.get(0).problems()::toString);
        assertEquals(1, results.get(0).comparisons());
        // the line of the file, not of the cell
        assertEquals(List.of("error: NameError: name 'undefined' is not defined (02_error.py, line 4)"), results.get(1).problems());
        assertFalse(results.get(2).passed());
        assertTrue(results.get(2).problems().get(0).startsWith("comparison 'dy/dx' does not match"));
        assertEquals(List.of("output differs from PyTorch's at line 2: expected \"3\", got \"2\""), results.get(3).problems());
    }

    @Test
    void aMalformedNotebookFailsTheCheckNamingFileAndLine() throws Exception {
        Files.writeString(dir.resolve("01_ok.py"), "print(1)\n");
        Files.writeString(dir.resolve("02_broken.ipynb"), "{\n \"cells\": [\n  {\"cell_type\": \"code\",\n   \"source\": [\"x = 1\"]\n  }\n  {\"cell_type\": \"code\"}\n ]\n}\n");
        Files.writeString(dir.resolve("03_bad_cell.ipynb"), "{\"cells\": [\n {\"cell_type\": \"markdown\", \"source\": \"# T\"},\n 42\n]}\n");
        List<LessonCheck.Result> results = LessonCheck.checkFolder(dir);
        assertTrue(results.get(0).passed());
        assertEquals(1, results.get(1).problems().size());
        assertTrue(results.get(1).problems().get(0).startsWith("02_broken.ipynb, line 6: not a valid notebook (JSON)"),
                results.get(1).problems()::toString);
        assertEquals(List.of("03_bad_cell.ipynb, line 3: cell 2 is not a JSON object"), results.get(2).problems());
    }

    @Test
    void anErrorInANotebookNamesItsCell() throws Exception {
        Files.writeString(dir.resolve("01_nb.ipynb"), "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"x = 1\"},\n"
                + "{\"cell_type\": \"code\", \"source\": [\"y = 2\\n\", \"print(zz)\"]}]}\n");
        List<LessonCheck.Result> results = LessonCheck.checkFolder(dir);
        assertEquals(List.of("error: NameError: name 'zz' is not defined (01_nb.ipynb, code cell 2, line 2)"), results.get(0).problems());
    }
}
