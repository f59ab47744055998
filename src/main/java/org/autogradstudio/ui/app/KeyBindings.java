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
 * leaves the editor, so that the animation keys work.
 */
public final class KeyBindings {
    private KeyBindings() {
    }

    public static void install(Scene scene, AnimationModel animation, RunController runner) {
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
