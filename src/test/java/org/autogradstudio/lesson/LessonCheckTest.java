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
        assertEquals(List.of("error: NameError: name 'undefined' is not defined (line 1)"), results.get(1).problems());
        assertFalse(results.get(2).passed());
        assertTrue(results.get(2).problems().get(0).startsWith("comparison 'dy/dx' does not match"));
        assertEquals(List.of("output differs from PyTorch's at line 2: expected \"3\", got \"2\""), results.get(3).problems());
    }
}
