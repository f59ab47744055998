/**
 * The main window: {@link org.autogradstudio.ui.app.StudioModel} holds the studio's state (open
 * lesson, kernel, animation, selection, presenter mode, theme) and knows no views;
 * {@link org.autogradstudio.ui.app.MainWindow} lays out menu, toolbar, lessons, cells, graph and
 * the side tabs (inspector, chain rule, charts) and wires them to the model; File > Export writes
 * the graph as PNG (2x), SVG or an animated GIF of the backward pass
 * ({@link org.autogradstudio.ui.app.GraphExportActions}).
 */
package org.autogradstudio.ui.app;
