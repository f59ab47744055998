package org.autogradstudio.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.autogradstudio.ui.app.KeyBindings;
import org.autogradstudio.ui.app.MainWindow;
import org.autogradstudio.ui.app.StudioModel;
import org.autogradstudio.ui.lesson.LessonLibrary;
import org.autogradstudio.ui.run.Kernel;
import org.autogradstudio.ui.run.SessionKernel;

/**
 * The JavaFX application: builds the model and the main window, shows it as soon as possible,
 * then lists the lessons on a background thread and opens the one given on the command line
 * (or the first of the course).
 */
public final class StudioApp extends Application {
    private static volatile Supplier<Kernel> kernelFactory = SessionKernel::new;
    private static volatile StudioApp current;

    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready", false);
    private StudioModel model;
    private MainWindow window;
    private Stage stage;

    /** Tests replace the interpreter's kernel (set before the application starts). */
    public static void setKernelFactory(Supplier<Kernel> factory) {
        kernelFactory = factory;
    }

    /** The running application (null before start). */
    public static StudioApp current() {
        return current;
    }

    @Override
    public void start(Stage primaryStage) {
        current = this;
        this.stage = primaryStage;
        StudioTheme theme = StudioTheme.valueOf(System.getProperty("studio.theme", StudioTheme.LIGHT.name()));
        theme.apply();
        model = new StudioModel(kernelFactory.get());
        model.themeProperty().set(theme);
        window = new MainWindow(model);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        boolean windowed = Boolean.getBoolean("studio.windowed");
        Scene scene = windowed ? new Scene(window, Math.min(1500, screen.getWidth() * 0.95), Math.min(920, screen.getHeight() * 0.92))
                : new Scene(window, screen.getWidth(), screen.getHeight());
        scene.getStylesheets().addAll(Resources.stylesheet("studio.css"), Resources.stylesheet("graph.css"),
                Resources.stylesheet("code.css"), Resources.stylesheet("themes.css"));
        KeyBindings.install(scene, model.animation(), model.runner(), model.presenter());
        followPresenter(primaryStage);
        primaryStage.titleProperty().bind(window.titleBinding());
        primaryStage.setScene(scene);
        // a classroom screen or projector: use all of it unless asked for a window
        if (!windowed) {
            primaryStage.setX(screen.getMinX());
            primaryStage.setY(screen.getMinY());
            primaryStage.setMaximized(true);
        }
        primaryStage.setOnShown(e -> {
            StartupClock.markShown();
            if (Boolean.getBoolean("studio.exitAfterShown")) {
                Platform.runLater(Platform::exit);
            }
        });
        primaryStage.show();
        loadLessons(getParameters().getRaw());
    }

    /** Presenter mode is full screen; leaving full screen (the window manager, a key) leaves presenter mode. */
    private void followPresenter(Stage primaryStage) {
        primaryStage.setFullScreenExitKeyCombination(javafx.scene.input.KeyCombination.NO_MATCH);
        primaryStage.setFullScreenExitHint("");
        model.presenter().activeProperty().addListener((o, a, on) -> primaryStage.setFullScreen(on));
        primaryStage.fullScreenProperty().addListener((o, a, full) -> {
            if (!full) {
                model.presenter().setActive(false);
            }
        });
    }

    private void loadLessons(List<String> args) {
        String file = args.stream().filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        Thread t = new Thread(() -> {
            List<LessonLibrary.Entry> entries = LessonLibrary.builtIn();
            Platform.runLater(() -> {
                model.lessons().addAll(entries);
                if (file != null) {
                    window.openFile(Path.of(file));
                } else if (!entries.isEmpty() && !Boolean.getBoolean("studio.noInitialLesson")) {
                    window.open(entries.get(0));
                }
                ready.set(true);
            });
        }, "lesson-library");
        t.setDaemon(true);
        t.start();
    }

    /** True once the lesson list is loaded and the first lesson opened. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public StudioModel model() {
        return model;
    }

    public MainWindow window() {
        return window;
    }

    public Stage stage() {
        return stage;
    }

    @Override
    public void stop() {
        if (model != null) {
            model.close();
        }
    }
}
