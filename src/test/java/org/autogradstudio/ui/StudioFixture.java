package org.autogradstudio.ui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import org.autogradstudio.ui.run.Kernel;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the whole studio in the headless toolkit with a given kernel, and helps tests wait for it. */
final class StudioFixture {
    private StudioFixture() {
    }

    static {
        // Monocle's headless screen (default 1280x800) must hold the window
        System.setProperty("headless.geometry", "1600x1000-32");
        // drafts of edited lessons go to a temporary folder, never the user's home
        try {
            System.setProperty("studio.drafts", Files.createTempDirectory("studio-drafts").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static StudioApp start(java.util.function.Supplier<Kernel> kernel, String... args) throws Exception {
        FxToolkit.registerPrimaryStage();
        StudioApp.setKernelFactory(kernel);
        StudioApp app = (StudioApp) FxToolkit.setupApplication(StudioApp.class, args);
        waitFor(15, () -> app.readyProperty().get());
        return app;
    }

    static void stop(StudioApp app) throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }

    static void waitFor(int seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
    }

    /**
     * Evaluates on the FX thread and returns the value. The bound is a liveness check, not a timing:
     * a round trip that takes half a second alone once took over 10 s on a loaded 2-core CI machine.
     */
    static <T> T onFx(Callable<T> c) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return c.call();
        }
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    static void fx(Runnable r) throws Exception {
        onFx(() -> {
            r.run();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    static Path lessonFile(String name, String text) throws Exception {
        Path dir = Files.createTempDirectory("studio-test");
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    /** Opens the course lesson whose file name contains {@code fragment}. */
    static void openLesson(StudioApp app, String fragment) throws Exception {
        org.autogradstudio.ui.lesson.LessonLibrary.Entry lesson = onFx(() -> app.model().lessons().stream()
                .filter(e -> e.path().getFileName().toString().contains(fragment)).findFirst().orElse(null));
        org.junit.jupiter.api.Assertions.assertNotNull(lesson, "the course has the lesson " + fragment);
        fx(() -> org.junit.jupiter.api.Assertions.assertTrue(app.window().open(lesson)));
    }

    /**
     * Runs the open lesson's code cells up to and including the first that calls {@code .backward()},
     * waits for them, checks each ended well and returns what they printed.
     */
    static String runToFirstBackward(StudioApp app) throws Exception {
        java.util.function.Supplier<java.util.List<org.autogradstudio.ui.lesson.CellModel>> cells =
                () -> app.model().getNotebook().codeCells();
        int upTo = onFx(() -> {
            for (int i = 0; i < cells.get().size(); i++) {
                if (cells.get().get(i).getSource().contains(".backward()")) {
                    return i;
                }
            }
            return -1;
        });
        org.junit.jupiter.api.Assertions.assertTrue(upTo >= 0, "the lesson calls backward()");
        fx(() -> app.model().runner().runAll(cells.get().subList(0, upTo + 1)));
        waitFor(60, () -> !app.model().runner().isRunning()
                && cells.get().stream().noneMatch(c -> c.getState() == org.autogradstudio.ui.lesson.CellModel.State.QUEUED));
        StringBuilder out = new StringBuilder();
        for (var c : onFx(() -> java.util.List.copyOf(cells.get().subList(0, upTo + 1)))) {
            org.junit.jupiter.api.Assertions.assertEquals(org.autogradstudio.ui.lesson.CellModel.State.OK, c.getState(),
                    () -> c.getSource() + "\n" + c.getError());
            out.append(c.getOutput());
        }
        return out.toString();
    }

    /** The number in {@code label tensor(N)} as a lesson printed it. */
    static double printed(String output, String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(label)
                + "\\s*tensor\\((-?[0-9.]+)").matcher(output);
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), label + " in " + output);
        return Double.parseDouble(m.group(1));
    }
}
