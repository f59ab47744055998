package org.autogradstudio.ui.graph;

import java.util.HashMap;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.util.Duration;
import org.autogradstudio.ui.anim.Frame;


/**
 * Draws a {@link GraphData} and lets the learner pan (drag), zoom (wheel, pinch, buttons) and fit
 * it; clicking a vertex selects it. {@link #apply(Frame)} shows one animation frame: visible
 * vertices, gradients, the active edge with its label and a dot travelling along it.
 */
public final class GraphCanvas extends Pane {
    public static final double MIN_ZOOM = 0.1;
    public static final double MAX_ZOOM = 4;
    /** The smallest zoom a new graph is shown at: labels stay legible on a projector. */
    public static final double READABLE_ZOOM = 0.6;

    private final GraphSelection selection;
    private final Group world = new Group();
    private final Group edgeLayer = new Group();
    private final Group vertexLayer = new Group();
    private final Group labelLayer = new Group();
    private final Circle pulse = new Circle(10);
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final Map<String, VertexView> vertexViews = new HashMap<>();
    private final Map<String, EdgeView> edgeViews = new HashMap<>();
    private final Timeline pulseMotion = new Timeline();
    private final Timeline panMotion = new Timeline();
    private final DoubleProperty pulseT = new SimpleDoubleProperty(0);
    private GraphData graph = GraphData.EMPTY;
    private EdgeView pulseEdge;
    private double pressX;
    private double pressY;
    private double startTx;
    private double startTy;
    private boolean dragged;
    private boolean fitPending = true;
    /** True until the learner pans or zooms: resizing the view then fits the graph again. */
    private boolean autoFit = true;
    /** The smallest zoom the last fit allowed: a graph fitted whole (the Fit button) is refitted whole. */
    private double fitMinZoom = READABLE_ZOOM;

    public GraphCanvas(GraphSelection selection) {
        this.selection = selection;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("graph-canvas");
        setFocusTraversable(true);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        pulse.getStyleClass().add("pulse");
        pulse.setVisible(false);
        pulse.setMouseTransparent(true);
        labelLayer.setMouseTransparent(true);
        world.getTransforms().add(scale);
        world.getChildren().addAll(edgeLayer, vertexLayer, labelLayer, pulse);
        getChildren().add(world);
    }

