package org.autogradstudio.ui.derivation;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.util.StringConverter;
import org.autogradstudio.calculus.FiniteDifference;
import org.autogradstudio.lesson.Comparison;
import org.autogradstudio.ui.I18n;
import org.autogradstudio.ui.Resources;

/**
 * The chain rule for the selected leaf, as the notebooks work it by hand: every path from the leaf
 * to the root, each factor symbolic then with numbers, multiplied and summed; and beside it the three
 * numbers a learner compares: the chain rule's value, autograd's {@code .grad} and a central finite
 * difference with an adjustable step h, with their differences and a verdict. Below, the lesson's own
 * manual gradients compared with autograd.
 */
public final class DerivationPanel extends ScrollPane {
    private static final List<Double> STEPS = List.of(1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7);
    private static final double LATEX_SIZE = 20;
    private final DerivationModel model;
    private final Label title = new Label();
    private final Label status = new Label();
    private final Label elementCaption = new Label();
    private final Spinner<Integer> element = new Spinner<>();
    private final HBox elementBox = new HBox(6, elementCaption, element);
    private final VBox formulas = new VBox(6);
    private final Label symbolic = number("derivation-symbolic");
    private final Label autograd = number("derivation-autograd");
    private final Label numeric = number("derivation-numeric");
    private final Label absolute = number("derivation-abs");
    private final Label absoluteNumeric = number("derivation-abs-numeric");
    private final Label relative = number("derivation-rel");
    private final Label verdict = new Label();
    private final ComboBox<Double> step = new ComboBox<>(FXCollections.observableArrayList(STEPS));
    private final Label colourProbe = new Label();
    private final ComparisonList comparisons;

    public DerivationPanel(DerivationModel model, ReadOnlyObjectProperty<List<Comparison>> comparisons) {
        this.model = model;
        this.comparisons = new ComparisonList(comparisons);
        createView();
        initListeners();
    }

    private static Label number(String id) {
        Label l = new Label("\u2013");
        l.setId(id);
        l.getStyleClass().add("derivation-number");
        return l;
    }

    private void createView() {
        getStyleClass().add("derivation-panel");
        getStylesheets().add(Resources.stylesheet("derivation.css"));
        title.getStyleClass().add("derivation-title");
        title.setId("derivation-title");
        title.setWrapText(true);
        status.getStyleClass().add("derivation-status");
        verdict.setId("derivation-verdict");
        verdict.getStyleClass().add("derivation-verdict");
        verdict.setWrapText(true);
        // a hidden label styled as formula text: its colour, from the theme, is the colour LaTeX is drawn in
        colourProbe.getStyleClass().add("derivation-formula");
        colourProbe.setManaged(false);
        colourProbe.setVisible(false);
        elementCaption.textProperty().bind(I18n.text("derivation.element"));
        element.setId("derivation-element");
        element.setEditable(true);
        element.setPrefWidth(90);
        elementBox.setAlignment(Pos.CENTER_LEFT);
        step.setId("derivation-h");
        step.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double h) {
                return h == null ? "" : String.format(Locale.ROOT, "h = %.0e", h);
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        step.setValue(model.stepProperty().get());
        GridPane numbers = new GridPane();
        numbers.getStyleClass().add("derivation-numbers");
        numbers.setHgap(14);
        numbers.setVgap(4);
        numbers.addRow(0, caption("derivation.chainRule"), symbolic);
        numbers.addRow(1, caption("derivation.autograd"), autograd);
        numbers.addRow(2, caption("derivation.numeric"), numeric, step);
        numbers.addRow(3, caption("derivation.absChain"), absolute);
        numbers.addRow(4, caption("derivation.absNumeric"), absoluteNumeric);
        numbers.addRow(5, caption("derivation.relative"), relative);
        // the three numbers first: they are what a learner checks; the working follows
        VBox content = new VBox(10, title, elementBox, status, numbers, verdict, formulas, new Separator(), comparisons,
                colourProbe);
        content.setPadding(new Insets(10));
        setContent(content);
        setFitToWidth(true);
        show(null);
    }

