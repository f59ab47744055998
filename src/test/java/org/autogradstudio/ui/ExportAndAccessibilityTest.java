package org.autogradstudio.ui;

import static org.autogradstudio.ui.StudioFixture.fx;
import static org.autogradstudio.ui.StudioFixture.onFx;
import static org.autogradstudio.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.autogradstudio.graph.GraphExporter.Format;
import org.autogradstudio.ui.anim.AnimationModel;
import org.autogradstudio.ui.app.GraphExportActions;
import org.autogradstudio.ui.graph.GraphCanvas;
import org.autogradstudio.ui.graph.GraphData;
import org.autogradstudio.ui.graph.TraceStep;
import org.autogradstudio.ui.graph.VertexView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logistic-neuron lesson (up to its first backward) in the studio with the real interpreter:
 * File > Export writes the graph as PNG (2x) and SVG and the backward pass as a GIF; the graph's
 * vertices speak to a screen reader and are reached with Tab.
 */
class ExportAndAccessibilityTest extends RealStudioTest {

    @TempDir
    Path dir;

    @BeforeEach
    void runTheLogisticLessonToItsFirstBackward() throws Exception {
        open("logistic");
        StudioFixture.runToFirstBackward(app);
    }

    private GraphCanvas canvas() {
        return app.window().graphPanel().canvas();
    }

