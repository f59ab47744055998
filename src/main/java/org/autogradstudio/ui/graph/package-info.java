/**
 * The computation graph as the studio draws it. {@link org.autogradstudio.ui.graph.EngineGraphBuilder}
 * turns the graph package's ComputationGraph and ELK layout into an immutable, FX-free
 * {@link org.autogradstudio.ui.graph.GraphData} on the script thread, with the engine's recorded
 * backward events ({@link org.autogradstudio.ui.graph.TraceRecorder}) mapped onto its edges;
 * {@link org.autogradstudio.ui.graph.GraphCanvas} draws it with pan, zoom and fit, and
 * {@link org.autogradstudio.ui.graph.NodeInspector} shows the selected vertex. Every vertex has
 * accessible text ({@link org.autogradstudio.ui.graph.VertexDescription}) and Tab walks the vertices
 * in forward order ({@link org.autogradstudio.ui.graph.GraphKeyboard}).
 */
package org.autogradstudio.ui.graph;
