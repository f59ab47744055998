package org.autogradstudio.ui.app;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.autogradstudio.ui.anim.AnimationModel;
import org.autogradstudio.ui.run.RunController;
import org.fxmisc.richtext.GenericStyledArea;

/**
 * The animation keys (Space, Left/Right, Home/End) work wherever the learner is not typing:
 * in the graph, on buttons, on an empty spot. Escape stops a running cell from anywhere; otherwise it
 * leaves the editor, so that the animation keys work. F5 toggles presenter mode.
 */
public final class KeyBindings {
    private KeyBindings() {
    }

    public static void install(Scene scene, AnimationModel animation, RunController runner, PresenterMode presenter) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && runner.isRunning()) {
                runner.stop();
                e.consume();
                return;
            }
            if (e.getCode() == KeyCode.ESCAPE && isEditing(scene.getFocusOwner())) {
                // leave the editor so that the animation keys work
                scene.getRoot().requestFocus();
                e.consume();
                return;
            }
            if (presenterKey(e, presenter, isEditing(scene.getFocusOwner()))) {
                e.consume();
                return;
            }
            if (e.isShortcutDown() || e.isAltDown() || e.isShiftDown() || isEditing(scene.getFocusOwner())) {
                return;
            }
            switch (e.getCode()) {
                case SPACE -> animation.togglePlay();
                case RIGHT -> {
                    animation.pause();
                    animation.stepForward();
                }
                case LEFT -> {
                    animation.pause();
                    animation.stepBack();
                }
                case HOME -> animation.toStart();
                case END -> animation.toEnd();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    /** F5 toggles presenter mode; while presenting, Escape leaves it and + / - scale it. */
    private static boolean presenterKey(KeyEvent e, PresenterMode presenter, boolean editing) {
        if (e.getCode() == KeyCode.F5) {
            presenter.toggle();
            return true;
        }
        if (!presenter.isActive() || editing || e.isShortcutDown() || e.isAltDown()) {
            return false;
        }
        switch (e.getCode()) {
            case ESCAPE -> presenter.setActive(false);
            case PLUS, ADD, EQUALS -> presenter.larger();
            case MINUS, SUBTRACT -> presenter.smaller();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Whether keys typed now belong to a text field, a code editor, a list or a slider. */
    static boolean isEditing(Node focus) {
        for (Node n = focus; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl || n instanceof GenericStyledArea || n instanceof ListView || n instanceof Slider) {
                return true;
            }
        }
        return false;
    }
}
