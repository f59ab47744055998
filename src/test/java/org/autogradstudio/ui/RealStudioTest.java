package org.autogradstudio.ui;

import static org.autogradstudio.ui.StudioFixture.fx;

import java.util.List;
import org.autogradstudio.ui.lesson.CellModel;
import org.autogradstudio.ui.run.SessionKernel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;

/**
 * The whole studio with the real interpreter ({@link SessionKernel}), started empty for each test
 * and stopped after it (a running cell first): what the TestFX tests that open course lessons share.
 */
abstract class RealStudioTest {
    protected final FxRobot robot = new FxRobot();
    protected StudioApp app;

    @BeforeEach
    void startTheStudio() throws Exception {
        System.setProperty("studio.noInitialLesson", "true");
        app = StudioFixture.start(SessionKernel::new);
    }

    @AfterEach
    void stopTheStudio() throws Exception {
        if (app != null) {
            fx(() -> I18n.localeProperty().set(java.util.Locale.ENGLISH));
            fx(() -> app.model().runner().stop());
            StudioFixture.stop(app);
        }
    }

    /** The open lesson's code cells (FX thread). */
    protected List<CellModel> cells() {
        return app.model().getNotebook().codeCells();
    }

    /** Opens the course lesson whose file name contains {@code fragment}. */
    protected void open(String fragment) throws Exception {
        StudioFixture.openLesson(app, fragment);
    }
}
