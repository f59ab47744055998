package org.autogradstudio.ui;

import static org.autogradstudio.ui.StudioFixture.fx;
import static org.autogradstudio.ui.StudioFixture.onFx;
import static org.autogradstudio.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.autogradstudio.ui.app.MainWindow;
import org.autogradstudio.ui.app.PresenterMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The studio in front of a class: presenter mode, themes and the interface language switched at run time. */
class ClassroomTest {
    private final FxRobot robot = new FxRobot();
    private StudioApp app;

    @BeforeEach
    void open() throws Exception {
        System.setProperty("studio.noInitialLesson", "true");
        app = StudioFixture.start(FakeKernel::new);
        Path file = StudioFixture.lessonFile("05_test_logistic.py", StudioFlowTest.LESSON);
        fx(() -> assertTrue(app.window().openFile(file)));
        fx(() -> app.model().runner().runAll(app.model().getNotebook().codeCells().subList(0, 2)));
        waitFor(15, () -> !app.model().runner().isRunning());
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            app.model().presenter().setActive(false);
            app.model().themeProperty().set(StudioTheme.LIGHT);
            I18n.localeProperty().set(Locale.ENGLISH);
        });
        StudioFixture.stop(app);
    }

    private MainWindow window() {
        return app.window();
    }

    private double runAllFontSize() throws Exception {
        return onFx(() -> window().toolbar().status().getFont().getSize());
    }

    private double cellOutputFontSize() throws Exception {
        var cell = app.model().getNotebook().codeCells().get(0);
        return onFx(() -> {
            window().applyCss();
            Font f = window().notebookView().codeView(cell).outputArea().getFont();
            return f.getSize();
        });
    }

    @Test
    void presenterModeGoesFullScreenHidesTheChromeAndScalesTextAndGraph() throws Exception {
        double outputBefore = cellOutputFontSize();
        double zoomBefore = onFx(() -> window().graphPanel().canvas().zoomProperty().get());
        robot.clickOn(window().graphPanel().canvas());
        robot.type(KeyCode.F5);
        waitFor(5, () -> app.stage().isFullScreen());
        assertTrue(onFx(() -> app.model().presenter().isActive()));
        assertFalse(onFx(() -> window().getTop().isVisible()), "menu and toolbar hidden");
        assertFalse(onFx(() -> window().lessonList().getScene() != null), "lesson list hidden");
        assertTrue(onFx(() -> window().getPseudoClassStates().contains(PseudoClass.getPseudoClass("presenting"))));
        // from the default 150 % to 200 % with the keyboard
        robot.type(KeyCode.EQUALS, KeyCode.EQUALS);
        assertEquals(2.0, onFx(() -> app.model().presenter().scaleProperty().get()));
        assertEquals(2 * PresenterMode.BASE_FONT_PX, onFx(() -> app.model().presenter().fontPx()));
        assertEquals(2 * outputBefore, cellOutputFontSize(), 0.6, "cell output scales with the root font");
        assertEquals(2 * zoomBefore, onFx(() -> window().graphPanel().canvas().zoomProperty().get()), 1e-9, "graph scales");
        // at most 250 %
        robot.type(KeyCode.EQUALS, KeyCode.EQUALS, KeyCode.EQUALS);
        assertEquals(PresenterMode.MAX_SCALE, onFx(() -> app.model().presenter().scaleProperty().get()));
        // stepping stays on the keyboard
        int before = onFx(() -> app.model().animation().getPosition());
        robot.type(KeyCode.HOME);
        assertEquals(0, onFx(() -> app.model().animation().getPosition()));
        robot.type(KeyCode.RIGHT, KeyCode.RIGHT);
        assertEquals(2, onFx(() -> app.model().animation().getPosition()));
        assertTrue(before > 2);
        // Escape leaves presenter mode: window, chrome and sizes as before
        robot.type(KeyCode.ESCAPE);
        waitFor(5, () -> !app.stage().isFullScreen());
        assertFalse(onFx(() -> app.model().presenter().isActive()));
        assertTrue(onFx(() -> window().getTop().isVisible()));
        assertTrue(onFx(() -> window().lessonList().getScene() != null));
        assertEquals(outputBefore, cellOutputFontSize(), 0.01);
        assertEquals(zoomBefore, onFx(() -> window().graphPanel().canvas().zoomProperty().get()), 1e-9);
    }

    @Test
    void themesSwitchAtRunTimeIncludingHighContrast() throws Exception {
        fx(() -> app.model().themeProperty().set(StudioTheme.DARK));
        assertEquals(new PrimerDark().getUserAgentStylesheet(), onFx(Application::getUserAgentStylesheet));
        fx(() -> app.model().themeProperty().set(StudioTheme.HIGH_CONTRAST));
        String overlay = StudioTheme.HIGH_CONTRAST.overlayStylesheet();
        assertTrue(onFx(() -> app.stage().getScene().getStylesheets().contains(overlay)));
        assertTrue(onFx(() -> window().getPseudoClassStates().contains(PseudoClass.getPseudoClass("high-contrast"))));
        fx(() -> window().applyCss());
        assertEquals(Color.WHITE, onFx(() -> window().toolbar().status().getTextFill()), "high contrast: white text");
        fx(() -> app.model().themeProperty().set(StudioTheme.LIGHT));
        assertEquals(new PrimerLight().getUserAgentStylesheet(), onFx(Application::getUserAgentStylesheet));
        assertFalse(onFx(() -> app.stage().getScene().getStylesheets().contains(overlay)));
        fx(() -> window().applyCss());
        assertFalse(Color.WHITE.equals(onFx(() -> window().toolbar().status().getTextFill())));
    }

    @Test
    void hindiAndEnglishSwitchAtRunTime() throws Exception {
        assertEquals("Run All", onFx(() -> window().toolbar().runAllButton().getText()));
        fx(() -> I18n.localeProperty().set(Locale.forLanguageTag("hi")));
        assertEquals("\u0938\u092d\u0940 \u091a\u0932\u093e\u090f\u0901", onFx(() -> window().toolbar().runAllButton().getText()));
        assertEquals("\u0928\u093f\u0930\u0940\u0915\u094d\u0937\u0915", onFx(() -> window().sideTabs().getTabs().get(0).getText()));
        assertTrue(onFx(() -> app.stage().getTitle()).startsWith("Autograd Studio \u2014 "), "the title keeps the app's name");
        fx(() -> I18n.localeProperty().set(Locale.ENGLISH));
        assertEquals("Run All", onFx(() -> window().toolbar().runAllButton().getText()));
    }
}