    private void initListeners() {
        scale.xProperty().bind(zoom);
        scale.yProperty().bind(zoom);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            panMotion.stop();
            pressX = e.getX();
            pressY = e.getY();
            startTx = world.getTranslateX();
            startTy = world.getTranslateY();
            dragged = false;
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (Math.abs(e.getX() - pressX) + Math.abs(e.getY() - pressY) > 4) {
                dragged = true;
            }
            world.setTranslateX(startTx + e.getX() - pressX);
            world.setTranslateY(startTy + e.getY() - pressY);
            autoFit = false;
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (dragged || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            if (e.getClickCount() == 2 && vertexAt(e.getPickResult().getIntersectedNode()) == null) {
                fit();
                return;
            }
            VertexView v = vertexAt(e.getPickResult().getIntersectedNode());
            selection.select(v == null ? null : v.data());
        });
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                zoomAt(Math.exp(e.getDeltaY() * 0.003), e.getX(), e.getY());
                e.consume();
            }
        });
        addEventHandler(ZoomEvent.ZOOM, e -> {
            zoomAt(e.getZoomFactor(), e.getX(), e.getY());
            e.consume();
        });
        selection.selectedProperty().addListener((o, a, b) -> {
            vertexViews.values().forEach(v -> v.setSelected(b != null && v.data().id().equals(b.id())));
        });
        GraphKeyboard.install(this, selection, vertexViews::values);
        widthProperty().addListener((o, a, b) -> refitAfterResize());
        heightProperty().addListener((o, a, b) -> refitAfterResize());
        pulseT.addListener((o, a, b) -> {
            if (pulseEdge != null) {
                // the gradient travels backwards: from the edge's target (the function) to its source
                Point2D p = pulseEdge.pointAt(1 - b.doubleValue());
                pulse.setCenterX(p.getX());
                pulse.setCenterY(p.getY());
            }
        });
    }

    private static VertexView vertexAt(Node n) {
        while (n != null && !(n instanceof VertexView)) {
            n = n.getParent();
        }
        return (VertexView) n;
    }

    public GraphData graph() {
        return graph;
    }

    /** Replaces the drawing (FX thread); fits it into view. */
    public void setGraph(GraphData g) {
        this.graph = g;
        pulseMotion.stop();
        pulse.setVisible(false);
        pulseEdge = null;
        vertexViews.clear();
        edgeViews.clear();
        edgeLayer.getChildren().clear();
        vertexLayer.getChildren().clear();
        labelLayer.getChildren().clear();
        for (EdgeData e : g.edges()) {
            EdgeView v = new EdgeView(e);
            edgeViews.put(e.id(), v);
            edgeLayer.getChildren().add(v);
            labelLayer.getChildren().add(v.label());
        }
        for (VertexData d : g.vertices()) {
            VertexView v = new VertexView(d);
            VertexData sel = selection.getSelected();
            v.setSelected(sel != null && sel.id().equals(d.id()));
            vertexViews.put(d.id(), v);
            vertexLayer.getChildren().add(v);
            labelLayer.getChildren().add(v.sumLabel());
        }
        fitPending = true;
        autoFit = true;
        fitMinZoom = READABLE_ZOOM;
        fitIfPending();
    }

    public VertexView vertexView(String id) {
        return vertexViews.get(id);
    }

    public EdgeView edgeView(String id) {
        return edgeViews.get(id);
    }

    /** The edge highlighted now, or null. */
    public EdgeView activeEdge() {
        for (EdgeView e : edgeViews.values()) {
            if (e.isActive()) {
                return e;
            }
        }
        return null;
    }

    /** Shows one animation frame; the dot crosses the active edge in {@code seconds}. */
    public void apply(Frame frame, double seconds) {
        for (VertexView v : vertexViews.values()) {
            v.apply(frame);
        }
        for (EdgeView e : edgeViews.values()) {
            boolean visible = frame.isVisible(e.data().from()) && frame.isVisible(e.data().to());
            boolean active = e.data().id().equals(frame.activeEdge());
            e.apply(visible, active, active ? frame.edgeLabel() : null);
        }
        revealActive(frame);
        EdgeView active = frame.activeEdge() == null ? null : edgeViews.get(frame.activeEdge());
        pulseMotion.stop();
        pulseEdge = active;
        if (active == null) {
            pulse.setVisible(false);
            return;
        }
        pulse.setVisible(true);
        pulseMotion.getKeyFrames().setAll(
                new KeyFrame(Duration.ZERO, new KeyValue(pulseT, 0)),
                new KeyFrame(Duration.seconds(Math.max(0.2, seconds * 0.8)), new KeyValue(pulseT, 1, Interpolator.EASE_BOTH)));
        pulseMotion.setCycleCount(1);
        pulseT.set(0);
        pulseMotion.playFromStart();
    }

    public boolean isPulsing() {
        return pulseMotion.getStatus() == Animation.Status.RUNNING;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public void zoomIn() {
        zoomAt(1.25, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoomAt(0.8, getWidth() / 2, getHeight() / 2);
    }

    /** Zooms by {@code factor} keeping the point under (x, y) in place. */
    public void zoomAt(double factor, double x, double y) {
        panMotion.stop();
        autoFit = false;
        double old = zoom.get();
        double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, old * factor));
        double wx = (x - world.getTranslateX()) / old;
        double wy = (y - world.getTranslateY()) / old;
        zoom.set(z);
        world.setTranslateX(x - wx * z);
        world.setTranslateY(y - wy * z);
    }

    /** Scales and centres the whole graph in the view (at most 1.5×). */
    public void fit() {
        fit(MIN_ZOOM);
    }

    /**
     * Fits the graph, but not below {@code minZoom}: a long graph then stays readable, shown from
     * its output end (where the backward pass starts), and the view follows the animation.
     */
    public void fit(double minZoom) {
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0 || graph.isEmpty()) {
            return;
        }
        panMotion.stop();
        autoFit = true;
        fitMinZoom = minZoom;
        double z = Math.max(minZoom, Math.min(1.5, Math.min(w / graph.width(), h / (graph.height() + 40))));
        zoom.set(z);
        world.setTranslateX(graph.width() * z <= w ? (w - graph.width() * z) / 2 : w - graph.width() * z);
        world.setTranslateY((h - graph.height() * z) / 2);
        fitPending = false;
    }

    private void refitAfterResize() {
        if (autoFit) {
            fitPending = true;
        }
        fitIfPending();
    }

    private void fitIfPending() {
        if (fitPending && getWidth() > 0 && getHeight() > 0) {
            fit(fitMinZoom);
        }
    }

    /** Pans (smoothly) so that the box (x, y, w, h in graph coordinates) is in view, when it is not. */
    /** Pans so that a vertex reached from the keyboard is in view. */
    void reveal(VertexView v) {
        if (getWidth() > 0) {
            reveal(v.data().x(), v.data().y(), v.data().width(), v.data().height());
        }
    }

    private void reveal(double x, double y, double bw, double bh) {
        double z = zoom.get();
        if (graph.width() * z <= getWidth() + 1 && graph.height() * z <= getHeight() + 1) {
            return;
        }
        double margin = 0;
        double left = world.getTranslateX() + x * z;
        double top = world.getTranslateY() + y * z;
        double right = left + bw * z;
        double bottom = top + bh * z;
        double dx = 0;
        double dy = 0;
        if (left < margin || right > getWidth() - margin) {
            dx = getWidth() / 2 - (left + right) / 2;
        }
        if (top < margin || bottom > getHeight() - margin) {
            dy = getHeight() / 2 - (top + bottom) / 2;
        }
        if (dx == 0 && dy == 0) {
            return;
        }
        panMotion.stop();
        panMotion.getKeyFrames().setAll(new KeyFrame(Duration.millis(250),
                new KeyValue(world.translateXProperty(), world.getTranslateX() + dx, Interpolator.EASE_BOTH),
                new KeyValue(world.translateYProperty(), world.getTranslateY() + dy, Interpolator.EASE_BOTH)));
        panMotion.playFromStart();
    }

    private void revealActive(Frame frame) {
        if (getWidth() <= 0 || frame.activeVertex() == null) {
            return;
        }
        VertexData v = graph.vertex(frame.activeVertex());
        if (v == null) {
            return;
        }
        double x0 = v.x();
        double y0 = v.y();
        double x1 = v.x() + v.width();
        double y1 = v.y() + v.height();
        TraceStep step = frame.step();
        VertexData other = step == null || step.target() == null ? null : graph.vertex(step.target());
        if (other != null) {
            x0 = Math.min(x0, other.x());
            y0 = Math.min(y0, other.y());
            x1 = Math.max(x1, other.x() + other.width());
            y1 = Math.max(y1, other.y() + other.height());
        }
        reveal(x0, y0, x1 - x0, y1 - y0);
    }

    /** Pans by a screen offset (keyboard). */
    public void pan(double dx, double dy) {
        world.setTranslateX(world.getTranslateX() + dx);
        world.setTranslateY(world.getTranslateY() + dy);
    }
}