    private static Label caption(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.text(key));
        l.getStyleClass().add("derivation-caption");
        return l;
    }

    private void initListeners() {
        model.resultProperty().addListener((o, a, r) -> show(r));
        model.statusProperty().addListener((o, a, s) -> status.setText(s));
        step.valueProperty().addListener((o, a, h) -> {
            if (h != null) {
                model.stepProperty().set(h);
            }
        });
        element.valueProperty().addListener((o, a, i) -> {
            if (i != null) {
                model.elementProperty().set(i);
            }
        });
        I18n.localeProperty().addListener((o, a, l) -> show(model.resultProperty().get()));
    }

    /** The formulas are images drawn in the theme's text colour: the window redraws them after a theme change. */
    public void redraw() {
        show(model.resultProperty().get());
    }

    private void show(DerivationResult r) {
        formulas.getChildren().clear();
        boolean tensorLeaf = r != null && r.leafSize() > 1;
        elementBox.setVisible(tensorLeaf);
        elementBox.setManaged(tensorLeaf);
        if (r == null) {
            title.setText(I18n.get("derivation.empty"));
            for (Label l : List.of(symbolic, autograd, numeric, absolute, absoluteNumeric, relative)) {
                l.setText("\u2013");
            }
            verdict.setText("");
            return;
        }
        if (tensorLeaf && (element.getValueFactory() == null
                || ((SpinnerValueFactory.IntegerSpinnerValueFactory) element.getValueFactory()).getMax() != r.leafSize() - 1)) {
            element.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, r.leafSize() - 1, r.element()));
        }
        String leafLabel = tensorLeaf ? r.leaf() + "[" + r.element() + "]" : r.leaf();
        title.setText(I18n.get("derivation.heading", r.root(), leafLabel));
        Color colour = formulaColour();
        for (String line : r.latex()) {
            Image img = LatexImage.of(line, LATEX_SIZE, colour);
            if (img != null) {
                ImageView view = new ImageView(img);
                view.getStyleClass().add("derivation-latex");
                formulas.getChildren().add(view);
            } else {
                Label plain = new Label(line);
                plain.getStyleClass().add("derivation-formula");
                formulas.getChildren().add(plain);
            }
        }
        List<String> notes = new java.util.ArrayList<>(r.derivation().notes());
        if (r.numericNote() != null) {
            notes.add(r.numericNote());
        }
        for (String note : notes) {
            Label n = new Label(note);
            n.setWrapText(true);
            n.getStyleClass().add("derivation-status");
            formulas.getChildren().add(n);
        }
        symbolic.setText(formatOrDash(r.symbolic()));
        numeric.setText(formatOrDash(r.numeric()));
        if (r.autograd() == null) {
            autograd.setText(I18n.get("derivation.noGrad"));
            absolute.setText("\u2013");
            absoluteNumeric.setText("\u2013");
            relative.setText("\u2013");
        } else {
            autograd.setText(format(r.autograd()));
            absolute.setText(difference(Math.abs(r.symbolic() - r.autograd())));
            absoluteNumeric.setText(difference(Math.abs(r.numeric() - r.autograd())));
            relative.setText(difference(FiniteDifference.relative(r.symbolic(), r.autograd())));
        }
        // without a chain-rule value there is nothing to disagree about: say that only autograd's value stands
        boolean partial = Double.isNaN(r.symbolic()) && !r.agrees();
        verdict.setText(I18n.get(r.agrees() ? "derivation.agree" : partial ? "derivation.partial" : "derivation.disagree"));
        verdict.getStyleClass().removeAll("agree", "disagree");
        if (!partial) {
            verdict.getStyleClass().add(r.agrees() ? "agree" : "disagree");
        }
    }

    private Color formulaColour() {
        colourProbe.applyCss();
        Paint fill = colourProbe.getTextFill();
        return fill instanceof Color c ? c : Color.BLACK;
    }

    /** A number that could not be worked out (no chain rule, no finite difference) is a dash, beside autograd's value. */
    static String formatOrDash(double v) {
        return Double.isNaN(v) ? "\u2013" : format(v);
    }

    private static String difference(double d) {
        return Double.isNaN(d) ? "\u2013" : String.format(Locale.ROOT, "%.1e", d);
    }

    /** Six decimals, or scientific notation for tiny and huge values, so the three numbers line up. */
    static String format(double v) {
        double a = Math.abs(v);
        if (v != 0 && (a < 1e-4 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.6e", v);
        }
        return String.format(Locale.ROOT, "%.6f", v);
    }

    /** The texts of the three numbers (chain rule, autograd, finite difference), as shown. */
    public List<String> numbersShown() {
        return List.of(symbolic.getText(), autograd.getText(), numeric.getText());
    }

    public String titleShown() {
        return title.getText();
    }

    public String verdictShown() {
        return verdict.getText();
    }

    /** How many formula lines are drawn (LaTeX images or plain fallbacks). */
    public int formulaCount() {
        return formulas.getChildren().size();
    }
}
