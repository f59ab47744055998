package org.autogradstudio.ui.derivation;

import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.autogradstudio.lesson.Comparison;
import org.autogradstudio.ui.I18n;

/**
 * The lesson's own manual gradients beside autograd's, one row per {@code studio.compare(...)}: label,
 * manual value, autograd value and a mark; a mismatch adds the sentence that names the first manual
 * factor parting from autograd's chain (when the lesson gave its factors), or by how much they differ.
 */
final class ComparisonList extends VBox {
    /** Rows beyond this are summarised: a loop comparing at every step would otherwise flood the panel. */
    static final int MAX_ROWS = 40;
    private final ReadOnlyObjectProperty<List<Comparison>> comparisons;
    private final Label heading = new Label();
    private final Label empty = new Label();
    private final GridPane rows = new GridPane();

    ComparisonList(ReadOnlyObjectProperty<List<Comparison>> comparisons) {
        this.comparisons = comparisons;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("comparison-list");
        setId("comparisons");
        setSpacing(6);
        heading.getStyleClass().add("derivation-subtitle");
        heading.textProperty().bind(I18n.text("derivation.comparisons"));
        empty.textProperty().bind(I18n.text("derivation.comparisons.none"));
        empty.setWrapText(true);
        empty.getStyleClass().add("derivation-status");
        rows.setHgap(12);
        rows.setVgap(3);
        getChildren().addAll(heading, empty, rows);
        show(comparisons.get());
    }

    private void initListeners() {
        comparisons.addListener((o, a, list) -> show(list));
        I18n.localeProperty().addListener((o, a, l) -> show(comparisons.get()));
    }

    private void show(List<Comparison> list) {
        rows.getChildren().clear();
        List<Comparison> all = list == null ? List.of() : list;
        empty.setVisible(all.isEmpty());
        empty.setManaged(all.isEmpty());
        if (all.isEmpty()) {
            return;
        }
        rows.addRow(0, caption(""), caption(I18n.get("derivation.comparisons.manual")),
                caption(I18n.get("derivation.comparisons.autograd")), caption(""));
        int start = Math.max(0, all.size() - MAX_ROWS);
        int row = 1;
        for (int i = start; i < all.size(); i++) {
            Comparison c = all.get(i);
            Label mark = new Label(c.match() ? "\u2713" : "\u2717");
            mark.getStyleClass().addAll("comparison-mark", c.match() ? "agree" : "disagree");
            Label label = new Label(c.label());
            label.getStyleClass().add("comparison-label");
            rows.addRow(row++, label, number(c.manual()), number(c.autograd()), mark);
            if (!c.match()) {
                Label why = new Label(c.message());
                why.setWrapText(true);
                why.getStyleClass().addAll("comparison-message", "disagree");
                rows.add(why, 0, row++, 4, 1);
            }
        }
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("derivation-caption");
        return l;
    }

    private static Label number(List<Double> values) {
        Label l = new Label(text(values));
        l.getStyleClass().add("derivation-number");
        return l;
    }

    /** Four decimals as the lessons print them; long vectors shortened. */
    static String text(List<Double> values) {
        if (values.size() == 1) {
            return DerivationPanel.format(values.get(0));
        }
        List<Double> shown = values.size() > 6 ? values.subList(0, 3) : values;
        String s = shown.stream().map(DerivationPanel::format).collect(Collectors.joining(", "));
        return "[" + s + (values.size() > 6 ? ", \u2026 " + values.size() + " values]" : "]");
    }
}
