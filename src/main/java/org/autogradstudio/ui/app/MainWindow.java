package org.autogradstudio.ui.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Orientation;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.autogradstudio.lesson.LessonFormatException;
import org.autogradstudio.ui.I18n;
import org.autogradstudio.ui.StudioTheme;
import org.autogradstudio.ui.derivation.DerivationPanel;
import org.autogradstudio.ui.graph.GraphCanvas;
import org.autogradstudio.ui.graph.GraphPanel;
import org.autogradstudio.ui.graph.NodeInspector;
import org.autogradstudio.ui.lesson.CellModel;
import org.autogradstudio.ui.lesson.LessonLibrary;
import org.autogradstudio.ui.lesson.NotebookModel;
import org.autogradstudio.ui.lesson.NotebookView;
import org.autogradstudio.ui.run.ChartFeed;
import org.autogradstudio.ui.train.GraphColumn;
import org.autogradstudio.ui.train.ModelChart;
import org.autogradstudio.ui.train.ModelFeed;

/**
 * The main window's content: menu and toolbar on top; lessons on the left; the open lesson's
 * cells in the centre; the graph with its animation and, below it, the side tabs: the inspector,
 * the derivation panel (the chain rule for the clicked leaf) and the training charts.
 */
public final class MainWindow extends BorderPane {
    /** The interface languages: English and Hindi (the course was taught in both). */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("hi"));
    /** A series this long comes from a loop: a cell that charts it brings the charts forward. */
    private static final int MIN_TRAINING_POINTS = 3;
    private static final PseudoClass PRESENTING = PseudoClass.getPseudoClass("presenting");
    private final StudioModel model;
    private final LessonListView lessonList;
    private final NotebookView notebookView;
    private final GraphPanel graphPanel;
    private final NodeInspector inspector;
    private final TrainingCharts charts;
    private final DerivationPanel derivationPanel;
    private final Tab derivationTab = new Tab();
    private final Tab chartsTab = new Tab();
    private final TabPane sideTabs = new TabPane();
    private final StudioToolbar toolbar;
    private final SplitPane split = new SplitPane();
    private final SplitPane right = new SplitPane();

    public MainWindow(StudioModel model) {
        this.model = model;
        this.lessonList = new LessonListView(model, this::open);
        this.notebookView = new NotebookView(model.runner());
        this.graphPanel = new GraphPanel(model.animation(), model.selection());
        this.inspector = new NodeInspector(model.selection());
        this.charts = new TrainingCharts(model.runner().charts());
        this.derivationPanel = new DerivationPanel(model.derivation(), model.runner().comparisonsProperty());
        this.toolbar = new StudioToolbar(model);
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("main-window");
        setTop(new VBox(menuBar(), toolbar));
        Tab inspectorTab = sideTab(new Tab(), "inspector.title", "tab-inspector", inspector);
        ModelChart modelChart = new ModelChart(new ModelFeed(model.runner()));
        javafx.scene.layout.HBox plots = new javafx.scene.layout.HBox(8, modelChart, charts);
        javafx.scene.layout.HBox.setHgrow(modelChart, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox.setHgrow(charts, javafx.scene.layout.Priority.ALWAYS);
        VBox chartsBox = new VBox(new TrainingSettings(model), plots);
        VBox.setVgrow(plots, javafx.scene.layout.Priority.ALWAYS);
        sideTab(chartsTab, "charts.title", "tab-charts", chartsBox);
        sideTab(derivationTab, "derivation.title", "tab-derivation", derivationPanel);
        sideTabs.getTabs().addAll(inspectorTab, derivationTab, chartsTab);
        model.derivation().activeProperty().bind(derivationTab.selectedProperty());
        sideTabs.getStyleClass().add("side-tabs");
        right.setOrientation(Orientation.VERTICAL);
        GraphColumn graphColumn = new GraphColumn(graphPanel, model.runner(), () -> graphPanel.canvas().fit());
        VBox.setVgrow(sideTabs, javafx.scene.layout.Priority.ALWAYS);
        VBox lower = new VBox(graphColumn.whatIfBar(), sideTabs);
        lower.setMinHeight(0); // the divider, not the sliders, decides how much room the graph keeps
        right.getItems().addAll(graphColumn, lower);
        right.setDividerPositions(0.78);
        split.getItems().addAll(lessonList, notebookView, right);
        split.setDividerPositions(0.12, 0.45);
        SplitPane.setResizableWithParent(lessonList, false);
        setCenter(split);
    }

    private static Tab sideTab(Tab tab, String titleKey, String id, Node content) {
        tab.textProperty().bind(I18n.text(titleKey));
        tab.setContent(content);
        tab.setClosable(false);
        tab.setId(id);
        return tab;
    }

    private void initListeners() {
        model.notebookProperty().addListener((o, a, nb) -> notebookView.setNotebook(nb));
        // a cell that starts charting brings the charts forward
        model.runner().charts().revisionProperty().addListener((o, a, b) -> {
            ChartFeed feed = model.runner().charts();
            if (model.runner().isRunning() && feed.names().stream().anyMatch(n -> feed.values(n).size() >= MIN_TRAINING_POINTS)) {
                sideTabs.getSelectionModel().select(chartsTab);
            }
        });
        // charts and formulas need room: the side tabs grow while they are shown
        sideTabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) ->
                right.setDividerPositions(tab == chartsTab || tab == derivationTab ? 0.45 : 0.78));
        PresenterMode presenter = model.presenter();
        presenter.activeProperty().addListener((o, a, on) -> showChrome(!on));
        presenter.effectiveScale().addListener((o, a, b) -> scaleTo(a.doubleValue(), b.doubleValue()));
        // a new graph is fitted to the view at 100 %: scale it after that fit
        model.runner().graphProperty().addListener((o, a, g) -> Platform.runLater(() -> {
            GraphCanvas canvas = graphPanel.canvas();
            double s = presenter.effectiveScale().get();
            if (s != 1.0) {
                canvas.zoomAt(s, canvas.getWidth() / 2, canvas.getHeight() / 2);
            }
        }));
        // clicking a leaf of the graph opens its chain rule (a rebuilt graph keeps the selection's name: no jump)
        model.selection().selectedProperty().addListener((o, a, v) -> {
            boolean sameVariable = a != null && v != null && java.util.Objects.equals(a.name(), v.name());
            if (v != null && v.isTensor() && v.isLeaf() && !sameVariable) {
                sideTabs.getSelectionModel().select(derivationTab);
            }
        });
        model.themeProperty().addListener((o, a, t) -> applyTheme());
        sceneProperty().addListener((o, a, sc) -> applyTheme());
    }

    private void applyTheme() {
        if (getScene() != null) {
            model.themeProperty().get().apply(getScene());
            // LaTeX is drawn into images in the text colour: once the new theme's CSS is in, draw again
            Platform.runLater(derivationPanel::redraw);
        }
    }

    /** Editing chrome (menu, toolbar, lesson list) shown, or hidden for presenting. */
    private void showChrome(boolean show) {
        Node top = getTop();
        top.setVisible(show);
        top.setManaged(show);
        pseudoClassStateChanged(PRESENTING, !show);
        right.setDividerPositions(show ? 0.78 : 0.86);
        if (show && !split.getItems().contains(lessonList)) {
            split.getItems().add(0, lessonList);
            split.setDividerPositions(0.12, 0.45);
        } else if (!show) {
            split.getItems().remove(lessonList);
            split.setDividerPositions(0.34);
        }
    }

    /** Text scales through the root font size; the graph through its zoom, about its centre. */
    private void scaleTo(double from, double to) {
        setStyle(to == 1.0 ? "" : String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", PresenterMode.BASE_FONT_PX * to));
        GraphCanvas canvas = graphPanel.canvas();
        canvas.zoomAt(to / from, canvas.getWidth() / 2, canvas.getHeight() / 2);
    }

    /** {@code Autograd Studio — <lesson title>}, following the open lesson and the language. */
    public StringBinding titleBinding() {
        return Bindings.createStringBinding(() -> {
            NotebookModel nb = model.getNotebook();
            String app = I18n.get("app.name");
            return nb == null ? app : I18n.get("app.title", app, nb.title());
        }, model.notebookProperty(), I18n.localeProperty());
    }

    private MenuBar menuBar() {
        Menu file = menu("menu.file",
                item("menu.file.open", "Shortcut+O", this::chooseAndOpen),
                item("menu.file.save", "Shortcut+S", this::save),
                item("menu.file.saveAs", "Shortcut+Shift+S", this::saveAs),
                item("menu.file.revert", null, this::revert),
                new SeparatorMenuItem(),
                new GraphExportActions(model, this::window, graphPanel::canvas).menu(),
                new SeparatorMenuItem(),
                item("menu.file.quit", "Shortcut+Q", () -> getScene().getWindow().hide()));
        Menu run = menu("menu.run",
                item("menu.run.cell", null, this::runFocused),
                item("menu.run.all", "Shortcut+Shift+ENTER", () -> {
                    if (model.getNotebook() != null) {
                        model.runner().runAll(model.getNotebook().codeCells());
                    }
                }),
                item("menu.run.stop", null, () -> model.runner().stop()),
                new SeparatorMenuItem(),
                item("menu.run.restart", null, () -> model.runner().restart()));
        Menu theme = menu("menu.view.theme");
        ToggleGroup themes = new ToggleGroup();
        for (StudioTheme t : StudioTheme.values()) {
            theme.getItems().add(choice(themes, I18n.text(t.key()), model.themeProperty().get() == t,
                    () -> model.themeProperty().set(t), model.themeProperty(), () -> model.themeProperty().get() == t));
        }
        Menu language = menu("menu.view.language");
        ToggleGroup languages = new ToggleGroup();
        for (Locale l : LANGUAGES) {
            language.getItems().add(choice(languages, Bindings.createStringBinding(() -> l.getDisplayLanguage(l)),
                    I18n.localeProperty().get().equals(l), () -> I18n.localeProperty().set(l),
                    I18n.localeProperty(), () -> I18n.localeProperty().get().equals(l)));
        }
        CheckMenuItem presenting = new CheckMenuItem();
        presenting.setId("menu-presenter");
        presenting.textProperty().bind(Bindings.concat(I18n.text("menu.view.presenter"), "   F5"));
        presenting.selectedProperty().bindBidirectional(model.presenter().activeProperty());
        Menu scale = menu("menu.view.scale");
        ToggleGroup scales = new ToggleGroup();
        for (double f = PresenterMode.MIN_SCALE; f <= PresenterMode.MAX_SCALE + 1e-9; f += PresenterMode.STEP) {
            double fs = f;
            scale.getItems().add(choice(scales, Bindings.createStringBinding(() -> Math.round(fs * 100) + " %"),
                    model.presenter().scaleProperty().get() == fs, () -> model.presenter().setScale(fs),
                    model.presenter().scaleProperty(), () -> model.presenter().scaleProperty().get() == fs));
        }
        Menu view = menu("menu.view",
                item("menu.view.fit", "Shortcut+0", () -> graphPanel.canvas().fit()),
                item("menu.view.zoomIn", "Shortcut+EQUALS", () -> graphPanel.canvas().zoomIn()),
                item("menu.view.zoomOut", "Shortcut+MINUS", () -> graphPanel.canvas().zoomOut()),
                new SeparatorMenuItem(), theme, language, new SeparatorMenuItem(), presenting, scale);
        Menu help = menu("menu.help",
                item("menu.help.keys", "F1", () -> Dialogs.info(window(), I18n.get("dialog.keys.title"), I18n.get("dialog.keys.text"))),
                item("menu.help.about", null, () -> Dialogs.info(window(), I18n.get("app.name"), I18n.get("dialog.about.text"))));
        MenuBar bar = new MenuBar(file, run, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    private static Menu menu(String key, MenuItem... items) {
        Menu m = new Menu();
        m.textProperty().bind(I18n.text(key));
        m.getItems().addAll(items);
        return m;
    }

    /** A radio item of a group, selected while {@code isSelected} holds (re-checked when {@code source} changes). */
    private static RadioMenuItem choice(ToggleGroup group, javafx.beans.value.ObservableStringValue text, boolean selected,
            Runnable action, javafx.beans.Observable source, java.util.function.BooleanSupplier isSelected) {
        RadioMenuItem r = new RadioMenuItem();
        r.textProperty().bind(text);
        r.setToggleGroup(group);
        r.setSelected(selected);
        r.setOnAction(e -> action.run());
        source.addListener(o -> r.setSelected(isSelected.getAsBoolean()));
        return r;
    }

    private static MenuItem item(String key, String accelerator, Runnable action) {
        MenuItem i = new MenuItem();
        i.textProperty().bind(I18n.text(key));
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void runFocused() {
        CellModel c = notebookView.getFocusedCell();
        if (c != null) {
            notebookView.runAndAdvance(c);
        }
    }

    /** Opens a lesson, showing an error dialog (naming file and line) when it cannot be read. */
    public boolean open(LessonLibrary.Entry entry) {
        try {
            model.open(entry);
            return true;
        } catch (IOException | LessonFormatException | RuntimeException e) {
            Dialogs.openFailed(window(), entry.path().getFileName().toString(), e);
            return false;
        }
    }

    /** Opens a file from disk (File > Open, the command line). */
    public boolean openFile(Path file) {
        try {
            model.openFile(file);
            return true;
        } catch (IOException | LessonFormatException | RuntimeException e) {
            Dialogs.openFailed(window(), String.valueOf(file.getFileName()), e);
            return false;
        }
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.get("dialog.open.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("dialog.open.filter"), "*.py", "*.ipynb"));
        File f = chooser.showOpenDialog(window());
        if (f != null) {
            openFile(f.toPath());
        }
    }

    private void save() {
        NotebookModel nb = model.getNotebook();
        if (nb == null) {
            return;
        }
        if (nb.file() == null || !nb.file().toString().endsWith(".py")) {
            saveAs();
            return;
        }
        saveTo(nb.file());
    }

    private void saveAs() {
        NotebookModel nb = model.getNotebook();
        if (nb == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.get("dialog.saveAs.title"));
        chooser.setInitialFileName(nb.name().replaceFirst("\\.ipynb$", ".py"));
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            saveTo(f.toPath());
        }
    }

    private void revert() {
        try {
            model.revertToOriginal();
        } catch (IOException | LessonFormatException | RuntimeException e) {
            Dialogs.error(window(), I18n.get("dialog.revert.error", e.getMessage()), e.toString());
        }
    }

    private void saveTo(Path file) {
        try {
            model.saveAs(file);
        } catch (IOException e) {
            Dialogs.error(window(), I18n.get("dialog.save.error", file.getFileName(), e.getMessage()), e.toString());
        }
    }

    public NotebookView notebookView() {
        return notebookView;
    }

    public GraphPanel graphPanel() {
        return graphPanel;
    }

    public NodeInspector inspector() {
        return inspector;
    }

    public DerivationPanel derivationPanel() {
        return derivationPanel;
    }

    public TrainingCharts charts() {
        return charts;
    }

    public LessonListView lessonList() {
        return lessonList;
    }

    public StudioToolbar toolbar() {
        return toolbar;
    }

    /** The tabs under the graph: inspector, derivation, charts. */
    public TabPane sideTabs() {
        return sideTabs;
    }
}
