package org.autogradstudio.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.autogradstudio.lesson.LessonCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code check lessons/}: runs every lesson and comparison; exit 1 on any failure. */
@Command(name = "check", description = "Runs every lesson in a folder and every comparison in it.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FOLDER", description = "the lessons folder")
    Path folder;

    @Override
    public Integer call() throws Exception {
        List<LessonCheck.Result> results = LessonCheck.checkFolder(folder);
        int failed = 0, comparisons = 0;
        for (LessonCheck.Result r : results) {
            comparisons += r.comparisons();
            if (r.passed()) {
                System.out.println("ok      " + r.lesson() + " (" + r.comparisons() + " comparisons)");
            } else {
                failed++;
                System.out.println("FAILED  " + r.lesson());
                r.problems().forEach(p -> System.out.println("        " + p));
            }
        }
        System.out.println("lessons: " + (results.size() - failed) + " passed, " + failed + " failed; "
                + comparisons + " comparisons");
        return failed == 0 && !results.isEmpty() ? 0 : 1;
    }
}
