package org.autogradstudio.ui.anim;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.util.Duration;
import org.autogradstudio.ui.graph.GraphData;

/**
 * The animation over the current graph: a position among {@link StepPlan}'s steps, the
 * {@link Frame} there, and playback (play/pause at {@link #speedProperty() speed} steps per
 * second, one FX timeline tick per step, so the UI thread stays free between ticks).
 */
public final class AnimationModel {
    /** Seconds per step at speed 1. */
    public static final double BASE_SECONDS = 1.2;

    private final ReadOnlyObjectWrapper<StepPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan", new StepPlan(GraphData.EMPTY));
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position", 0);
    private final ReadOnlyIntegerWrapper length = new ReadOnlyIntegerWrapper(this, "length", 1);
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>(this, "frame", Frame.EMPTY);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private Timeline timeline;

    public AnimationModel() {
        speed.addListener((o, a, b) -> {
            if (playing.get()) {
                startTimeline();
            }
        });
    }

    /** Shows a new graph, at its last position (everything computed); FX thread. */
    public void setGraph(GraphData graph) {
        pause();
        StepPlan p = new StepPlan(graph);
        length.set(p.size());
        position.set(p.size() - 1);
        frame.set(p.frame(p.size() - 1));
        plan.set(p);
    }

    public ReadOnlyObjectProperty<StepPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public StepPlan getPlan() {
        return plan.get();
    }

    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public int getPosition() {
        return position.get();
    }

    public ReadOnlyIntegerProperty lengthProperty() {
        return length.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public Frame getFrame() {
        return frame.get();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    /** The first position of the backward pass (the seed), or the end when there is none. */
    public int backwardStart() {
        StepPlan p = plan.get();
        return Math.min(p.size() - 1, p.forwardSteps() + 1);
    }

    public boolean hasBackward() {
        return plan.get().backwardSteps() > 0;
    }

    public void stepForward() {
        moveTo(position.get() + 1, false);
    }

    public void stepBack() {
        moveTo(position.get() - 1, false);
    }

    public void toStart() {
        pause();
        moveTo(0, false);
    }

    public void toEnd() {
        pause();
        moveTo(length.get() - 1, false);
    }

    /** Jumps to a position (clamped). */
    public void moveTo(int p) {
        moveTo(p, false);
    }

    private void moveTo(int p, boolean force) {
        int clamped = Math.max(0, Math.min(length.get() - 1, p));
        if (clamped == position.get() && !force) {
            return;
        }
        position.set(clamped);
        frame.set(plan.get().frame(clamped));
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Plays from here (from the start when at the end). */
    public void play() {
        if (length.get() <= 1) {
            return;
        }
        if (position.get() >= length.get() - 1) {
            moveTo(0, false);
        }
        playing.set(true);
        startTimeline();
    }

    public void pause() {
        playing.set(false);
        if (timeline != null) {
            timeline.stop();
            timeline = null;
        }
    }

    /** Seconds one step lasts at the current speed (the view's pulse along an edge uses it). */
    public double secondsPerStep() {
        return BASE_SECONDS / Math.max(0.1, speed.get());
    }

    private void startTimeline() {
        if (timeline != null) {
            timeline.stop();
        }
        timeline = new Timeline(new KeyFrame(Duration.seconds(secondsPerStep()), e -> {
            if (position.get() >= length.get() - 1) {
                pause();
            } else {
                stepForward();
                if (position.get() >= length.get() - 1) {
                    pause();
                }
            }
        }));
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.play();
    }
}
