package org.autogradstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.autogradstudio.graph.BackwardFrame;
import org.autogradstudio.graph.BackwardFrames;
import org.autogradstudio.graph.GifExport;
import org.autogradstudio.graph.GraphLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logistic-neuron lesson exported from the command line for slides: a PNG at twice the layout's
 * size, an SVG with the names, values and gradients as text, and a GIF with one frame per backward step.
 */
class LessonExportTest {
    private static final Path LESSON = Path.of("lessons/05_logistic_neuron.py");
    private static ScriptGraph expected;
    private static GraphLayout.Layout layout;

    @TempDir
    Path dir;

    @BeforeAll
    static void runTheLesson() throws Exception {
        expected = ScriptGraph.run(LESSON, null, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        layout = GraphLayout.of(expected.graph, expected.trace, false);
    }

    private Path export(String format, String name, String... more) throws IOException {
        Path out = dir.resolve(name);
        String[] args = new String[5 + more.length];
        args[0] = "graph";
        args[1] = LESSON.toString();
        args[2] = "--format";
        args[3] = format;
        args[4] = "-o" + out;
        System.arraycopy(more, 0, args, 5, more.length);
        assertEquals(0, Cli.execute(args), "graph --format " + format);
        assertTrue(Files.size(outOrFail(out)) > 0);
        return out;
    }

    private static Path outOrFail(Path p) {
        assertTrue(Files.exists(p), p + " written");
        return p;
    }

    @Test
    void pngIsTwiceTheLayoutsSize() throws IOException {
        BufferedImage png = ImageIO.read(export("png", "graph.png").toFile());
        assertEquals((int) Math.ceil(layout.width() * 2), png.getWidth());
        assertEquals((int) Math.ceil(layout.height() * 2), png.getHeight());
        BufferedImage once = ImageIO.read(export("png", "graph1.png", "--scale", "1").toFile());
        assertEquals((int) Math.ceil(layout.width()), once.getWidth());
    }

    /** What real PyTorch printed for the lesson (its last backward is the five-student loss). */
    private static String printedByPyTorch() throws IOException {
        return Files.readString(Path.of("lessons/expected/05_logistic_neuron.out"), StandardCharsets.UTF_8);
    }

    private static String printed(String text, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        assertNotNull(last, regex);
        return last;
    }

    @Test
    void svgHasNamesValuesAndGradsAsText() throws IOException {
        String svg = Files.readString(export("svg", "graph.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg"));
        String torch = printedByPyTorch();
        String loss = printed(torch, "mean loss over 5 students: (-?[0-9.]+)");
        String wGrad = printed(torch, "dL/dw \\(5 students, by hand\\)  manual \\S+  autograd (-?[0-9.]+)");
        String bGrad = printed(torch, "dL/db \\(5 students, by hand\\)  manual \\S+  autograd (-?[0-9.]+)");
        // the lesson's last graph: w and b over the five students, sigmoid and the mean BCE loss
        for (String text : new String[] {">w<", ">b<", ">y_pred<", ">loss<", ">\u03c3<", ">BCE<", ">0.5000<", ">-3.0000<",
                ">" + loss + "<", ">grad " + wGrad + "<", ">grad " + bGrad + "<", ">grad 1.0000<", "#0072b2"}) {
            assertTrue(svg.contains(text), text);
        }
    }

    @Test
    void gifHasOneFramePerBackwardStep() throws IOException {
        Path gif = export("gif", "backward.gif");
        int steps = expected.trace.steps().size();
        assertEquals(6, steps, "seed, BCE, σ, +, b, ×, w: six edges");
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(steps, reader.getNumImages(true));
            BufferedImage first = reader.read(0);
            assertEquals((int) Math.ceil(layout.width() * 2), first.getWidth());
            assertEquals((int) Math.ceil((layout.height() + GifExport.CAPTION_HEIGHT) * 2), first.getHeight());
            IIOMetadataNode meta = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode control = (IIOMetadataNode) meta.getElementsByTagName("GraphicControlExtension").item(0);
            assertEquals(String.valueOf(GifExport.STEP_DELAY_MS / 10), control.getAttribute("delayTime"));
            assertNotNull(meta.getElementsByTagName("ApplicationExtension").item(0), "loops");
            // the active edge is drawn in the studio's active colour (#e69f00, near enough) on every frame
            for (int i = 0; i < steps; i++) {
                assertTrue(hasColour(reader.read(i), 0xe69f00), "frame " + i + " highlights its step");
            }
        }
        assertEquals(0, Cli.execute("graph", LESSON.toString(), "--animate", "-o", dir.resolve("a.gif").toString()));
        assertTrue(Files.size(dir.resolve("a.gif")) > 0);
    }

    @Test
    void framesFillTheGradientsInStepByStep() throws IOException {
        List<BackwardFrame> frames = BackwardFrames.of(expected.graph, expected.trace);
        int n = expected.trace.steps().size();
        assertEquals(n, frames.size());
        assertEquals("seed 1.0000", frames.get(0).equation());
        assertEquals(1, frames.get(0).grads().size(), "only the loss has a gradient after the seed");
        BackwardFrame last = frames.get(frames.size() - 1);
        assertEquals("w", last.tensor().label());
        String wGrad = printed(printedByPyTorch(), "dL/dw \\(5 students, by hand\\)  manual \\S+  autograd (-?[0-9.]+)");
        // the product of a sum over the five students: no elementwise local derivative (∂)
        assertEquals("step " + n + " of " + n + ":  \u00d7 \u2192 w    tensor [5] \u00d7 \u2202 = " + wGrad, last.caption());
        assertEquals(n, last.complete().size(), "every tensor reached has its whole gradient");
        BackwardFrame sigma = frames.get(2);
        assertEquals("tensor [5] \u00d7 tensor [5] = tensor [5]", sigma.equation(), "five students: shapes, not values");
        assertNotNull(sigma.edge(), "σ's step lies on a forward edge");
    }

    @Test
    void aScriptWithoutBackwardHasNoAnimation() throws IOException {
        Path script = dir.resolve("forward.py");
        Files.writeString(script, "import torch\nw = torch.tensor(2.0, requires_grad=True)\ny = w * w\n");
        assertEquals(1, Cli.execute("graph", script.toString(), "--format", "gif", "-o", dir.resolve("f.gif").toString()));
        assertEquals(0, Cli.execute("graph", script.toString(), "--format", "png", "-o", dir.resolve("f.png").toString()));
    }

    private static boolean hasColour(BufferedImage img, int rgb) {
        for (int x = 0; x < img.getWidth(); x += 2) {
            for (int y = 0; y < img.getHeight(); y += 2) {
                int c = img.getRGB(x, y);
                // a GIF has 256 colours per frame: the quantiser may move a colour slightly
                if (Math.abs((c >> 16 & 0xff) - (rgb >> 16 & 0xff)) < 16 && Math.abs((c >> 8 & 0xff) - (rgb >> 8 & 0xff)) < 16
                        && Math.abs((c & 0xff) - (rgb & 0xff)) < 16) {
                    return true;
                }
            }
        }
        return false;
    }
}