    @Test
    void fileExportWritesPngAtTwiceTheSizeSvgWithNamesAndAGifFramePerBackwardStep() throws Exception {
        MenuBar bar = (MenuBar) onFx(() -> app.stage().getScene().lookup("#menu-bar"));
        Menu export = onFx(() -> (Menu) bar.getMenus().get(0).getItems().stream()
                .filter(i -> "menu-export".equals(i.getId())).findFirst().orElseThrow());
        List<String> ids = onFx(() -> export.getItems().stream().map(MenuItem::getId).toList());
        assertEquals(List.of("menu-export-png", "menu-export-svg", "menu-export-gif", "menu-export-view"), ids);
        assertTrue(onFx(() -> export.getItems().stream().noneMatch(MenuItem::isDisable)), "a graph and a backward pass to export");

        GraphExportActions actions = onFx(() -> new GraphExportActions(app.model(), app::stage, this::canvas));
        List<Path> written = new CopyOnWriteArrayList<>();
        Path png = dir.resolve("g.png");
        Path svg = dir.resolve("g.svg");
        Path gif = dir.resolve("b.gif");
        fx(() -> {
            actions.export(Format.PNG, png, written::add);
            actions.export(Format.SVG, svg, written::add);
            actions.export(Format.GIF, gif, written::add);
        });
        waitFor(60, () -> written.size() == 3);
        assertEquals(gif, onFx(() -> actions.lastExportedProperty().get()));

        String text = Files.readString(svg, StandardCharsets.UTF_8);
        for (String s : new String[] {">w<", ">b<", ">x<", ">y_pred<", ">loss<", ">1.0000<", ">grad 6.6918<", ">grad 0.9988<"}) {
            assertTrue(text.contains(s), s);
        }
        Matcher m = Pattern.compile("<svg [^>]*width=\"(\\d+)\" height=\"(\\d+)\"").matcher(text);
        assertTrue(m.find());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(2 * Integer.parseInt(m.group(1)), image.getWidth(), 2, "PNG at twice the SVG's size");
        assertEquals(2 * Integer.parseInt(m.group(2)), image.getHeight(), 2);

        // one GIF frame per gradient crossing an edge: the studio's seed and edge steps
        GraphData g = onFx(canvas()::graph);
        long steps = g.trace().stream().filter(s -> s.kind() == TraceStep.Kind.SEED || s.kind() == TraceStep.Kind.EDGE).count();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(steps, reader.getNumImages(true));
            assertEquals(image.getWidth(), reader.getWidth(0));
        }
    }

    /** The view as shown, mid-backward: twice the canvas's size on screen, with the active edge's orange in it. */
    @Test
    void theViewAsShownIsSnapshotAtTwiceItsSizeWithTheAnimationsStep() throws Exception {
        var anim = app.model().animation();
        GraphData g = onFx(canvas()::graph);
        int firstEdge = 0;
        while (g.trace().get(firstEdge).kind() != TraceStep.Kind.EDGE) {
            firstEdge++;
        }
        int edgeStep = firstEdge;
        fx(() -> anim.moveTo(anim.backwardStart() + edgeStep));
        waitFor(5, () -> canvas().activeEdge() != null);
        // the whole graph in view (the view otherwise follows the active edge with a smooth pan)
        fx(() -> canvas().fit());
        GraphExportActions actions = onFx(() -> new GraphExportActions(app.model(), app::stage, this::canvas));
        Path out = dir.resolve("view.png");
        fx(() -> {
            try {
                actions.snapshot(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        BufferedImage shot = ImageIO.read(out.toFile());
        double w = onFx(() -> canvas().getWidth()), h = onFx(() -> canvas().getHeight());
        assertEquals(2 * w, shot.getWidth(), 2);
        assertEquals(2 * h, shot.getHeight(), 2);
        boolean orange = false;
        for (int y = 0; y < shot.getHeight() && !orange; y += 2) {
            for (int x = 0; x < shot.getWidth() && !orange; x += 2) {
                int rgb = shot.getRGB(x, y);
                int r = rgb >> 16 & 0xff, gr = rgb >> 8 & 0xff, b = rgb & 0xff;
                orange = r > 200 && gr > 130 && gr < 190 && b < 60;
            }
        }
        assertTrue(orange, "the active edge (orange) is in the snapshot");
    }

    @Test
    void verticesHaveAccessibleTextThatFollowsTheGradsAndTheLanguage() throws Exception {
        GraphData g = onFx(canvas()::graph);
        String w = g.named("w").id();
        AnimationModel anim = app.model().animation();
        fx(anim::toEnd);
        VertexView wView = onFx(() -> canvas().vertexView(w));
        assertEquals("w, parameter, value 1.0000, grad 6.6918", onFx(wView::getAccessibleText));
        assertEquals(AccessibleRole.BUTTON, onFx(wView::getAccessibleRole));
        assertEquals("graph node", onFx(wView::getAccessibleRoleDescription));
        fx(() -> anim.moveTo(anim.backwardStart()));
        assertEquals("w, parameter, value 1.0000", onFx(wView::getAccessibleText), "no grad before the backward pass reaches w");
        String sigma = g.vertices().stream().filter(v -> "SigmoidBackward0".equals(v.opName()) && !v.isTensor())
                .findFirst().orElseThrow().id();
        assertEquals("\u03c3, function SigmoidBackward0", onFx(() -> canvas().vertexView(sigma).getAccessibleText()));
        fx(() -> I18n.localeProperty().set(Locale.forLanguageTag("hi")));
        fx(anim::toEnd);
        String hindi = onFx(wView::getAccessibleText);
        assertTrue(hindi.startsWith("w, \u092a\u0948\u0930\u093e\u092e\u0940\u091f\u0930, \u092e\u093e\u0928 1.0000"), hindi);
    }

    @Test
    void tabWalksTheVerticesInForwardOrderAndFocusesEach() throws Exception {
        robot.clickOn(canvas());
        fx(() -> {
            app.model().selection().select(null);
            canvas().requestFocus();
        });
        GraphData g = onFx(canvas()::graph);
        int visible = onFx(() -> (int) g.vertices().stream().filter(v -> canvas().vertexView(v.id()).isVisible()).count());
        assertTrue(visible > 5);
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        double lastOrder = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < visible; i++) {
            robot.type(KeyCode.TAB);
            var selected = onFx(() -> app.model().selection().getSelected());
            assertNotNull(selected, "Tab selects a vertex");
            assertTrue(selected.order() >= lastOrder, "forward order");
            lastOrder = selected.order();
            seen.add(selected.id());
            VertexView focused = onFx(() -> (VertexView) app.stage().getScene().getFocusOwner());
            assertEquals(selected.id(), focused.data().id(), "the selected vertex has the focus");
            assertFalse(onFx(focused::getAccessibleText).isEmpty());
        }
        assertEquals(visible, seen.size(), "every visible vertex once");
        robot.type(KeyCode.TAB);
        assertFalse(onFx(() -> app.stage().getScene().getFocusOwner() instanceof VertexView), "past the last vertex Tab leaves the graph");
        // Shift+Tab goes back from the last vertex (still selected) to the one before it
        fx(() -> canvas().requestFocus());
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        List<String> order = List.copyOf(seen);
        assertEquals(order.get(order.size() - 2), onFx(() -> app.model().selection().getSelected().id()));
    }
}
