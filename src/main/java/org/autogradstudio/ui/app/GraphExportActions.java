package org.autogradstudio.ui.app;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.autogradstudio.graph.GraphExporter.Format;
import org.autogradstudio.ui.I18n;
import org.autogradstudio.ui.graph.GraphData;
import org.autogradstudio.ui.lesson.NotebookModel;

/**
 * File > Export: the graph shown now as a PNG at twice its size or as an SVG, and its backward pass
 * as an animated GIF for slides. The graph package's exporters (the command line's) write the file
 * on the script thread, with the engine's own tensors; the UI stays free meanwhile.
 */
public final class GraphExportActions {
    /** PNG and GIF resolution: twice the layout, sharp on a projector. */
    public static final double SCALE = 2;
    private final StudioModel model;
    private final Supplier<Window> owner;
    private final Supplier<javafx.scene.Node> view;
    private final ReadOnlyObjectWrapper<Path> lastExported = new ReadOnlyObjectWrapper<>(this, "lastExported");

    /** @param view the graph view as drawn now (theme, zoom, the animation's step), for the snapshot */
    public GraphExportActions(StudioModel model, Supplier<Window> owner, Supplier<javafx.scene.Node> view) {
        this.model = model;
        this.owner = owner;
        this.view = view;
    }

    /** The Export submenu: PNG (2x), SVG and the animated GIF, disabled while there is nothing to export. */
    public Menu menu() {
        Menu m = new Menu();
        m.textProperty().bind(I18n.text("menu.file.export"));
        m.setId("menu-export");
        ReadOnlyObjectProperty<GraphData> graph = model.runner().graphProperty();
        BooleanBinding noGraph = Bindings.createBooleanBinding(() -> graph.get().isEmpty(), graph);
        BooleanBinding noBackward = Bindings.createBooleanBinding(() -> graph.get().trace().isEmpty(), graph);
        m.getItems().addAll(item(Format.PNG, "menu.file.export.png", noGraph), item(Format.SVG, "menu.file.export.svg", noGraph),
                item(Format.GIF, "menu.file.export.gif", noBackward), snapshotItem(noGraph));
        return m;
    }

    private MenuItem snapshotItem(BooleanBinding disabled) {
        MenuItem i = new MenuItem();
        i.setId("menu-export-view");
        i.textProperty().bind(I18n.text("menu.file.export.view"));
        i.disableProperty().bind(disabled);
        i.setOnAction(e -> {
            Path out = chooseFile(Format.PNG, suggestedName(Format.PNG).replace("-graph.", "-view."));
            if (out != null) {
                try {
                    snapshot(out);
                    Dialogs.info(owner.get(), I18n.get("dialog.export.done"), out.toString());
                } catch (java.io.IOException | RuntimeException failure) {
                    failed(out, failure);
                }
            }
        });
        return i;
    }

    /**
     * The graph view exactly as it is drawn now, in the theme in force and at the animation's step
     * (the active edge and its label included), at {@link #SCALE} times its size on screen (FX thread).
     */
    public void snapshot(Path out) throws java.io.IOException {
        javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
        params.setTransform(javafx.scene.transform.Transform.scale(SCALE, SCALE));
        javafx.scene.image.WritableImage image = view.get().snapshot(params, null);
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        lastExported.set(out);
    }

    private MenuItem item(Format format, String key, BooleanBinding disabled) {
        MenuItem i = new MenuItem();
        i.setId("menu-export-" + format.extension());
        i.textProperty().bind(I18n.text(key));
        i.disableProperty().bind(disabled);
        i.setOnAction(e -> choose(format));
        return i;
    }

    /** The file most recently written (null before the first export). */
    public ReadOnlyObjectProperty<Path> lastExportedProperty() {
        return lastExported.getReadOnlyProperty();
    }

    private void choose(Format format) {
        Path out = chooseFile(format, suggestedName(format));
        if (out != null) {
            export(format, out, written -> Dialogs.info(owner.get(), I18n.get("dialog.export.done"), written.toString()));
        }
    }

    /** The Save dialog for a {@code format} file; a name typed without extension gets the format's. Null: cancelled. */
    private Path chooseFile(Format format, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.get("dialog.export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                I18n.get("dialog.export.filter", format.name()), "*." + format.extension()));
        chooser.setInitialFileName(initialName);
        File f = chooser.showSaveDialog(owner.get());
        if (f == null) {
            return null;
        }
        Path out = f.toPath();
        return out.getFileName().toString().contains(".") ? out : out.resolveSibling(out.getFileName() + "." + format.extension());
    }

    private void failed(Path out, Throwable failure) {
        Dialogs.error(owner.get(), I18n.get("dialog.export.error", String.valueOf(out.getFileName()),
                String.valueOf(failure.getMessage())), failure.toString());
    }

    /** {@code 05_logistic_neuron-graph.png}, {@code …-backward.gif}. */
    String suggestedName(Format format) {
        NotebookModel nb = model.getNotebook();
        String base = nb == null ? "graph" : nb.name().replaceFirst("\\.(py|ipynb)$", "");
        return base + (format == Format.GIF ? "-backward." : "-graph.") + format.extension();
    }

    /** Writes the graph shown now to {@code out}; {@code done} hears of the file on the FX thread. An error is shown. */
    public void export(Format format, Path out, Consumer<Path> done) {
        model.runner().export(format, SCALE, out, written -> {
            lastExported.set(written);
            done.accept(written);
        }, failure -> failed(out, failure));
    }
}
