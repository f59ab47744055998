/**
 * The computation graph as data: {@link org.autogradstudio.graph.ComputationGraph} (a JGraphT DAG of
 * tensor and function vertices built from the engine's recorded graph and named after the script's
 * variables), its layered layout ({@link org.autogradstudio.graph.GraphLayout}, ELK layered), the
 * {@link org.autogradstudio.graph.BackwardTrace} recorded from the engine's real backward events,
 * and DOT / SVG / PNG / JSON export, and the backward pass as an animated GIF
 * ({@link org.autogradstudio.graph.GifExport}, one frame per step), all through
 * {@link org.autogradstudio.graph.GraphExporter}. No JavaFX here: the studio draws from this package's data.
 */
package org.autogradstudio.graph;
