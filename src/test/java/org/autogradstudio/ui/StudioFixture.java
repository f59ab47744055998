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

    /** Evaluates on the FX thread and returns the value. */
    static <T> T onFx(Callable<T> c) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return c.call();
        }
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
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
}
