package org.autogradstudio.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a folder of lessons: every lesson runs without an error, every {@code studio.compare}
 * agrees, and where {@code expected/NAME.out} holds what real PyTorch printed, ours is identical.
 */
public final class LessonCheck {
    /** The verdict on one lesson; {@code problems} is empty when it passed. */
    public record Result(String lesson, int comparisons, List<String> problems) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    private LessonCheck() {
    }

    public static List<Result> checkFolder(Path folder) throws IOException {
        List<Result> results = new ArrayList<>();
        for (Path file : LessonStore.lessonFiles(folder)) {
            results.add(check(file, folder.resolve("expected")));
        }
        return results;
    }

    public static Result check(Path file, Path expectedFolder) throws IOException {
        String name = file.getFileName().toString();
        List<String> problems = new ArrayList<>();
        Lesson lesson;
        try {
            lesson = LessonStore.load(file);
        } catch (LessonFormatException e) {
            return new Result(name, 0, List.of(e.getMessage()));
        }
        StringBuilder printed = new StringBuilder();
        int comparisons;
        try (LessonSession session = new LessonSession(file.toAbsolutePath().getParent())) {
            List<Cell> code = lesson.codeCells();
            // what the cells printed (stdout): warnings, which the cells also show, are not part of it
            List<CellResult> results = session.runAll(lesson, text -> { });
            for (int i = 0; i < results.size(); i++) {
                CellResult r = results.get(i);
                printed.append(r.output());
                if (!r.ok()) {
                    problems.add("error: " + r.error().summary() + " (" + where(name, i + 1, code.get(i), r.error().line()) + ")");
                }
            }
            for (Comparison c : session.comparisons()) {
                if (!c.match()) {
                    problems.add("comparison '" + c.label() + "' does not match: " + c.message());
                } else if (c.firstDivergentFactor() != null) {
                    // the totals agree, but a factor the lesson wrote down is not the one autograd used
                    problems.add("comparison '" + c.label() + "': " + c.firstDivergentFactor().name() + " by hand is "
                            + c.firstDivergentFactor().manualText() + ", autograd's chain has " + c.firstDivergentFactor().autograd());
                }
            }
            comparisons = session.comparisons().size();
        }
        Path expected = expectedFolder.resolve(name.replaceFirst("\\.(py|ipynb)$", ".out"));
        if (Files.exists(expected)) {
            String want = Files.readString(expected, StandardCharsets.UTF_8);
            String diff = firstDifference(want, printed.toString());
            if (diff != null) {
                problems.add("output differs from PyTorch's " + diff);
            }
        }
        return new Result(name, comparisons, problems);
    }

    /**
     * An error's place: the line of the {@code .py} file (a cell's lines are numbered from its first
     * line in the file); in a notebook, which has no such lines, the cell and the line inside it.
     */
    static String where(String file, int codeCell, Cell cell, int lineInCell) {
        if (lineInCell < 1) {
            return file + ", code cell " + codeCell;
        }
        if (file.endsWith(".ipynb") || cell.firstLine() < 1) {
            return file + ", code cell " + codeCell + ", line " + lineInCell;
        }
        return file + ", line " + (cell.firstLine() + lineInCell - 1);
    }

    /** Where two outputs first differ, as {@code at line N: expected "...", got "..."}; null if equal. */
    static String firstDifference(String expected, String actual) {
        String[] a = expected.split("\n", -1), b = actual.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end>", y = i < b.length ? b[i] : "<end>";
            if (!x.equals(y)) {
                return "at line " + (i + 1) + ": expected \"" + x + "\", got \"" + y + "\"";
            }
        }
        return null;
    }
}
