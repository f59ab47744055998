package org.autogradstudio.ui.app;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.autogradstudio.lesson.LessonFormatException;
import org.autogradstudio.ui.I18n;

/** The studio's dialogs. They never block the caller (tests and the classroom keep going). */
public final class Dialogs {
    private Dialogs() {
    }

    /** A lesson that cannot be opened: names the file and the line. */
    public static Alert openFailed(Window owner, String file, Exception e) {
        String text;
        if (e instanceof LessonFormatException f) {
            String detail = f.getMessage().replaceFirst("^.*?, line \\d+: ", "");
            text = I18n.get("dialog.error.line", f.file(), f.line(), detail);
        } else {
            text = file + ": " + e.getMessage();
        }
        return show(owner, Alert.AlertType.ERROR, I18n.get("dialog.error.title"), I18n.get("dialog.error.header", file), text);
    }

    public static Alert error(Window owner, String header, String text) {
        return show(owner, Alert.AlertType.ERROR, I18n.get("app.name"), header, text);
    }

    public static Alert info(Window owner, String title, String text) {
        Alert a = show(owner, Alert.AlertType.INFORMATION, title, title, null);
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.getStyleClass().add("dialog-text");
        area.setPrefRowCount(Math.min(14, (int) text.chars().filter(c -> c == '\n').count() + 1));
        a.getDialogPane().setContent(area);
        return a;
    }

    private static Alert show(Window owner, Alert.AlertType type, String title, String header, String text) {
        Alert a = new Alert(type);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle(title);
        a.setHeaderText(header);
        if (text != null) {
            a.setContentText(text);
        }
        a.getDialogPane().setId("studio-dialog");
        a.show();
        return a;
    }
}
